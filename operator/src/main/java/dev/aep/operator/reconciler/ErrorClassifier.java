package dev.aep.operator.reconciler;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.reconciler.steps.StepFailure;
import dev.aep.operator.reconciler.steps.StepFailure.Retry;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;

/**
 * Turns any failure of a pass into a condition reason, a message a person can act on, and a retry
 * decision. Messages come from Platform exceptions (which never carry secrets) and from the spec.
 */
final class ErrorClassifier {
  /** Flow Service refusals of a flow between states, and the state each names. */
  private static final List<Map.Entry<String, String>> BUSY_STATES =
      List.of(
          Map.entry("1420-400", "disabling"),
          Map.entry("1421-400", "updating"),
          Map.entry("1422-400", "in a state that does not allow the action"),
          Map.entry("1457-400", "delete-finalizing"),
          Map.entry("1458-400", "delete-finalizing"));

  private ErrorClassifier() {}

  /** Classifies a failure that happened while {@code doing} (e.g. "creating the flow"). */
  static StepFailure classify(Throwable error, String doing, StripeIngestionFlow flow) {
    if (error instanceof StepFailure failure) {
      return failure;
    }
    if (error instanceof PlatformException e) {
      return platform(e, doing, flow);
    }
    if (error instanceof KubernetesClientException e) {
      return new StepFailure(
          FlowConditions.REASON_RECONCILE_ERROR,
          "Kubernetes API call failed while " + doing + " (HTTP " + e.getCode() + "); retrying.",
          Retry.BACKOFF,
          null,
          e);
    }
    return new StepFailure(
        FlowConditions.REASON_RECONCILE_ERROR,
        "Unexpected error while "
            + doing
            + ": "
            + error.getClass().getSimpleName()
            + (error.getMessage() == null ? "" : ": " + error.getMessage())
            + "; retrying.",
        Retry.BACKOFF,
        null,
        error);
  }

  /**
   * The transitional state a Flow Service refusal names, or null when it is no such refusal
   * (platform-api.md 16): 1420 disabling, 1421 updating, 1422 an action the current state does not
   * allow, 1457/1458 delete-finalizing. These pass by themselves, so they are never InvalidSpec.
   */
  static String busyState(PlatformException e) {
    if (!e.isBadRequest()
        || e.errorCode() == null
        || !e.errorCode().toUpperCase().startsWith("FLOW-")) {
      return null;
    }
    return BUSY_STATES.stream()
        .filter(busy -> e.hasErrorCode(busy.getKey()))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  private static StepFailure platform(PlatformException e, String doing, StripeIngestionFlow flow) {
    String during = doing + " (" + e.getMessage() + ")";
    if (e.isAuthFailure()) {
      return failure(
          FlowConditions.REASON_AUTH_FAILED,
          Retry.SLOW,
          "The Platform refused the credentials of Secret "
              + secret(flow)
              + " while "
              + during
              + ". Check clientId, clientSecret and orgId, and that the integration has access to"
              + " sandbox "
              + flow.getSpec().getPlatform().getSandbox()
              + " with the Manage Sources permission.",
          e);
    }
    if (e.isRateLimited()) {
      return new StepFailure(
          FlowConditions.REASON_RATE_LIMITED,
          "The Platform is rate limiting requests ("
              + e.getMessage()
              + ") while "
              + doing
              + "; retrying after a pause.",
          Retry.BACKOFF,
          e.retryAfter().orElse(null),
          e);
    }
    if (e.isRetryable() || e.isServerError() || e.isTransportFailure()) {
      return new StepFailure(
          FlowConditions.REASON_PLATFORM_UNAVAILABLE,
          "The Platform did not answer properly while " + during + "; retrying with backoff.",
          Retry.BACKOFF,
          e.retryAfter().orElse(null),
          e);
    }
    String busy = busyState(e);
    if (busy != null) {
      String state = busy + ", " + e.errorCode();
      return failure(
          FlowConditions.REASON_PLATFORM_BUSY,
          Retry.BACKOFF,
          "The flow is busy on the Platform ("
              + state
              + ") and refused "
              + during
              + "; retrying"
              + " with backoff until it settles.",
          e);
    }
    if (e.isPreconditionFailed() || e.httpStatus() == 409 || e.hasErrorCode("1418-400")) {
      String message = "The Platform object changed or is still in use while " + during;
      return failure(
          FlowConditions.REASON_REMOTE_CONFLICT, Retry.BACKOFF, message + "; retrying.", e);
    }
    if (e.hasErrorCode("2100-404") || e.hasErrorCode("2101-404")) {
      // The gateway's "sandbox not found": nothing disappeared, the spec names a sandbox this
      // org does not have. Looked at again at the resync pace, since it may be created later.
      return failure(
          FlowConditions.REASON_INVALID_SPEC,
          Retry.SLOW,
          "Sandbox "
              + flow.getSpec().getPlatform().getSandbox()
              + " (spec.platform.sandbox) does not exist for the org of Secret "
              + secret(flow)
              + " ("
              + e.getMessage()
              + "). Create the sandbox, or create a new flow naming an existing one (the sandbox"
              + " of a flow cannot change).",
          e);
    }
    if (e.isNotFound()) {
      String message = "A Platform object disappeared while " + during + "; retrying.";
      return failure(FlowConditions.REASON_RECONCILE_ERROR, Retry.BACKOFF, message, e);
    }
    if (e.httpStatus() >= 400 && e.httpStatus() < 500) {
      String message =
          "The Platform rejected the request while "
              + during
              + ". Fix the spec: the operator does not retry until the spec or a referenced Secret"
              + " changes.";
      return failure(FlowConditions.REASON_INVALID_SPEC, Retry.ON_CHANGE, message, e);
    }
    String message = "Platform call failed while " + during + "; retrying.";
    return failure(FlowConditions.REASON_RECONCILE_ERROR, Retry.BACKOFF, message, e);
  }

  /** The credentials Secret as {@code namespace/name}. */
  private static String secret(StripeIngestionFlow flow) {
    return flow.getMetadata().getNamespace()
        + "/"
        + flow.getSpec().getPlatform().getCredentialsSecretRef().getName();
  }

  /** A failure the Platform's answer explains, with no delay of its own. */
  private static StepFailure failure(
      String reason, Retry retry, String message, PlatformException e) {
    return new StepFailure(reason, message, retry, null, e);
  }
}
