package dev.aep.operator.platform.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of {@link HttpPlatform}.
 *
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout idle time allowed between bytes of a response
 * @param callTimeout whole-call limit of one attempt
 * @param maxRequestsPerSecond request cap per org+sandbox ({@code PLATFORM_MAX_RPS})
 * @param retryPolicy retries of idempotent calls
 * @param sleeper how retries and the limiter wait
 * @param clock wall clock of the token cache
 * @param minTokenRenewalMargin a token is renewed at the later of this long before expiry and half
 *     its lifetime
 */
public record HttpPlatformOptions(
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    double maxRequestsPerSecond,
    RetryPolicy retryPolicy,
    Sleeper sleeper,
    Clock clock,
    Duration minTokenRenewalMargin) {

  public HttpPlatformOptions {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(minTokenRenewalMargin, "minTokenRenewalMargin");
    if (!(maxRequestsPerSecond > 0)) {
      throw new IllegalArgumentException("maxRequestsPerSecond must be positive");
    }
  }

  /** 5 s connect, 30 s read, 60 s call, 10 requests/s, default retries, system clock. */
  public static HttpPlatformOptions defaults() {
    return new HttpPlatformOptions(
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        10,
        RetryPolicy.defaults(),
        Sleeper.SYSTEM,
        Clock.systemUTC(),
        Duration.ofMinutes(5));
  }

  public HttpPlatformOptions withTimeouts(Duration connect, Duration read, Duration call) {
    return new HttpPlatformOptions(
        connect,
        read,
        call,
        maxRequestsPerSecond,
        retryPolicy,
        sleeper,
        clock,
        minTokenRenewalMargin);
  }

  public HttpPlatformOptions withMaxRequestsPerSecond(double rps) {
    return new HttpPlatformOptions(
        connectTimeout,
        readTimeout,
        callTimeout,
        rps,
        retryPolicy,
        sleeper,
        clock,
        minTokenRenewalMargin);
  }

  public HttpPlatformOptions withRetryPolicy(RetryPolicy policy) {
    return new HttpPlatformOptions(
        connectTimeout,
        readTimeout,
        callTimeout,
        maxRequestsPerSecond,
        policy,
        sleeper,
        clock,
        minTokenRenewalMargin);
  }

  public HttpPlatformOptions withSleeper(Sleeper value) {
    return new HttpPlatformOptions(
        connectTimeout,
        readTimeout,
        callTimeout,
        maxRequestsPerSecond,
        retryPolicy,
        value,
        clock,
        minTokenRenewalMargin);
  }

  public HttpPlatformOptions withClock(Clock value) {
    return new HttpPlatformOptions(
        connectTimeout,
        readTimeout,
        callTimeout,
        maxRequestsPerSecond,
        retryPolicy,
        sleeper,
        value,
        minTokenRenewalMargin);
  }

  public HttpPlatformOptions withMinTokenRenewalMargin(Duration value) {
    return new HttpPlatformOptions(
        connectTimeout,
        readTimeout,
        callTimeout,
        maxRequestsPerSecond,
        retryPolicy,
        sleeper,
        clock,
        value);
  }
}
