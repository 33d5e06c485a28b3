package dev.aep.operator.reconciler.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.FlowStatus;
import dev.aep.operator.api.v1alpha1.RunStatus;
import dev.aep.operator.platform.FlowRun;
import dev.aep.operator.platform.RunError;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs reach status as the newest run's summary; a record-level error never carries its message.
 */
class RunMonitorStepTest extends SampleFlowPass {
  private final RunMonitorStep step = new RunMonitorStep();

  @Test
  void theNewestRunGoesToStatusWithAtMostThreeErrorsAndNoRecordValues() {
    status.setFlow(new FlowStatus("flow-1", "\"f\"", "enabled"));
    Instant started = Instant.parse("2026-06-01T00:00:00Z");
    observer.runs.add(
        new FlowRun(
            "run-2",
            "flow-1",
            started,
            "partialSuccess",
            started,
            started.plusSeconds(60),
            10L,
            8L,
            2L,
            List.of(
                new RunError("MAPPER-2010", "value 'jane@example.com' is not a number", 2L),
                new RunError("CONNECTOR-1001", "Stripe answered 429", null),
                new RunError(null, "no code", null),
                new RunError("EXTRA", "a fourth", null))));

    RunMonitorStep.Runs runs = step.observe(ctx).orElseThrow();
    assertThat(step.managed(ctx)).isFalse();
    assertThat(step.diff(ctx, runs).inSync()).isTrue();
    step.record(ctx, runs);

    RunStatus last = status.getLastRun();
    assertThat(last.getId()).isEqualTo("run-2");
    assertThat(last.getStatus()).isEqualTo("partialSuccess");
    assertThat(last.getCompletedAt()).isEqualTo("2026-06-01T00:01:00Z");
    assertThat(last.getRecordsFailed()).isEqualTo(2L);
    assertThat(last.getErrors())
        .containsExactly(
            "MAPPER-2010 (2 records)", "CONNECTOR-1001: Stripe answered 429", "no code");
    assertThat(String.join(" ", last.getErrors())).doesNotContain("jane@example.com");
  }

  @Test
  void aFlowThatNeverRanHasNoLastRun() {
    status.setFlow(new FlowStatus("flow-1", "\"f\"", "enabled"));
    status.setLastRun(new RunStatus("stale", "success", null, null, null, null, null, List.of()));

    step.record(ctx, step.observe(ctx).orElseThrow());

    assertThat(status.getLastRun()).isNull();
    assertThat(observer.reads).containsExactly("runs flow-1");
    assertThat(step.deletesOnCleanup(ctx)).isFalse();
  }
}
