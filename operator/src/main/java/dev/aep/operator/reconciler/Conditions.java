package dev.aep.operator.reconciler;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Kubernetes-style conditions: one per type, transition time kept while the status holds. */
final class Conditions {
  private Conditions() {}

  /**
   * Returns {@code conditions} with the condition of {@code type} set; its lastTransitionTime moves
   * only when its status changes, so a steady flow writes identical conditions.
   */
  static List<Condition> set(
      List<Condition> conditions,
      String type,
      String status,
      String reason,
      String message,
      Long generation,
      Instant now) {
    List<Condition> result = new ArrayList<>();
    Condition previous = null;
    for (Condition c : conditions == null ? List.<Condition>of() : conditions) {
      if (type.equals(c.getType())) {
        previous = c;
      } else {
        result.add(c);
      }
    }
    String transition =
        previous != null
                && Objects.equals(previous.getStatus(), status)
                && previous.getLastTransitionTime() != null
            ? previous.getLastTransitionTime()
            : now.truncatedTo(ChronoUnit.SECONDS).toString();
    result.add(
        new ConditionBuilder()
            .withType(type)
            .withStatus(status)
            .withReason(reason)
            .withMessage(message)
            .withObservedGeneration(generation)
            .withLastTransitionTime(transition)
            .build());
    result.sort((a, b) -> Integer.compare(order(a.getType()), order(b.getType())));
    return result;
  }

  static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** Whether the condition of {@code type} is True for {@code generation}. */
  static boolean isTrue(List<Condition> conditions, String type, Long generation) {
    return find(conditions, type)
        .filter(c -> FlowConditions.STATUS_TRUE.equals(c.getStatus()))
        .filter(c -> Objects.equals(c.getObservedGeneration(), generation))
        .isPresent();
  }

  private static int order(String type) {
    if (FlowConditions.READY.equals(type)) {
      return 0;
    }
    return FlowConditions.SYNCED.equals(type) ? 1 : 2;
  }
}
