package dev.aep.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.reconciler.steps.RemoteNames;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Small pure pieces: condition transitions and deterministic remote names. */
class ConditionsAndNamesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-01T01:00:00Z");

  @Test
  void keepsTheTransitionTimeWhileTheStatusHoldsAndMovesItOnAChange() {
    List<Condition> first =
        Conditions.set(
            List.of(), FlowConditions.READY, "True", FlowConditions.REASON_AVAILABLE, "ok", 1L, T0);
    List<Condition> same =
        Conditions.set(
            first,
            FlowConditions.READY,
            "True",
            FlowConditions.REASON_AVAILABLE,
            "still ok",
            2L,
            T1);
    List<Condition> flipped =
        Conditions.set(
            same,
            FlowConditions.READY,
            "False",
            FlowConditions.REASON_AUTH_FAILED,
            "denied",
            2L,
            T1);

    assertThat(same.get(0).getLastTransitionTime()).isEqualTo(T0.toString());
    assertThat(same.get(0).getObservedGeneration()).isEqualTo(2L);
    assertThat(flipped.get(0).getLastTransitionTime()).isEqualTo(T1.toString());
    assertThat(flipped).hasSize(1);
  }

  @Test
  void ordersReadyBeforeSynced() {
    List<Condition> conditions =
        Conditions.set(
            List.of(),
            FlowConditions.SYNCED,
            "True",
            FlowConditions.REASON_RECONCILE_SUCCESS,
            "ok",
            1L,
            T0);
    conditions =
        Conditions.set(
            conditions,
            FlowConditions.READY,
            "True",
            FlowConditions.REASON_AVAILABLE,
            "ok",
            1L,
            T0);
    assertThat(conditions)
        .extracting(Condition::getType)
        .containsExactly(FlowConditions.READY, FlowConditions.SYNCED);
  }

  @Test
  void namesAreDeterministicBoundedAndOwnershipNeedsTheExactUid() {
    String name = RemoteNames.name("payments", "charges", "flow");
    assertThat(name).isEqualTo("sif-payments-charges-flow");
    String long1 = RemoteNames.name("n".repeat(63), "x".repeat(200), "flow");
    String long2 = RemoteNames.name("n".repeat(63), "x".repeat(199) + "y", "flow");
    assertThat(long1)
        .hasSizeLessThanOrEqualTo(128)
        .isNotEqualTo(long2)
        .isEqualTo(RemoteNames.name("n".repeat(63), "x".repeat(200), "flow"));

    String description = RemoteNames.describe("Stripe charges", "uid-1");
    assertThat(RemoteNames.ownedBy(description, "uid-1")).isTrue();
    assertThat(RemoteNames.ownedBy(description, "uid-10")).isFalse();
    assertThat(RemoteNames.ownedBy(null, "uid-1")).isFalse();
  }

  @Test
  void backoffGrowsToItsCeilingHonoursRetryAfterAndResets() {
    Backoff backoff =
        new Backoff(java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(1));
    assertThat(backoff.next("a", null))
        .isBetween(java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(120));
    assertThat(backoff.next("a", null))
        .isBetween(java.time.Duration.ofMillis(200), java.time.Duration.ofMillis(240));
    for (int i = 0; i < 10; i++) {
      assertThat(backoff.next("a", null)).isLessThanOrEqualTo(java.time.Duration.ofSeconds(1));
    }
    assertThat(backoff.next("a", java.time.Duration.ofSeconds(5)))
        .isEqualTo(java.time.Duration.ofSeconds(5));
    backoff.reset("a");
    assertThat(backoff.next("a", null)).isLessThanOrEqualTo(java.time.Duration.ofMillis(120));
  }
}
