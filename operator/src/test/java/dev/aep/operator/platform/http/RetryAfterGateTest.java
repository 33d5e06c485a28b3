package dev.aep.operator.platform.http;

import static dev.aep.operator.platform.http.FakePlatformServer.ACCOUNT;
import static dev.aep.operator.platform.http.FakePlatformServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.PlatformScope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Retry-After gate at the wire, on a fake clock: a request that passed the limiter before
 * another caller's 429 came back is held until the announced window is over.
 */
class RetryAfterGateTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  // Sleeping moves the fake clock, so nothing waits for real and the order of events is all that
  // decides the outcome.
  private final Sleeper sleeper =
      d -> {
        sleeps.add(d);
        now.addAndGet(d.toNanos());
      };

  /** Fake-clock instant at which the server saw each request, in arrival order. */
  private final List<Long> arrivals = new CopyOnWriteArrayList<>();

  private final List<String> paths = new CopyOnWriteArrayList<>();

  private FakePlatformServer server;
  private OkHttpClient http;

  @BeforeEach
  void start() throws Exception {
    server = new FakePlatformServer();
    server.handler =
        r -> {
          arrivals.add(now.get());
          String last = r.getUrl().pathSegments().get(r.getUrl().pathSize() - 1);
          paths.add(last);
          return last.equals("limited")
              ? new MockResponse.Builder()
                  .code(429)
                  .setHeader("Retry-After", "2")
                  .setHeader("Content-Type", "application/json")
                  .body("{\"error_code\":\"429050\",\"message\":\"Too many requests\"}")
                  .build()
              : json(200, "{}");
        };
  }

  @AfterEach
  void stop() {
    if (http != null) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    server.close();
  }

  private PlatformCaller.Call get(String name) {
    HttpUrl url =
        HttpUrl.get(server.baseUrl())
            .newBuilder()
            .addPathSegments("data/foundation/flowservice/flows")
            .addPathSegment(name)
            .build();
    return PlatformCaller.Call.builder("flowservice", "getFlow", "GET", url).build();
  }

  @Test
  void requestThatPassedTheLimiterBeforeA429CameBackIsNotSentInsideTheWindow() throws Exception {
    CountDownLatch passedLimiter = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean held = new AtomicBoolean();
    // An application interceptor runs after PlatformCaller passed the limiter and before the
    // network interceptors, where a real caller would wait for a connection or a TCP handshake:
    // the early request is parked there until the other caller's 429 has been answered.
    Interceptor parkEarlyRequest =
        chain -> {
          if (chain.request().url().encodedPath().endsWith("/early")
              && held.compareAndSet(false, true)) {
            passedLimiter.countDown();
            try {
              release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return chain.proceed(chain.request());
        };
    HttpPlatformOptions options =
        FakePlatformServer.fastOptions().withRetryPolicy(RetryPolicy.none());
    http = HttpPlatform.httpClient(options).addInterceptor(parkEarlyRequest).build();
    RequestLimiter limiter = new RequestLimiter(1000, now::get, sleeper);
    PlatformCaller caller =
        new PlatformCaller(
            http,
            new ObjectMapper(),
            new PlatformScope(ACCOUNT, "prod"),
            null,
            limiter,
            RetryPolicy.none(),
            sleeper,
            new SimpleMeterRegistry());

    CompletableFuture<PlatformCaller.Answer> early =
        CompletableFuture.supplyAsync(() -> caller.execute(get("early")));
    assertThat(passedLimiter.await(30, TimeUnit.SECONDS))
        .as("early request passed the limiter")
        .isTrue();
    long answered = now.get();
    PlatformException limited =
        catchThrowableOfType(PlatformException.class, () -> caller.execute(get("limited")));
    assertThat(limited.httpStatus()).isEqualTo(429);
    release.countDown();
    PlatformCaller.Answer answer = early.get(30, TimeUnit.SECONDS);

    assertThat(answer.status()).isEqualTo(200);
    // Held back at the wire, then sent once: the hold is not a failed attempt, even with a
    // policy that never retries.
    assertThat(paths).containsExactly("limited", "early");
    assertThat(arrivals.get(1) - answered)
        .as("fake nanoseconds between the 429 and the early request's arrival")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2).toNanos());
    assertThat(sleeps).contains(Duration.ofSeconds(2));
  }

  @Test
  void requestsOfAnotherSandboxAreNotHeldByThePause() throws Exception {
    http = HttpPlatform.httpClient(FakePlatformServer.fastOptions()).build();
    RequestLimiter paused = new RequestLimiter(1000, now::get, sleeper);
    RequestLimiter other = new RequestLimiter(1000, now::get, sleeper);
    paused.pauseFor(Duration.ofSeconds(5));
    PlatformCaller caller =
        new PlatformCaller(
            http,
            new ObjectMapper(),
            new PlatformScope(ACCOUNT, "dev"),
            null,
            other,
            RetryPolicy.none(),
            sleeper,
            new SimpleMeterRegistry());

    assertThat(caller.execute(get("elsewhere")).status()).isEqualTo(200);
    assertThat(sleeps).isEmpty();
    assertThat(paused.pausedFor()).isEqualTo(Duration.ofSeconds(5));
  }
}
