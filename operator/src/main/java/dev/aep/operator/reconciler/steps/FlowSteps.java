package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.DeletionPolicy;
import java.util.List;

/** The tutorial's chain of steps, in creation order. */
public final class FlowSteps {
  private FlowSteps() {}

  /**
   * baseConnection, explore, mapping (checked against the explored record before anything depends
   * on it), sourceConnection, fieldGroup, schema, identities, dataset, targetConnection,
   * mappingSet, flow, runMonitor.
   */
  public static List<Step<?>> tutorialOrder() {
    return List.of(
        new BaseConnectionStep(),
        new ExploreStep(),
        new MappingCheckStep(),
        new SourceConnectionStep(),
        new FieldGroupStep(),
        new SchemaStep(),
        new IdentityStep(),
        new DatasetStep(),
        new TargetConnectionStep(),
        new MappingSetStep(),
        new FlowStep(),
        new RunMonitorStep());
  }

  /**
   * A reason to wait when a connection is in a transitional state ({@code inProgress}, {@code
   * updating}, ...); enabled, disabled and unknown states are usable.
   */
  static java.util.Optional<String> waitingState(String kind, String id, String state) {
    if (state == null || state.equalsIgnoreCase("enabled") || state.equalsIgnoreCase("disabled")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of("waiting for " + kind + " " + id + " to leave state " + state);
  }

  /** Whether the deletion policy removes flow and connections from the Platform. */
  static boolean deletesRemote(FlowContext ctx) {
    return ctx.spec().effectiveDeletionPolicy() == DeletionPolicy.DELETE;
  }
}
