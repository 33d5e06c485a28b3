package dev.aep.operator.reconciler;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.reconciler.steps.NotReady;
import dev.aep.operator.reconciler.steps.StepFailure;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Clock;

/**
 * One reconcile or cleanup of one flow: owns the working status the steps fill in, sets the Ready
 * and Synced conditions and, when the pass ends, writes status once (only when it changed) and
 * records one Normal Event summarising every remote object the pass created, updated or deleted,
 * plus a Warning Event when it failed. A flow created without faults so costs one status write and
 * one Event, not one of each per object.
 */
final class FlowPass implements PassRecorder {
  /** Where every pass of the reconciler writes its status and events, and its time. */
  record Outputs(StatusWriter writer, FlowEvents events, Clock clock) {}

  private final Context<StripeIngestionFlow> context;
  private final Outputs out;
  private final StripeIngestionFlowStatus working;
  private final boolean wasReady;
  private final PassSummary changes = new PassSummary();
  private StripeIngestionFlow resource;

  FlowPass(StripeIngestionFlow resource, Context<StripeIngestionFlow> context, Outputs out) {
    this.resource = resource;
    this.context = context;
    this.out = out;
    this.working =
        resource.getStatus() == null
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
  public void changed(String verb, String what) {
    changes.add(verb, what);
  }

  /** A Normal Kubernetes event about the flow that is not a change of a remote object. */
  void event(String reason, String note) {
    out.events().normal(context.getClient(), resource, reason, note);
  }

  /** Every step matches the spec. */
  void succeeded(String readyMessage, String syncedMessage) {
    conditions(
        FlowConditions.STATUS_TRUE,
        FlowConditions.REASON_AVAILABLE,
        readyMessage,
        FlowConditions.STATUS_TRUE,
        FlowConditions.REASON_RECONCILE_SUCCESS,
        syncedMessage);
    finish();
  }

  /** A pass that only observed (paused or ObserveOnly): both conditions as given. */
  void observed(
      boolean ready,
      String readyReason,
      String readyMessage,
      boolean synced,
      String syncedReason,
      String syncedMessage) {
    conditions(
        ready ? FlowConditions.STATUS_TRUE : FlowConditions.STATUS_FALSE,
        readyReason,
        readyMessage,
        synced ? FlowConditions.STATUS_TRUE : FlowConditions.STATUS_FALSE,
        syncedReason,
        syncedMessage);
    finish();
  }

  /** Cleanup removed every object: no status to write (the flow is going), only the summary. */
  void cleanedUp() {
    summarise();
  }

  /**
   * Every step matches the spec, but the last run lost data: Ready=False (RunFailed) so that
   * kubectl wait and GitOps health see it, Synced=True, and a Warning Event.
   */
  void runFailed(String readyMessage, String syncedMessage) {
    conditions(
        FlowConditions.STATUS_FALSE,
        FlowConditions.REASON_RUN_FAILED,
        readyMessage,
        FlowConditions.STATUS_TRUE,
        FlowConditions.REASON_RECONCILE_SUCCESS,
        syncedMessage);
    finish();
    out.events()
        .warning(context.getClient(), resource, FlowConditions.REASON_RUN_FAILED, readyMessage);
  }

  /** A remote object exists but is not usable yet. */
  void waiting(NotReady notReady) {
    String reason = wasReady ? FlowConditions.REASON_UPDATING : FlowConditions.REASON_CREATING;
    String message = "Waiting: " + notReady.getMessage() + ".";
    conditions(
        FlowConditions.STATUS_FALSE, reason, message, FlowConditions.STATUS_FALSE, reason, message);
    finish();
  }

  /**
   * The pass failed. A transient failure of a flow that was Ready leaves Ready alone: the flow on
   * the Platform still runs; only Synced says the operator could not check or fix it.
   */
  void failed(StepFailure failure, String prefix) {
    String message = prefix + failure.getMessage();
    boolean keepReady = wasReady && failure.retry() == StepFailure.Retry.BACKOFF;
    if (keepReady) {
      condition(FlowConditions.SYNCED, FlowConditions.STATUS_FALSE, failure.reason(), message);
      working.setObservedGeneration(generation());
    } else {
      conditions(
          FlowConditions.STATUS_FALSE,
          failure.reason(),
          message,
          FlowConditions.STATUS_FALSE,
          failure.reason(),
          message);
    }
    finish();
    out.events().warning(context.getClient(), resource, failure.reason(), message);
  }

  private void conditions(
      String readyStatus,
      String readyReason,
      String readyMessage,
      String syncedStatus,
      String syncedReason,
      String syncedMessage) {
    working.setObservedGeneration(generation());
    condition(FlowConditions.READY, readyStatus, readyReason, readyMessage);
    condition(FlowConditions.SYNCED, syncedStatus, syncedReason, syncedMessage);
  }

  private void condition(String type, String status, String reason, String message) {
    working.setConditions(
        Conditions.set(
            working.getConditions(),
            type,
            status,
            reason,
            message,
            generation(),
            out.clock().instant()));
  }

  /**
   * Writes the status, then the summary. The summary is recorded even when the write fails: the
   * objects exist either way (the next pass adopts them), and a failed write that ends the pass
   * must not hide what it did.
   */
  private void finish() {
    try {
      resource = out.writer().write(resource, working, context);
    } finally {
      summarise();
    }
  }

  /** One Normal Event for everything the pass changed; nothing when it changed nothing. */
  private void summarise() {
    changes
        .drain()
        .ifPresent(
            summary ->
                out.events()
                    .normal(context.getClient(), resource, summary.reason(), summary.note()));
  }

  private Long generation() {
    return resource.getMetadata().getGeneration();
  }
}
