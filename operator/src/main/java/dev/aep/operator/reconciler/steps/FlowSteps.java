package dev.aep.operator.reconciler.steps;

import java.util.List;
import java.util.Optional;

/** The tutorial's chain of steps, in creation order, and what several steps say alike. */
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
  static Optional<String> waitingState(String kind, String id, String state) {
    if (state == null || state.equalsIgnoreCase("enabled") || state.equalsIgnoreCase("disabled")) {
      return Optional.empty();
    }
    return Optional.of("waiting for " + kind + " " + id + " to leave state " + state);
  }

  /**
   * Whether the operator builds the target schema (target.schema.create): then the field group, the
   * schema and its identity descriptors are the flow's own.
   */
  static boolean createsSchema(FlowContext ctx) {
    return ctx.spec().getTarget().getSchema().getCreate() != null;
  }

  /** The condition message for an object the spec references by id that does not exist. */
  static String missing(FlowContext ctx, String what, String id, String field, String advice) {
    return what
        + " "
        + id
        + " ("
        + field
        + ") does not exist in sandbox "
        + ctx.sandbox()
        + ". "
        + advice;
  }

  /**
   * An object in events and messages: its kind, its name when it has one, its id and any details
   * (e.g. {@code version 3}).
   */
  static String described(String kind, String name, String id, String... details) {
    StringBuilder text = new StringBuilder(kind).append(' ');
    if (name != null) {
      text.append(name).append(' ');
    }
    text.append("(id ").append(id);
    for (String detail : details) {
      text.append(", ").append(detail);
    }
    return text.append(')').toString();
  }

  /** A name in quotes, or null. */
  static String quoted(String name) {
    return name == null ? null : "'" + name + "'";
  }
}
