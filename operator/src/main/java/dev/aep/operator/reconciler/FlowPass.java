package dev.aep.operator.reconciler;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.reconciler.steps.NotReady;
import dev.aep.operator.reconciler.steps.StepFailure;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Clock;

/**
 * One reconcile or cleanup of one flow: owns the working status the steps fill in, sets the
 * Ready and Synced conditions, writes status (only when it changed) and records events.
 */
final class FlowPass implements PassRecorder {
  private final Context<StripeIngestionFlow> context;
  private final StatusWriter writer;
  private final FlowEvents events;
  private final Clock clock;
  private final StripeIngestionFlowStatus working;
  private final boolean wasReady;
  private StripeIngestionFlow resource;

  FlowPass(StripeIngestionFlow resource, Context<StripeIngestionFlow> context, StatusWriter writer,
      FlowEvents events, Clock clock) {
    this.resource = resource;
    this.context = context;
    this.writer = writer;
    this.events = events;
    this.clock = clock;
    this.working = resource.getStatus() == null
        ? new StripeIngestionFlowStatus()
        : context.getClient().getKubernetesSerialization().clone(resource.getStatus());
    this.wasReady = Conditions.isTrue(working.getConditions(), FlowConditions.READY, generation());
  }

  /** The status the steps fill in. */
  StripeIngestionFlowStatus working() {
    return working;
  }

  /** The flow as last read or written. */
  StripeIngestionFlow resource() {
    return resource;
  }

  /** Whether the flow was Ready for its current generation when the pass began. */
  boolean wasReady() {
    return wasReady;
  }

  @Override
  public void checkpoint(String reason, String message) {
    conditions(FlowConditions.STATUS_FALSE, reason, message + "; continuing.",
        FlowConditions.STATUS_FALSE, reason, message + "; continuing.");
    write();
  }

  @Override
  public void event(String reason, String note) {
    events.normal(context.getClient(), resource, reason, note);
  }

  /** Every step matches the spec. */
  void succeeded(String readyMessage, String syncedMessage) {
    conditions(FlowConditions.STATUS_TRUE, FlowConditions.REASON_AVAILABLE, readyMessage,
        FlowConditions.STATUS_TRUE, FlowConditions.REASON_RECONCILE_SUCCESS, syncedMessage);
    write();
  }

  /**
   * Every step matches the spec, but the last run lost data: Ready=False (RunFailed) so that
   * kubectl wait and GitOps health see it, Synced=True, and a Warning Event.
   */
  void runFailed(String readyMessage, String syncedMessage) {
    conditions(FlowConditions.STATUS_FALSE, FlowConditions.REASON_RUN_FAILED, readyMessage,
        FlowConditions.STATUS_TRUE, FlowConditions.REASON_RECONCILE_SUCCESS, syncedMessage);
    write();
    events.warning(context.getClient(), resource, FlowConditions.REASON_RUN_FAILED, readyMessage);
  }

  /** A remote object exists but is not usable yet. */
  void waiting(NotReady notReady) {
    String reason = wasReady ? FlowConditions.REASON_UPDATING : FlowConditions.REASON_CREATING;
    String message = "Waiting: " + notReady.getMessage() + ".";
    conditions(FlowConditions.STATUS_FALSE, reason, message,
        FlowConditions.STATUS_FALSE, reason, message);
    write();
  }

  /**
   * The pass failed. A transient failure of a flow that was Ready leaves Ready alone: the flow
   * on the Platform still runs; only Synced says the operator could not check or fix it.
   */
  void failed(StepFailure failure, String prefix) {
    String message = prefix + failure.getMessage();
    boolean keepReady = wasReady && failure.retry() == StepFailure.Retry.BACKOFF;
    if (keepReady) {
      working.setConditions(Conditions.set(working.getConditions(), FlowConditions.SYNCED,
          FlowConditions.STATUS_FALSE, failure.reason(), message, generation(), clock.instant()));
      working.setObservedGeneration(generation());
    } else {
      conditions(FlowConditions.STATUS_FALSE, failure.reason(), message,
          FlowConditions.STATUS_FALSE, failure.reason(), message);
    }
    write();
    events.warning(context.getClient(), resource, failure.reason(), message);
  }

  private void conditions(String readyStatus, String readyReason, String readyMessage,
      String syncedStatus, String syncedReason, String syncedMessage) {
    working.setObservedGeneration(generation());
    working.setConditions(Conditions.set(working.getConditions(), FlowConditions.READY,
        readyStatus, readyReason, readyMessage, generation(), clock.instant()));
    working.setConditions(Conditions.set(working.getConditions(), FlowConditions.SYNCED,
        syncedStatus, syncedReason, syncedMessage, generation(), clock.instant()));
  }

  private void write() {
    resource = writer.write(resource, working, context);
  }

  private Long generation() {
    return resource.getMetadata().getGeneration();
  }
}
