package dev.aep.operator.platform.http;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Caps the request rate of one org+sandbox: a fair (first come, first served) limiter that lets a
 * burst of up to one second's worth of requests through and then spaces them evenly, and that a
 * {@code Retry-After} pauses as a whole.
 *
 * <p>The pause is a gate in front of the wire as well as of the slots: {@link RetryAfterGate}
 * closes it the moment a 429's headers arrive and checks it immediately before each request is
 * written.
 *
 * <p>Each caller reserves the next free slot under a fair lock and then waits outside the lock, so
 * waiting callers do not block each other from reserving and are served in arrival order.
 */
public final class RequestLimiter {

  private final long intervalNanos;
  private final long burstToleranceNanos;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private final ReentrantLock lock = new ReentrantLock(true);
  // Theoretical arrival time of the next request (GCRA); guarded by lock.
  private long nextSlot;
  // No request may start before this instant; guarded by lock.
  private long pausedUntil;

  /**
   * @param maxPerSecond sustained requests per second (must be positive)
   * @param nanoTime monotonic clock, {@code System::nanoTime} in production
   * @param sleeper how to wait
   */
  public RequestLimiter(double maxPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
    if (!(maxPerSecond > 0)) {
      throw new IllegalArgumentException("maxPerSecond must be positive: " + maxPerSecond);
    }
    this.intervalNanos = Math.max(1L, (long) (1_000_000_000L / maxPerSecond));
    int burst = Math.max(1, (int) Math.ceil(maxPerSecond));
    this.burstToleranceNanos = (burst - 1) * intervalNanos;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    long now = nanoTime.getAsLong();
    this.nextSlot = now;
    this.pausedUntil = now;
  }

  /** Blocks until this caller may send one request. */
  public void acquire() throws InterruptedException {
    long startAt;
    lock.lockInterruptibly();
    try {
      long now = nanoTime.getAsLong();
      long earliest = Math.max(now, pausedUntil);
      nextSlot = Math.max(nextSlot, earliest);
      startAt = Math.max(earliest, nextSlot - burstToleranceNanos);
      nextSlot += intervalNanos;
    } finally {
      lock.unlock();
    }
    waitUntil(startAt);
    // A pause that arrived while this caller waited for its slot still applies to it.
    awaitResume();
  }

  /**
   * Blocks while a {@code Retry-After} pause is in effect. {@link #acquire()} ends with it, and the
   * client checks again with {@link #pausedFor()} as the last step before the request is written,
   * because a caller can pass {@code acquire()} and then spend time on a token, a connection or its
   * body while another caller's 429 comes back.
   */
  public void awaitResume() throws InterruptedException {
    while (true) {
      long until;
      lock.lockInterruptibly();
      try {
        until = pausedUntil;
      } finally {
        lock.unlock();
      }
      if (until - nanoTime.getAsLong() <= 0) {
        return;
      }
      waitUntil(until);
    }
  }

  /** How long the current pause still lasts; zero when requests may be sent now. */
  public Duration pausedFor() {
    lock.lock();
    try {
      long remaining = pausedUntil - nanoTime.getAsLong();
      return remaining > 0 ? Duration.ofNanos(remaining) : Duration.ZERO;
    } finally {
      lock.unlock();
    }
  }

  /** Stops every caller of this scope from sending until {@code duration} from now. */
  public void pauseFor(Duration duration) {
    lock.lock();
    try {
      long until = nanoTime.getAsLong() + duration.toNanos();
      if (until - pausedUntil > 0) {
        pausedUntil = until;
      }
    } finally {
      lock.unlock();
    }
  }

  private void waitUntil(long deadline) throws InterruptedException {
    long remaining = deadline - nanoTime.getAsLong();
    while (remaining > 0) {
      sleeper.sleep(Duration.ofNanos(remaining));
      remaining = deadline - nanoTime.getAsLong();
    }
  }
}
