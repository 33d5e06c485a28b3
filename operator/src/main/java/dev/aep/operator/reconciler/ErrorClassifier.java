package dev.aep.operator.reconciler;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.reconciler.steps.StepFailure;
import dev.aep.operator.reconciler.steps.StepFailure.Retry;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Turns any failure of a pass into a condition reason, a message a person can act on, and a retry
 * decision. Messages come from Platform exceptions (which never carry secrets) and from the spec.
 */
final class ErrorClassifier {
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
    if (e.hasErrorCode("1420-400")) {
      return "disabling";
    }
    if (e.hasErrorCode("1421-400")) {
      return "updating";
    }
    if (e.hasErrorCode("1422-400")) {
      return "in a state that does not allow the action";
    }
    if (e.hasErrorCode("1457-400") || e.hasErrorCode("1458-400")) {
      return "delete-finalizing";
    }
    return null;
  }

  private static StepFailure platform(PlatformException e, String doing, StripeIngestionFlow flow) {
    String what = e.getMessage();
    if (e.isAuthFailure()) {
      String secret =
          flow.getMetadata().getNamespace()
              + "/"
              + flow.getSpec().getPlatform().getCredentialsSecretRef().getName();
      return new StepFailure(
          FlowConditions.REASON_AUTH_FAILED,
          "The Platform refused the credentials of Secret "
              + secret
              + " while "
              + doing
              + " ("
              + what
              + "). Check clientId, clientSecret and orgId, and that the integration has "
              + "access to sandbox "
              + flow.getSpec().getPlatform().getSandbox()
              + " with the Manage Sources permission.",
          Retry.SLOW,
          null,
          e);
    }
    if (e.isRateLimited()) {
      return new StepFailure(
          FlowConditions.REASON_RATE_LIMITED,
          "The Platform is rate limiting requests ("
              + what
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
          "The Platform did not answer properly while "
              + doing
              + " ("
              + what
              + "); retrying with backoff.",
          Retry.BACKOFF,
          e.retryAfter().orElse(null),
          e);
    }
    String busy = busyState(e);
    if (busy != null) {
      return new StepFailure(
          FlowConditions.REASON_PLATFORM_BUSY,
          "The flow is busy on the Platform ("
              + busy
              + ", "
              + e.errorCode()
              + ") and refused "
              + doing
              + " ("
              + what
              + "); retrying with backoff until it settles.",
          Retry.BACKOFF,
          null,
          e);
    }
    if (e.isPreconditionFailed() || e.httpStatus() == 409 || e.hasErrorCode("1418-400")) {
      return new StepFailure(
          FlowConditions.REASON_REMOTE_CONFLICT,
          "The Platform object changed or is still in use while "
              + doing
              + " ("
              + what
              + "); retrying.",
          Retry.BACKOFF,
          null,
          e);
    }
    if (e.hasErrorCode("2100-404") || e.hasErrorCode("2101-404")) {
      // The gateway's "sandbox not found": nothing disappeared, the spec names a sandbox this
      // org does not have. Looked at again at the resync pace, since it may be created later.
      return new StepFailure(
          FlowConditions.REASON_INVALID_SPEC,
          "Sandbox "
              + flow.getSpec().getPlatform().getSandbox()
              + " (spec.platform.sandbox) "
              + "does not exist for the org of Secret "
              + flow.getMetadata().getNamespace()
              + "/"
              + flow.getSpec().getPlatform().getCredentialsSecretRef().getName()
              + " ("
              + what
              + "). Create the sandbox, or create a new flow naming an existing one (the "
              + "sandbox of a flow cannot change).",
          Retry.SLOW,
          null,
          e);
    }
    if (e.isNotFound()) {
      return new StepFailure(
          FlowConditions.REASON_RECONCILE_ERROR,
          "A Platform object disappeared while " + doing + " (" + what + "); retrying.",
          Retry.BACKOFF,
          null,
          e);
    }
    if (e.httpStatus() >= 400 && e.httpStatus() < 500) {
      return new StepFailure(
          FlowConditions.REASON_INVALID_SPEC,
          "The Platform rejected the request while "
              + doing
              + " ("
              + what
              + "). Fix the spec: "
              + "the operator does not retry until the spec or a referenced Secret changes.",
          Retry.ON_CHANGE,
          null,
          e);
    }
    return new StepFailure(
        FlowConditions.REASON_RECONCILE_ERROR,
        "Platform call failed while " + doing + " (" + what + "); retrying.",
        Retry.BACKOFF,
        null,
        e);
  }
}
