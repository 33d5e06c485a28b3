package dev.aep.operator.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-scope limiter on a fake clock: burst, even spacing, pauses. */
class RequestLimiterTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  // Sleeping moves the fake clock, so nothing waits for real.
  private final Sleeper sleeper = d -> now.addAndGet(d.toNanos());

  private List<Long> startTimes(RequestLimiter limiter, int requests) throws InterruptedException {
    List<Long> starts = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      limiter.acquire();
      starts.add(now.get());
    }
    return starts;
  }

  /** How long, on the fake clock, {@code limiter} holds the next request back. */
  private Duration nextRequestHeldFor(RequestLimiter limiter) throws InterruptedException {
    long t0 = now.get();
    limiter.acquire();
    return Duration.ofNanos(now.get() - t0);
  }

  @Test
  void oneSecondBurstPassesThenRequestsAreSpacedEvenly() throws Exception {
    RequestLimiter limiter = new RequestLimiter(4, now::get, sleeper);
    long t0 = now.get();
    List<Long> starts = startTimes(limiter, 7);
    assertThat(starts.subList(0, 4)).containsOnly(t0);
    assertThat(starts.get(4) - t0).isEqualTo(Duration.ofMillis(250).toNanos());
    assertThat(starts.get(5) - starts.get(4)).isEqualTo(Duration.ofMillis(250).toNanos());
    assertThat(starts.get(6) - starts.get(5)).isEqualTo(Duration.ofMillis(250).toNanos());
  }

  @Test
  void idleTimeRefillsTheBurstButNotBeyondIt() throws Exception {
    RequestLimiter limiter = new RequestLimiter(2, now::get, sleeper);
    startTimes(limiter, 2);
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    long t1 = now.get();
    List<Long> starts = startTimes(limiter, 3);
    assertThat(starts.subList(0, 2)).containsOnly(t1);
    assertThat(starts.get(2) - t1).isEqualTo(Duration.ofMillis(500).toNanos());
  }

  @Test
  void pauseHoldsEveryRequestUntilItEnds() throws Exception {
    RequestLimiter limiter = new RequestLimiter(100, now::get, sleeper);
    limiter.pauseFor(Duration.ofSeconds(2));
    assertThat(nextRequestHeldFor(limiter)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void shorterPauseDoesNotShortenALongerOne() throws Exception {
    RequestLimiter limiter = new RequestLimiter(100, now::get, sleeper);
    limiter.pauseFor(Duration.ofSeconds(5));
    limiter.pauseFor(Duration.ofSeconds(1));
    assertThat(nextRequestHeldFor(limiter)).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void pausedForTellsTheRestOfThePauseAndAwaitResumeWaitsItOut() throws Exception {
    RequestLimiter limiter = new RequestLimiter(100, now::get, sleeper);
    assertThat(limiter.pausedFor()).isZero();
    long t0 = now.get();
    limiter.pauseFor(Duration.ofSeconds(3));
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(limiter.pausedFor()).isEqualTo(Duration.ofSeconds(2));
    limiter.awaitResume();
    assertThat(now.get() - t0).isEqualTo(Duration.ofSeconds(3).toNanos());
    assertThat(limiter.pausedFor()).isZero();
  }

  @Test
  void fractionalRatesAreSupported() throws Exception {
    RequestLimiter limiter = new RequestLimiter(0.5, now::get, sleeper);
    long t0 = now.get();
    List<Long> starts = startTimes(limiter, 2);
    assertThat(starts.get(0)).isEqualTo(t0);
    assertThat(starts.get(1) - t0).isEqualTo(Duration.ofSeconds(2).toNanos());
  }
}
