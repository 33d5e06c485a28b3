package dev.aep.operator.reconciler.steps;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure a step or the executor understood: it carries the condition reason, a message a person
 * can act on, and how soon trying again makes sense.
 */
public class StepFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** When to try again. */
  public enum Retry {
    /** Soon, with exponential backoff: the cause is transient. */
    BACKOFF,
    /** At the resync interval: something outside Kubernetes may fix it. */
    SLOW,
    /** Only when the spec or a referenced Secret changes. */
    ON_CHANGE
  }

  private final String reason;
  private final Retry retry;
  private final transient Duration retryAfter;

  public StepFailure(String reason, String message, Retry retry) {
    this(reason, message, retry, null, null);
  }

  public StepFailure(
      String reason, String message, Retry retry, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.retry = retry;
    this.retryAfter = retryAfter;
  }

  /** Condition reason (a {@code FlowConditions.REASON_*} constant). */
  public String reason() {
    return reason;
  }

  /** When to try again. */
  public Retry retry() {
    return retry;
  }

  /** A minimum delay asked for by the Platform ({@code Retry-After}). */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
