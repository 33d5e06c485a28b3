package dev.aep.operator.api.v1alpha1;

/**
 * Condition types and reasons of a StripeIngestionFlow's status: part of the API that users and
 * tools read.
 */
public final class FlowConditions {

  /** All Platform objects exist and match the spec. */
  public static final String READY = "Ready";

  /** The last reconcile of the current generation succeeded. */
  public static final String SYNCED = "Synced";

  /** Annotation that stops every Platform write and deletion for the flow while it is "true". */
  public static final String PAUSED_ANNOTATION = "flows.aep.dev/paused";

  public static final String STATUS_TRUE = "True";
  public static final String STATUS_FALSE = "False";

  /** Ready: every object exists and matches the spec. */
  public static final String REASON_AVAILABLE = "Available";

  /** Ready=False while objects are being created. */
  public static final String REASON_CREATING = "Creating";

  /** Ready=False while drifted objects are being updated or replaced. */
  public static final String REASON_UPDATING = "Updating";

  /**
   * Ready=False: every object matches the spec, but the last run failed or failed records, so data
   * is missing from the dataset; the next good run clears it.
   */
  public static final String REASON_RUN_FAILED = "RunFailed";

  /** Synced: the last reconcile succeeded. */
  public static final String REASON_RECONCILE_SUCCESS = "ReconcileSuccess";

  /** Synced=False: the last reconcile failed for a reason not listed below. */
  public static final String REASON_RECONCILE_ERROR = "ReconcileError";

  /** The spec cannot be acted on; nothing is retried until it changes. */
  public static final String REASON_INVALID_SPEC = "InvalidSpec";

  /** A referenced Secret or one of its keys is missing. */
  public static final String REASON_SECRET_NOT_FOUND = "SecretNotFound";

  /** IMS or the Platform refused the credentials (401/403). */
  public static final String REASON_AUTH_FAILED = "AuthFailed";

  /** An update kept losing the If-Match race (412) after bounded retries. */
  public static final String REASON_REMOTE_CONFLICT = "RemoteConflict";

  /** The Platform answered 429; retried after Retry-After. */
  public static final String REASON_RATE_LIMITED = "RateLimited";

  /**
   * The flow is in a transitional state on the Platform (updating, disabling, delete-finalizing)
   * and refused a change (Flow Service 1420, 1421, 1422, 1457, 1458); retried with backoff until it
   * settles, never treated as a spec error.
   */
  public static final String REASON_PLATFORM_BUSY = "PlatformBusy";

  /** The Platform answered 5xx or timed out; retried with backoff. */
  public static final String REASON_PLATFORM_UNAVAILABLE = "PlatformUnavailable";

  private FlowConditions() {}

  /** Synced=False: the flow is paused by annotation; status.plan holds what would be written. */
  public static final String REASON_PAUSED = "Paused";

  /**
   * Synced: managementPolicy ObserveOnly; True when nothing differs, else status.plan says what
   * does.
   */
  public static final String REASON_OBSERVED = "Observed";

  /** Synced=False under ObserveOnly: the Platform differs from the spec (status.plan). */
  public static final String REASON_DRIFT_OBSERVED = "DriftObserved";
}
