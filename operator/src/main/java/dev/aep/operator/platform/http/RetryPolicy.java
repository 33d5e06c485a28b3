package dev.aep.operator.platform.http;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How often and how long to wait before repeating a failed idempotent call: exponential backoff
 * with jitter, or the server's {@code Retry-After} when it sent one.
 *
 * @param maxAttempts total attempts including the first (1 = no retry)
 * @param baseDelay delay before the first retry, doubled on each further retry
 * @param maxDelay cap of the backoff delay
 * @param maxRetryAfter cap of an honoured {@code Retry-After}; a longer one is not waited for and
 *     the error is returned to the caller instead
 * @param random source of jitter in [0, 1)
 */
public record RetryPolicy(
    int maxAttempts,
    Duration baseDelay,
    Duration maxDelay,
    Duration maxRetryAfter,
    DoubleSupplier random) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    Objects.requireNonNull(random, "random");
  }

  /** 4 attempts, 250 ms doubling up to 8 s, Retry-After honoured up to 60 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        4,
        Duration.ofMillis(250),
        Duration.ofSeconds(8),
        Duration.ofSeconds(60),
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /** Never retry (a Retry-After up to 60 s still pauses the scope's limiter). */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(60), () -> 0.0);
  }

  /** Same policy with another attempt count. */
  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, baseDelay, maxDelay, maxRetryAfter, random);
  }

  /** Same policy with other backoff delays. */
  public RetryPolicy withDelays(Duration base, Duration max) {
    return new RetryPolicy(maxAttempts, base, max, maxRetryAfter, random);
  }

  /** Whether another attempt may follow attempt number {@code attempt} (1-based). */
  public boolean mayRetryAfterAttempt(int attempt) {
    return attempt < maxAttempts;
  }

  /**
   * Whether a {@code Retry-After} is short enough to wait for; longer pauses go back to the caller
   * (the reconciler requeues instead of holding a thread).
   */
  public boolean honours(Duration retryAfter) {
    return retryAfter.compareTo(maxRetryAfter) <= 0;
  }

  /**
   * Delay before the retry that follows attempt {@code attempt} (1-based). With a {@code
   * Retry-After}, at least that long; otherwise "equal jitter": half the exponential step fixed,
   * half random, so that many clients failing together do not retry together.
   */
  public Duration delayBeforeRetry(int attempt, Duration retryAfter) {
    if (retryAfter != null && !retryAfter.isNegative()) {
      return retryAfter;
    }
    long base = baseDelay.toMillis();
    int shift = Math.min(Math.max(attempt - 1, 0), 30);
    long exponential = Math.min(maxDelay.toMillis(), base << shift);
    if (base << shift < 0) {
      exponential = maxDelay.toMillis();
    }
    long half = exponential / 2;
    long jitter = (long) (random.getAsDouble() * (exponential - half + 1));
    return Duration.ofMillis(Math.min(exponential, half + jitter));
  }
}
