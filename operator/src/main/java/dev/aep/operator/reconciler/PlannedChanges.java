package dev.aep.operator.reconciler;

import dev.aep.operator.api.v1alpha1.PlannedChange;
import java.util.List;
import java.util.stream.Collectors;

/** Words for a plan in a condition message. */
final class PlannedChanges {
  /** Changes named in a message; the rest are counted. */
  private static final int NAMED = 5;

  private PlannedChanges() {}

  /** "update dataflow 7f3.. (schedule interval), create mapping set, and 2 more". */
  static String summary(List<PlannedChange> plan) {
    String named =
        plan.stream().limit(NAMED).map(PlannedChanges::describe).collect(Collectors.joining(", "));
    return plan.size() > NAMED ? named + ", and " + (plan.size() - NAMED) + " more" : named;
  }

  private static String describe(PlannedChange change) {
    return change.getOperation()
        + " "
        + change.getObject()
        + (change.getId() == null ? "" : " " + change.getId())
        + (change.getReason() == null ? "" : " (" + change.getReason() + ")");
  }
}
