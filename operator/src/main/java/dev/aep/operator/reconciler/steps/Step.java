package dev.aep.operator.reconciler.steps;

import java.util.List;
import java.util.Optional;

/**
 * The one contract every remote object of a flow follows. A step only answers questions and
 * performs single Platform calls; the executor alone decides what to do with the answers (missing
 * -> create, drifted -> update or replace, not ready -> stop and requeue). Every method is safe to
 * repeat after a crash at any point.
 *
 * @param <R> the remote object as the Platform client returns it
 */
public interface Step<R> {

  /** Name used in conditions, events and logs, e.g. {@code baseConnection}. */
  String name();

  /** Words for people, e.g. {@code base connection}. */
  String kind();

  /**
   * Whether this flow owns the object (create, update, delete) or only uses an existing one given
   * by id in the spec, which must then exist and is never modified or deleted.
   */
  boolean managed(FlowContext ctx);

  /**
   * The object as it is on the Platform now: by the id in status, else (crash recovery) the object
   * carrying this flow's deterministic name and uid. Empty when it does not exist.
   */
  Optional<R> observe(FlowContext ctx);

  /** Why a missing unmanaged object is a problem, for the condition message. */
  default String missingMessage(FlowContext ctx) {
    return "The "
        + kind()
        + " referenced by the spec does not exist in sandbox "
        + ctx.sandbox()
        + ".";
  }

  /**
   * Whether the executor observes this object before any step of a flow that is not Ready runs, so
   * that a wrong manifest fails before its first Platform write: for an object the spec references
   * by id (it must exist), or one whose observation enforces a uniqueness rule, when earlier steps
   * would otherwise create things first. Observing must not need earlier steps.
   */
  default boolean observedFirst(FlowContext ctx) {
    return false;
  }

  /**
   * Whether the step stands for objects on the Platform. False for the steps that only read
   * (explore, whose {@link #create} is a read, the mapping check and the run monitor): a pass that
   * must not write still runs them.
   */
  default boolean remote() {
    return true;
  }

  /** Creates the object; returns it with at least its id. */
  R create(FlowContext ctx);

  /** Differences between the spec and the observed object; empty when in sync. */
  Diff diff(FlowContext ctx, R remote);

  /** Applies a non-empty, non-replacing diff; returns the object with its new etag. */
  default R update(FlowContext ctx, R remote, Diff diff) {
    throw new UnsupportedOperationException(kind() + " cannot be updated");
  }

  /**
   * Whether a replaced object is deleted before its successor is created (true for a flow, which
   * nothing references) or after the whole chain points at the successor (connections).
   */
  default boolean deleteBeforeReplace() {
    return false;
  }

  /** Writes the object's ids and etag into the working status. */
  void record(FlowContext ctx, R remote);

  /** Forgets the object in the working status (it is being replaced). */
  default void forget(FlowContext ctx) {}

  /** Id of the object. */
  String id(R remote);

  /** A reason to wait when the object exists but cannot be used yet (e.g. still provisioning). */
  default Optional<String> notReady(FlowContext ctx, R remote) {
    return Optional.empty();
  }

  /** Earlier copies of this flow's object that no longer belong to the chain (after a replace). */
  default List<String> strays(FlowContext ctx) {
    return List.of();
  }

  /** Whether cleanup deletes this step's objects for this flow (deletion policy, data kept). */
  default boolean deletesOnCleanup(FlowContext ctx) {
    return managed(ctx);
  }

  /**
   * Ids of every object of this flow cleanup must delete: the recorded one plus any unrecorded copy
   * carrying the flow's name and uid.
   */
  default List<String> owned(FlowContext ctx) {
    return List.of();
  }

  /** Deletes one object; false when it was already gone. */
  default boolean delete(FlowContext ctx, String id) {
    return false;
  }

  /** Event reason when {@link #create} succeeded. */
  default String createdReason() {
    return "Created";
  }

  /** How the object is named in events and messages. */
  default String describe(FlowContext ctx, R remote) {
    return kind() + " (id " + id(remote) + ")";
  }

  /**
   * How the object is named in the pass's summary Event: kind and id only, since one Event lists
   * every object a pass changed and the API server refuses notes over 1 KiB.
   */
  default String brief(FlowContext ctx, R remote) {
    return kind() + " " + id(remote);
  }
}
