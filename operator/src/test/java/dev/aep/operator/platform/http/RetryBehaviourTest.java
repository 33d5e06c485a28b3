package dev.aep.operator.platform.http;

import static dev.aep.operator.platform.http.FakePlatformServer.ACCOUNT;
import static dev.aep.operator.platform.http.FakePlatformServer.firstThen;
import static dev.aep.operator.platform.http.FakePlatformServer.json;
import static dev.aep.operator.platform.http.PlatformSessionFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.platform.FlowRequest;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.ScheduleParams;
import dev.aep.operator.platform.Transformation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which failures are retried, how long the client waits, and what is never repeated. */
class RetryBehaviourTest {

  private static final String FLOW = "{\"items\":[{\"id\":\"f1\",\"etag\":\"\\\"e\\\"\"}]}";
  private static final FlowRequest NEW_FLOW =
      FlowRequest.stripe(
          "n",
          null,
          "s",
          "t",
          Transformation.mapping("m", 0),
          new ScheduleParams("minute", 15, 1L, true));

  private FakePlatformServer server;
  private HttpPlatform platform;

  @BeforeEach
  void start() throws Exception {
    server = new FakePlatformServer();
  }

  @AfterEach
  void stop() {
    if (platform != null) {
      platform.close();
    }
    server.close();
  }

  private PlatformSession session(HttpPlatformOptions options) {
    platform = server.platform(options);
    return platform.session(ACCOUNT, "prod");
  }

  @Test
  void retryAfterTwoSecondsDelaysTheRetryAtLeastThatLong() {
    server.handler =
        firstThen(
            new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "2")
                .body("{\"title\":\"Too Many Requests\"}")
                .build(),
            json(200, FLOW));
    PlatformSession session = session(FakePlatformServer.fastOptions());
    assertThat(session.flowService().flows().get("f1")).isPresent();
    assertThat(server.platformArrivalNanos).hasSize(2);
    long gap = server.platformArrivalNanos.get(1) - server.platformArrivalNanos.get(0);
    assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void timedOutPostIsNotRepeatedAndReportsAnUnknownOutcome() {
    server.handler =
        r ->
            new MockResponse.Builder()
                .code(201)
                .headersDelay(3, TimeUnit.SECONDS)
                .body("{\"id\":\"late\"}")
                .build();
    PlatformSession session =
        session(
            FakePlatformServer.fastOptions()
                .withTimeouts(
                    Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofMillis(600)));
    PlatformException e = failure(() -> session.flowService().flows().create(NEW_FLOW));
    assertThat(e.isTransportFailure()).isTrue();
    assertThat(e.isOutcomeUnknown()).isTrue();
    assertThat(e.method()).isEqualTo("POST");
    assertThat(e.getMessage()).contains("timed out", "outcome unknown");
    assertThat(server.platformRequests).hasSize(1);
  }

  @Test
  void timedOutGetIsRetried() {
    server.handler =
        firstThen(
            new MockResponse.Builder()
                .code(200)
                .headersDelay(2, TimeUnit.SECONDS)
                .body(FLOW)
                .build(),
            json(200, FLOW));
    PlatformSession session =
        session(
            FakePlatformServer.fastOptions()
                .withTimeouts(
                    Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofMillis(600)));
    assertThat(session.flowService().flows().get("f1")).isPresent();
    assertThat(server.platformRequests).hasSize(2);
  }

  @Test
  void postIsNotRepeatedAfterAServerError() {
    server.handler = r -> json(500, "{\"title\":\"Internal\"}");
    PlatformSession session = session(FakePlatformServer.fastOptions());
    PlatformException e = failure(() -> session.flowService().flows().create(NEW_FLOW));
    assertThat(e.isServerError()).isTrue();
    assertThat(e.isRetryable()).isTrue();
    assertThat(server.platformRequests).hasSize(1);
  }

  @Test
  void postRefusedWith429IsSentAgain() {
    server.handler =
        firstThen(
            new MockResponse.Builder().code(429).setHeader("Retry-After", "0").build(),
            json(201, "{\"id\":\"f1\",\"etag\":\"\\\"e\\\"\"}"));
    PlatformSession session = session(FakePlatformServer.fastOptions());
    assertThat(session.flowService().flows().create(NEW_FLOW).id()).isEqualTo("f1");
    assertThat(server.platformRequests).hasSize(2);
  }

