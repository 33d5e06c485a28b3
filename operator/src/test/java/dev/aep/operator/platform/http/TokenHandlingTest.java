package dev.aep.operator.platform.http;

import static dev.aep.operator.platform.http.FakePlatformServer.ACCOUNT;
import static dev.aep.operator.platform.http.FakePlatformServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aep.operator.platform.AccessToken;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * IMS tokens: cached per credentials, fetched once under contention, renewed on time and on 401.
 */
class TokenHandlingTest {

  private static final String FLOW = "{\"items\":[{\"id\":\"f1\",\"etag\":\"\\\"e\\\"\"}]}";
  private static final String REJECTED =
      "{\"error_code\":\"401013\",\"message\":\"Oauth token is not valid\"}";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private FakePlatformServer server;
  private HttpPlatform platform;
  private PlatformSession session;

  @BeforeEach
  void start() throws Exception {
    server = new FakePlatformServer();
    platform = server.platform(FakePlatformServer.fastOptions().withClock(clock));
    session = platform.session(ACCOUNT, "prod");
  }

  @AfterEach
  void stop() {
    platform.close();
    server.close();
  }

  @Test
  void fiftyConcurrentCallsWithColdCacheRequestOneToken() throws Exception {
    server.handler = r -> json(200, FLOW);
    // A slow IMS widens the window in which every thread finds the cache empty.
    server.imsDelay = Duration.ofMillis(300);
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        calls.add(
            pool.submit(
                () -> {
                  go.await();
                  return session.flowService().flows().get("f1").orElseThrow();
                }));
      }
      go.countDown();
      for (Future<?> call : calls) {
        call.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.imsRequests.get()).isEqualTo(1);
    assertThat(server.platformRequests)
        .hasSize(50)
        .allSatisfy(
            r -> assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer token-1"));
  }

  @Test
  void tokenIsReusedUntilItsRenewalTime() {
    server.handler = r -> json(200, FLOW);
    server.expiresInSeconds = 3600;
    session.flowService().flows().get("f1");
    clock.advance(Duration.ofMinutes(54));
    session.flowService().flows().get("f1");
    assertThat(server.imsRequests.get()).isEqualTo(1);
    // 5 minutes before expiry (later than half the lifetime) the token is renewed.
    clock.advance(Duration.ofMinutes(2));
    session.flowService().flows().get("f1");
    assertThat(server.imsRequests.get()).isEqualTo(2);
    assertThat(server.lastPlatformRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer token-2");
  }

  @Test
  void shortLivedTokenIsRenewedAfterHalfItsLifetime() {
    server.handler = r -> json(200, FLOW);
    server.expiresInSeconds = 10;
    session.flowService().flows().get("f1");
    clock.advance(Duration.ofSeconds(4));
    session.flowService().flows().get("f1");
    assertThat(server.imsRequests.get()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(2));
    session.flowService().flows().get("f1");
    assertThat(server.imsRequests.get()).isEqualTo(2);
  }

  @Test
  void expiredTokenIsRenewedBeforeTheCall() {
    server.handler = r -> json(200, FLOW);
    server.expiresInSeconds = 60;
    session.flowService().flows().get("f1");
    clock.advance(Duration.ofMinutes(5));
    session.flowService().flows().get("f1");
    assertThat(server.imsRequests.get()).isEqualTo(2);
    assertThat(server.platformRequests)
        .extracting(r -> r.getHeaders().get("Authorization"))
        .containsExactly("Bearer token-1", "Bearer token-2");
  }

  @Test
  void rejectedTokenIsRenewedOnceAndTheCallRetried() {
    server.handler =
        r ->
            "Bearer token-1".equals(r.getHeaders().get("Authorization"))
                ? json(401, REJECTED)
                : json(200, FLOW);
    assertThat(session.flowService().flows().get("f1")).isPresent();
    assertThat(server.imsRequests.get()).isEqualTo(2);
    assertThat(server.platformRequests)
        .extracting(r -> r.getHeaders().get("Authorization"))
        .containsExactly("Bearer token-1", "Bearer token-2");
  }

  @Test
  void rejectedPostIsRenewedOnceAndSentAgainBecauseTheGatewayRefusedIt() {
    server.handler =
        r ->
            "Bearer token-1".equals(r.getHeaders().get("Authorization"))
                ? json(401, REJECTED)
                : json(201, "{\"id\":\"f9\",\"etag\":\"\\\"e\\\"\"}");
    var ref =
        session
            .flowService()
            .sourceConnections()
            .create(
                dev.aep.operator.platform.SourceConnectionRequest.stripe(
                    "n", null, "b", "charges"));
    assertThat(ref.id()).isEqualTo("f9");
    assertThat(server.platformRequests).hasSize(2);
  }

  @Test
  void tokenRejectedAgainAfterRenewalFailsWithoutLooping() {
    server.handler = r -> json(401, REJECTED);
    PlatformException e =
        catchThrowableOfType(
            PlatformException.class, () -> session.flowService().flows().get("f1"));
    assertThat(e.isAuthFailure()).isTrue();
    assertThat(server.imsRequests.get()).isEqualTo(2);
    assertThat(server.platformRequests).hasSize(2);
  }

  @Test
  void manyCallsRejectedWithTheSameTokenCauseOneRenewal() throws Exception {
    server.handler = r -> json(200, FLOW);
    session.flowService().flows().get("warm-up");
    // token-1 is now cached; the gateway starts rejecting it (revoked early).
    server.handler =
        r ->
            "Bearer token-1".equals(r.getHeaders().get("Authorization"))
                ? json(401, REJECTED)
                : json(200, FLOW);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(
            pool.submit(
                () -> {
                  go.await();
                  return session.flowService().flows().get("f1").orElseThrow();
                }));
      }
      go.countDown();
      for (Future<?> call : calls) {
        call.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.imsRequests.get()).isEqualTo(2);
  }

