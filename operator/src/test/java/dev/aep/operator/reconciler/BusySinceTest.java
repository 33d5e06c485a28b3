package dev.aep.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.reconciler.steps.StepFailure;
import dev.aep.operator.testing.MutableClock;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BusySinceTest {
  private static final Instant FIRST = Instant.parse("2026-12-02T10:00:00Z");

  private static StepFailure busy() {
    return new StepFailure(
        FlowConditions.REASON_PLATFORM_BUSY,
        "Flow f is updating (1421).",
        StepFailure.Retry.BACKOFF);
  }

  private static Condition readyAs(String reason, String message) {
    return new ConditionBuilder()
        .withType(FlowConditions.READY)
        .withStatus("False")
        .withReason(reason)
        .withMessage(message)
        .withLastTransitionTime("2026-12-01T00:00:00Z")
        .build();
  }

  @Test
  void theMessageSaysSinceTheFirstRefusalOfTheStreak() {
    MutableClock clock = new MutableClock(FIRST);
    BusySince busySince = new BusySince(clock);
    busySince.annotate("uid", busy(), null);
    clock.advance(Duration.ofMinutes(3));

    assertThat(busySince.annotate("uid", busy(), null).getMessage())
        .endsWith("Busy since " + FIRST + ".");
  }

  @Test
  void aRestartedOperatorResumesTheStreakFromTheRecordedCondition() {
    String recorded =
        new BusySince(new MutableClock(FIRST)).annotate("uid", busy(), null).getMessage();
    BusySince restarted = new BusySince(new MutableClock(FIRST.plus(Duration.ofHours(1))));

    StepFailure again =
        restarted.annotate("uid", busy(), readyAs(FlowConditions.REASON_PLATFORM_BUSY, recorded));

    assertThat(again.getMessage()).endsWith("Busy since " + FIRST + ".");
  }

  @Test
  void aConditionOfAnotherReasonStartsANewStreakNow() {
    Instant now = FIRST.plus(Duration.ofHours(1));
    BusySince busySince = new BusySince(new MutableClock(now));

    StepFailure failure =
        busySince.annotate(
            "uid",
            busy(),
            readyAs(
                FlowConditions.REASON_INVALID_SPEC, "Something else. Busy since " + FIRST + "."));

    assertThat(failure.getMessage()).endsWith("Busy since " + now + ".");
  }

  @Test
  void anotherFailureEndsTheStreak() {
    MutableClock clock = new MutableClock(FIRST);
    BusySince busySince = new BusySince(clock);
    busySince.annotate("uid", busy(), null);
    busySince.annotate(
        "uid",
        new StepFailure(FlowConditions.REASON_INVALID_SPEC, "bad", StepFailure.Retry.ON_CHANGE),
        null);
    clock.advance(Duration.ofMinutes(5));

    assertThat(busySince.annotate("uid", busy(), null).getMessage())
        .endsWith("Busy since " + FIRST.plus(Duration.ofMinutes(5)) + ".");
  }
}
