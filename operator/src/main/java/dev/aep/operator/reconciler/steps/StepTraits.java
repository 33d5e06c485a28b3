package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.DeletionPolicy;

/**
 * What the executor knows about a step before it asks the Platform anything: its names, whether it
 * stands for objects on the Platform, how a replaced object makes way for its successor and what
 * cleanup does to it.
 *
 * @param name name used in conditions, events and logs, e.g. {@code baseConnection}
 * @param kind words for people, e.g. {@code base connection}
 * @param remote whether the step stands for objects on the Platform; false for the steps that only
 *     read (explore, whose create is a read, the mapping check and the run monitor): a pass that
 *     must not write still runs them
 * @param deleteBeforeReplace whether a replaced object is deleted before its successor is created
 *     (a flow, which nothing references) or after the whole chain points at the successor
 * @param createdReason event reason when a create succeeded
 * @param cleanup what deleting the flow does to the step's objects
 */
public record StepTraits(
    String name,
    String kind,
    boolean remote,
    boolean deleteBeforeReplace,
    String createdReason,
    Cleanup cleanup) {

  /** A step for objects on the Platform, created with reason Created. */
  static StepTraits object(String name, String kind, Cleanup cleanup) {
    return new StepTraits(name, kind, true, false, "Created", cleanup);
  }

  /** A step that only reads and leaves nothing to clean up. */
  static StepTraits reading(String name, String kind) {
    return new StepTraits(name, kind, false, false, "Created", Cleanup.NEVER);
  }

  /** The same step, whose replaced object is deleted before its successor is created. */
  StepTraits deletedBeforeReplace() {
    return new StepTraits(name, kind, remote, true, createdReason, cleanup);
  }

  /** The same step, reporting a successful create with another event reason. */
  StepTraits createdAs(String reason) {
    return new StepTraits(name, kind, remote, deleteBeforeReplace, reason, cleanup);
  }

  /** What deleting the flow does to the objects the flow manages of one kind. */
  public enum Cleanup {
    /** Kept: nothing to delete, or nothing the Platform lets go. */
    NEVER,
    /** Deleted with the flow unless its deletion policy orphans them (connections, dataflow). */
    WITH_FLOW,
    /**
     * Objects shaping or holding customer data (schema, field group, identities, dataset): deleted
     * only when the deletion policy deletes and {@code target.deleteManagedOnDelete} is set.
     */
    WITH_DATA;

    /** Whether cleanup deletes the flow's objects of this kind. */
    boolean applies(FlowContext ctx) {
      boolean deletes = ctx.spec().effectiveDeletionPolicy() == DeletionPolicy.DELETE;
      return switch (this) {
        case NEVER -> false;
        case WITH_FLOW -> deletes;
        case WITH_DATA -> deletes && ctx.spec().getTarget().deletesManagedOnDelete();
      };
    }
  }
}