  @Test
  void differentCredentialsGetTheirOwnToken() {
    server.handler = r -> json(200, FLOW);
    PlatformAccount other =
        new PlatformAccount("client-id-2", "client-secret-2", "ORG1@AdobeOrg", null, null);
    session.flowService().flows().get("f1");
    platform.session(other, "prod").flowService().flows().get("f1");
    platform.session(ACCOUNT, "dev").flowService().flows().get("f1");
    assertThat(server.imsRequests.get()).isEqualTo(2);
    assertThat(server.platformRequests)
        .extracting(r -> r.getHeaders().get("x-api-key"))
        .containsExactly("client-id-1", "client-id-2", "client-id-1");
  }

  @Test
  void imsRejectingTheCredentialsIsAnAuthFailure() {
    server.imsFailure =
        json(
            400,
            "{\"error\":\"invalid_client\",\"error_description\":"
                + "\"invalid client_secret parameter: client-secret-1\"}");
    PlatformException e =
        catchThrowableOfType(
            PlatformException.class, () -> session.flowService().flows().get("f1"));
    assertThat(e.isAuthFailure()).isTrue();
    assertThat(e.service()).isEqualTo("ims");
    assertThat(e.errorCode()).isEqualTo("invalid_client");
    assertThat(e.getMessage()).doesNotContain("client-secret-1").contains("<redacted>");
    assertThat(server.platformRequests).isEmpty();
  }

  @Test
  void concurrentCallersShareOneFailedTokenRequest() throws Exception {
    server.imsDelay = Duration.ofMillis(300);
    server.imsFailure = json(401, "{\"error\":\"invalid_client\"}");
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<PlatformException>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(
            pool.submit(
                () -> {
                  go.await();
                  return catchThrowableOfType(
                      PlatformException.class, () -> session.flowService().flows().get("f1"));
                }));
      }
      go.countDown();
      for (Future<PlatformException> call : calls) {
        assertThat(call.get(30, TimeUnit.SECONDS).isAuthFailure()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.imsRequests.get()).isEqualTo(1);
    assertThat(server.platformRequests).isEmpty();
  }

  @Test
  void failedRenewalKeepsServingAStillValidToken() {
    server.handler = r -> json(200, FLOW);
    server.expiresInSeconds = 3600;
    session.flowService().flows().get("f1");
    clock.advance(Duration.ofMinutes(57));
    server.imsFailure = json(500, "{\"error\":\"server_error\"}");
    assertThat(session.flowService().flows().get("f1")).isPresent();
    assertThat(server.lastPlatformRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer token-1");
    clock.advance(Duration.ofMinutes(4));
    PlatformException e =
        catchThrowableOfType(
            PlatformException.class, () -> session.flowService().flows().get("f1"));
    assertThat(e.service()).isEqualTo("ims");
    assertThat(e.isServerError()).isTrue();
  }

  @Test
  void renewalTimeIsTheLaterOfMarginBeforeExpiryAndHalfLife() {
    ImsTokenCache cache =
        new ImsTokenCache(a -> null, clock, Duration.ofMinutes(5), new SimpleMeterRegistry());
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(cache.renewalTime(new AccessToken("x", t0, t0.plus(Duration.ofHours(24)))))
        .isEqualTo(t0.plus(Duration.ofHours(24)).minus(Duration.ofMinutes(5)));
    assertThat(cache.renewalTime(new AccessToken("x", t0, t0.plusSeconds(20))))
        .isEqualTo(t0.plusSeconds(10));
  }
}