  @Test
  void conditionalPatchDeleteAndPutAreRetriedOnServerErrors() {
    AtomicInteger n = new AtomicInteger();
    server.handler =
        r ->
            n.getAndIncrement() % 2 == 0
                ? json(502, "{}")
                : r.getMethod().equals("PUT")
                    ? json(200, "{\"id\":\"m1\",\"version\":1}")
                    : json(200, "{\"id\":\"f1\",\"etag\":\"\\\"e2\\\"\"}");
    PlatformSession session = session(FakePlatformServer.fastOptions());
    assertThat(
            session
                .flowService()
                .flows()
                .patch("f1", "\"e\"", List.of(JsonPatchOp.replace("/name", "x")))
                .etag())
        .isEqualTo("\"e2\"");
    assertThat(session.flowService().flows().delete("f1")).isTrue();
    assertThat(
            session
                .dataPrep()
                .updateMappingSet(
                    "m1",
                    new dev.aep.operator.platform.MappingSetRequest(
                        null, dev.aep.operator.platform.SchemaRef.forMapping("s"), List.of()))
                .version())
        .isEqualTo(1);
    assertThat(server.platformRequests)
        .extracting(r -> r.getMethod())
        .containsExactly("PATCH", "PATCH", "DELETE", "DELETE", "PUT", "PUT");
  }

  @Test
  void backoffDelaysComeFromThePolicyAndGrow() {
    List<Duration> slept = new java.util.concurrent.CopyOnWriteArrayList<>();
    server.handler = r -> json(503, "{}");
    PlatformSession session =
        session(
            FakePlatformServer.fastOptions()
                .withRetryPolicy(
                    new RetryPolicy(
                        4,
                        Duration.ofMillis(100),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(60),
                        () -> 0.999))
                .withSleeper(slept::add));
    failure(() -> session.flowService().flows().get("f1"));
    assertThat(slept)
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void retryAfterBeyondTheCapIsReturnedToTheCaller() {
    server.handler =
        r ->
            new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "3600")
                .body("{}")
                .build();
    PlatformSession session = session(FakePlatformServer.fastOptions());
    PlatformException e = failure(() -> session.flowService().flows().get("f1"));
    assertThat(e.isRateLimited()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofHours(1));
    assertThat(server.platformRequests).hasSize(1);
  }

  @Test
  void retryAfterPausesEverySessionOfTheSameOrgAndSandboxOnly() throws Exception {
    server.handler =
        firstThen(
            new MockResponse.Builder().code(429).setHeader("Retry-After", "2").body("{}").build(),
            json(200, FLOW));
    platform =
        server.platform(FakePlatformServer.fastOptions().withRetryPolicy(RetryPolicy.none()));
    failure(() -> platform.session(ACCOUNT, "prod").flowService().flows().get("first"));
    CompletableFuture<?> sameScope =
        CompletableFuture.runAsync(
            () -> platform.session(ACCOUNT, "prod").flowService().flows().get("same-scope"));
    platform.session(ACCOUNT, "dev").flowService().flows().get("other-sandbox");
    sameScope.get(30, TimeUnit.SECONDS);
    assertThat(server.platformRequests)
        .extracting(r -> r.getUrl().pathSegments().get(4))
        .containsExactly("first", "other-sandbox", "same-scope");
    long gap = server.platformArrivalNanos.get(2) - server.platformArrivalNanos.get(0);
    assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void connectionRefusedIsATransportFailureAfterRetries() throws Exception {
    int port;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    platform =
        new HttpPlatform(
            PlatformEndpoints.of("http://127.0.0.1:" + port, server.baseUrl(), true),
            FakePlatformServer.fastOptions(),
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    PlatformException e =
        failure(() -> platform.session(ACCOUNT, "prod").flowService().flows().create(NEW_FLOW));
    assertThat(e.isTransportFailure()).isTrue();
    // Nothing reached the server, so the create is known not to have happened.
    assertThat(e.isOutcomeUnknown()).isFalse();
    assertThat(e.isRetryable()).isTrue();
  }
}
