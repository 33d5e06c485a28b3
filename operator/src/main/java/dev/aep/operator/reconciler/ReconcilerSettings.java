package dev.aep.operator.reconciler;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tuning of the reconciler: drift-check period, conflict retries, error backoff and event dedupe.
 *
 * @param resyncInterval how often a ready flow is re-observed on the Platform (drift check)
 * @param resyncJitter fraction (0..1) by which each resync delay is randomly stretched or shrunk,
 *     so many flows created together do not hit the Platform in the same second
 * @param maxConflictRetries how many times an update answered 412 is re-read and re-sent before the
 *     pass gives up with {@code RemoteConflict}
 * @param clock time source for conditions, events and schedule decisions
 * @param retryBackoff delays after a retryable failure (429, 5xx, timeouts, conflicts)
 * @param eventDedupeWindow an identical event for the same flow is not repeated within this window
 */
public record ReconcilerSettings(
    Duration resyncInterval,
    double resyncJitter,
    int maxConflictRetries,
    Clock clock,
    RetryBackoff retryBackoff,
    Duration eventDedupeWindow) {

  /** Default drift-check period ({@code RESYNC_INTERVAL}). */
  public static final Duration DEFAULT_RESYNC = Duration.ofMinutes(10);

  /**
   * The exponential backoff after a retryable failure.
   *
   * @param initial the first delay
   * @param max the ceiling
   */
  public record RetryBackoff(Duration initial, Duration max) {
    public RetryBackoff {
      Objects.requireNonNull(initial, "retryInitialBackoff");
      Objects.requireNonNull(max, "retryMaxBackoff");
      if (initial.isNegative() || initial.isZero()) {
        throw new IllegalArgumentException("retryInitialBackoff must be positive");
      }
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("retryMaxBackoff must be >= retryInitialBackoff");
      }
    }
  }

  public ReconcilerSettings {
    Objects.requireNonNull(resyncInterval, "resyncInterval");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    Objects.requireNonNull(eventDedupeWindow, "eventDedupeWindow");
    if (resyncInterval.isNegative() || resyncInterval.isZero()) {
      throw new IllegalArgumentException("resyncInterval must be positive: " + resyncInterval);
    }
    if (resyncJitter < 0 || resyncJitter >= 1) {
      throw new IllegalArgumentException("resyncJitter must be in [0, 1): " + resyncJitter);
    }
    if (maxConflictRetries < 0) {
      throw new IllegalArgumentException("maxConflictRetries must not be negative");
    }
  }

  /** Settings with the given essentials and default backoff (2 s .. 5 min) and dedupe (10 min). */
  public ReconcilerSettings(
      Duration resyncInterval, double resyncJitter, int maxConflictRetries, Clock clock) {
    this(
        resyncInterval,
        resyncJitter,
        maxConflictRetries,
        clock,
        new RetryBackoff(Duration.ofSeconds(2), Duration.ofMinutes(5)),
        Duration.ofMinutes(10));
  }

  /** Production defaults: resync every 10 min with 10% jitter, 3 conflict retries, UTC clock. */
  public static ReconcilerSettings defaults() {
    return new ReconcilerSettings(DEFAULT_RESYNC, 0.1, 3, Clock.systemUTC());
  }

  /** Same settings with another resync interval. */
  public ReconcilerSettings withResyncInterval(Duration interval) {
    return new ReconcilerSettings(
        interval, resyncJitter, maxConflictRetries, clock, retryBackoff, eventDedupeWindow);
  }

  /** Same settings with another error backoff range. */
  public ReconcilerSettings withRetryBackoff(Duration initial, Duration max) {
    return new ReconcilerSettings(
        resyncInterval,
        resyncJitter,
        maxConflictRetries,
        clock,
        new RetryBackoff(initial, max),
        eventDedupeWindow);
  }

  /** Same settings with another event dedupe window. */
  public ReconcilerSettings withEventDedupeWindow(Duration window) {
    return new ReconcilerSettings(
        resyncInterval, resyncJitter, maxConflictRetries, clock, retryBackoff, window);
  }

  /** The resync interval stretched or shrunk by a random factor within the jitter. */
  public Duration jitteredResync() {
    return jitter(resyncInterval);
  }

  /** {@code base} stretched or shrunk by a random factor within the jitter. */
  Duration jitter(Duration base) {
    if (resyncJitter == 0) {
      return base;
    }
    double factor = 1 + ThreadLocalRandom.current().nextDouble(-resyncJitter, resyncJitter);
    return Duration.ofMillis(Math.max(1, Math.round(base.toMillis() * factor)));
  }
}
