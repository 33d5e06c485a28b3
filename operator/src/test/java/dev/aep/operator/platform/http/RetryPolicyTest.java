package dev.aep.operator.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Backoff with jitter, caps, and Retry-After. */
class RetryPolicyTest {

  private RetryPolicy withRandom(double r) {
    return new RetryPolicy(
        5, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(30), () -> r);
  }

  @Test
  void delayDoublesPerAttemptWithinHalfToFullStep() {
    RetryPolicy low = withRandom(0.0);
    RetryPolicy high = withRandom(0.9999);
    assertThat(low.delayBeforeRetry(1, null)).isEqualTo(Duration.ofMillis(100));
    assertThat(high.delayBeforeRetry(1, null)).isEqualTo(Duration.ofMillis(200));
    assertThat(low.delayBeforeRetry(2, null)).isEqualTo(Duration.ofMillis(200));
    assertThat(high.delayBeforeRetry(2, null)).isEqualTo(Duration.ofMillis(400));
  }

  @Test
  void delayIsCappedAtMaxDelay() {
    assertThat(withRandom(0.9999).delayBeforeRetry(10, null)).isEqualTo(Duration.ofSeconds(1));
    assertThat(withRandom(0.9999).delayBeforeRetry(100, null)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void retryAfterReplacesTheBackoff() {
    assertThat(withRandom(0.5).delayBeforeRetry(1, Duration.ofSeconds(2)))
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void retryAfterAboveTheCapIsNotHonoured() {
    assertThat(withRandom(0).honours(Duration.ofSeconds(30))).isTrue();
    assertThat(withRandom(0).honours(Duration.ofSeconds(31))).isFalse();
  }

  @Test
  void attemptsAreCounted() {
    RetryPolicy p = withRandom(0).withMaxAttempts(2);
    assertThat(p.mayRetryAfterAttempt(1)).isTrue();
    assertThat(p.mayRetryAfterAttempt(2)).isFalse();
    assertThat(RetryPolicy.none().mayRetryAfterAttempt(1)).isFalse();
    assertThatThrownBy(() -> withRandom(0).withMaxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void retryAfterHeaderIsReadAsSecondsOrDate() {
    assertThat(PlatformCaller.parseRetryAfter("2")).isEqualTo(Duration.ofSeconds(2));
    assertThat(PlatformCaller.parseRetryAfter(" 0 ")).isEqualTo(Duration.ZERO);
    assertThat(PlatformCaller.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"))
        .isEqualTo(Duration.ZERO);
    assertThat(PlatformCaller.parseRetryAfter("soon")).isNull();
    assertThat(PlatformCaller.parseRetryAfter(null)).isNull();
  }
}
