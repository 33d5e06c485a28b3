package dev.aep.operator.reconciler.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aep.operator.api.v1alpha1.FlowState;
import dev.aep.operator.api.v1alpha1.FlowStatus;
import dev.aep.operator.api.v1alpha1.MappingSetStatus;
import dev.aep.operator.api.v1alpha1.RemoteObjectStatus;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.ScheduleParams;
import dev.aep.operator.platform.SpecRef;
import dev.aep.operator.platform.Transformation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dataflow's diff: schedule fields are patched, a start time that has passed is left alone with
 * a note, a busy flow finishing the wanted change is in sync, other connections replace it (the old
 * flow first), and the state goes through the enable/disable action.
 */
class FlowStepTest {
  private static final long SPEC_START = Instant.parse("2026-12-01T00:00:00Z").getEpochSecond();
  private final FlowStep step = new FlowStep();
  private final StepKit.FakeObserver observer = new StepKit.FakeObserver();
  private final StripeIngestionFlow flow = StepKit.sample();
  private final StripeIngestionFlowStatus status = new StripeIngestionFlowStatus();
  private final FlowContext ctx = StepKit.context(flow, status, observer);

  FlowStepTest() {
    status.setSourceConnection(new RemoteObjectStatus("source-1", "\"s\"", null));
    status.setTargetConnection(new RemoteObjectStatus("target-1", "\"t\"", null));
    status.setMappingSet(new MappingSetStatus("mapping-1", 0L));
  }

  private Flow remote(String state, String source, ScheduleParams schedule) {
    return new Flow(
        "flow-1",
        "\"f\"",
        "sif-ns-stripe-charges-flow",
        ctx.remoteDescription("Stripe charges into Experience Platform"),
        state,
        SpecRef.STRIPE_FLOW,
        List.of(source),
        List.of("target-1"),
        List.of(Transformation.mapping("mapping-1", 0)),
        schedule,
        null,
        1L,
        1L,
        null);
  }

  private static ScheduleParams schedule(int interval, long start) {
    return new ScheduleParams("minute", interval, start, true);
  }

  @Test
  void aFlowAsTheSpecSaysIsInSync() {
    assertThat(step.diff(ctx, remote("enabled", "source-1", schedule(15, SPEC_START))).inSync())
        .isTrue();
  }

  @Test
  void aChangedIntervalIsPatchedAndAStartTimeThatHasPassedIsLeftAloneWithANote() {
    long past = StepKit.NOW.minusSeconds(86_400).getEpochSecond();

    Diff diff = step.diff(ctx, remote("enabled", "source-1", schedule(30, past)));

    assertThat(diff.ops()).containsExactly(JsonPatchOp.replace("/scheduleParams/interval", 15));
    assertThat(ctx.notes())
        .singleElement()
        .asString()
        .contains("schedule.startTime", "is not applied");
  }

  @Test
  void aStartTimeStillAheadIsMoved() {
    long ahead = StepKit.NOW.plusSeconds(86_400).getEpochSecond();

    Diff diff = step.diff(ctx, remote("enabled", "source-1", schedule(15, ahead)));

    assertThat(diff.ops())
        .containsExactly(
            JsonPatchOp.replace("/scheduleParams/startTime", String.valueOf(SPEC_START)));
    assertThat(ctx.notes()).isEmpty();
  }

  @Test
  void aBusyFlowFinishingTheWantedChangeIsInSyncAnythingElseWaits() {
    status.setFlow(new FlowStatus("flow-1", "\"f\"", "enabled"));
    assertThat(step.diff(ctx, remote("updating", "source-1", schedule(15, SPEC_START))).inSync())
        .isTrue();

    assertThatThrownBy(
            () -> step.diff(ctx, remote("updating", "source-1", schedule(30, SPEC_START))))
        .isInstanceOf(NotReady.class)
        .hasMessageContaining("busy")
        .hasMessageContaining("updating");

    // Recorded as the state it settles in.
    step.record(ctx, remote("disabling", "source-1", schedule(15, SPEC_START)));
    assertThat(status.getFlow().getState()).isEqualTo("disabled");
  }

  @Test
  void otherConnectionsReplaceTheFlowAndTheOldOneGoesFirst() {
    Diff diff = step.diff(ctx, remote("enabled", "source-0", schedule(15, SPEC_START)));

    assertThat(diff.replaces()).isTrue();
    assertThat(diff.replaceReason()).contains("source-0", "source-1");
    assertThat(step.traits().deleteBeforeReplace()).isTrue();
  }

  @Test
  void aDisabledSpecIsAnActionNotAPatch() {
    flow.getSpec().setState(FlowState.DISABLED);

    Diff diff = step.diff(ctx, remote("enabled", "source-1", schedule(15, SPEC_START)));

    assertThat(diff.has("state disabled")).isTrue();
    assertThat(diff.ops()).isEmpty();
  }

  @Test
  void anUnrecordedFlowIsAdoptedOnlyWhenItLinksTheRecordedConnectionsAndIsNotRetired() {
    observer.flows.add(remote("enabled", "source-0", schedule(15, SPEC_START)));
    assertThat(step.observe(ctx)).isEmpty();

    observer.flows.set(0, remote("enabled", "source-1", schedule(15, SPEC_START)));
    assertThat(step.observe(ctx)).map(Flow::id).contains("flow-1");

    ctx.retire("flow-1");
    assertThat(step.observe(ctx)).isEmpty();
    assertThat(step.strays(ctx)).containsExactly("flow-1");
  }
}
