package dev.aep.operator.platform.http;

import static dev.aep.operator.platform.http.FakePlatformServer.ACCOUNT;
import static dev.aep.operator.platform.http.FakePlatformServer.json;
import static dev.aep.operator.platform.http.PlatformSessionFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.platform.AccessToken;
import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * IMS tokens: cached per credentials, fetched once under contention, renewed on time and on 401.
 */
class TokenHandlingTest {

  private static final String FLOW = "{\"items\":[{\"id\":\"f1\",\"etag\":\"\\\"e\\\"\"}]}";
  private static final String REJECTED =
      "{\"error_code\":\"401013\",\"message\":\"Oauth token is not valid\"}";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @RegisterExtension
  final PlatformSessionFixture fixture =
      new PlatformSessionFixture("prod", o -> o.withClock(clock));

  /**
   * Runs {@code call} on {@code threads} threads released at the same moment, and returns what each
   * call gave.
   */
  private static <T> List<T> allAtOnce(int threads, Callable<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> calls = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        calls.add(
            pool.submit(
                () -> {
                  go.await();
                  return call.call();
                }));
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> each : calls) {
        results.add(each.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The gateway rejects {@code token-1} (as if revoked) and answers other tokens with {@code ok}.
   */
  private void rejectToken1Else(MockResponse ok) {
    fixture.server.handler =
        r ->
            "Bearer token-1".equals(r.getHeaders().get("Authorization")) ? json(401, REJECTED) : ok;
  }

  /** IMS was asked twice, and the Platform saw token-1 and then token-2. */
  private void assertRenewedOnceBetweenTwoCalls() {
    assertThat(fixture.server.imsRequests.get()).isEqualTo(2);
    assertThat(fixture.server.platformRequests)
        .extracting(r -> r.getHeaders().get("Authorization"))
        .containsExactly("Bearer token-1", "Bearer token-2");
  }

  /** A first call, answered, takes a token that expires after {@code seconds}. */
  private void firstCallTakesATokenFor(long seconds) {
    fixture.answer(200, FLOW);
    fixture.server.expiresInSeconds = seconds;
    getFlow();
  }

  private Optional<Flow> getFlow() {
    return fixture.flows().get("f1");
  }

  @Test
  void fiftyConcurrentCallsWithColdCacheRequestOneToken() throws Exception {
    fixture.answer(200, FLOW);
    // A slow IMS widens the window in which every thread finds the cache empty.
    fixture.server.imsDelay = Duration.ofMillis(300);
    allAtOnce(50, () -> getFlow().orElseThrow());
    assertThat(fixture.server.imsRequests.get()).isEqualTo(1);
    assertThat(fixture.server.platformRequests)
        .hasSize(50)
        .allSatisfy(
            r -> assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer token-1"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "a token is reused until 5 minutes before it expires, 3600, PT54M, PT2M",
    "a short-lived token is renewed after half its lifetime, 10, PT4S, PT2S"
  })
  void aTokenIsReusedUntilItsRenewalTimeAndThenRenewed(
      String behaviour, long lifetimeSeconds, Duration stillReused, Duration thenRenewed) {
    firstCallTakesATokenFor(lifetimeSeconds);
    clock.advance(stillReused);
    getFlow();
    assertThat(fixture.server.imsRequests.get()).isEqualTo(1);
    clock.advance(thenRenewed);
    getFlow();
    assertThat(fixture.server.imsRequests.get()).isEqualTo(2);
    assertThat(fixture.last().getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
  }

  @Test
  void expiredTokenIsRenewedBeforeTheCall() {
    firstCallTakesATokenFor(60);
    clock.advance(Duration.ofMinutes(5));
    getFlow();
    assertRenewedOnceBetweenTwoCalls();
  }

  @Test
  void rejectedTokenIsRenewedOnceAndTheCallRetried() {
    rejectToken1Else(json(200, FLOW));
    assertThat(getFlow()).isPresent();
    assertRenewedOnceBetweenTwoCalls();
  }

  @Test
  void rejectedPostIsRenewedOnceAndSentAgainBecauseTheGatewayRefusedIt() {
    rejectToken1Else(json(201, "{\"id\":\"f9\",\"etag\":\"\\\"e\\\"\"}"));
    var ref = fixture.flowService().sourceConnections().create(Requests.NEW_SOURCE);
    assertThat(ref.id()).isEqualTo("f9");
    assertThat(fixture.server.platformRequests).hasSize(2);
  }

  @Test
  void tokenRejectedAgainAfterRenewalFailsWithoutLooping() {
    fixture.answer(401, REJECTED);
    PlatformException e = failure(this::getFlow);
    assertThat(e.isAuthFailure()).isTrue();
    assertThat(fixture.server.imsRequests.get()).isEqualTo(2);
    assertThat(fixture.server.platformRequests).hasSize(2);
  }

  @Test
  void manyCallsRejectedWithTheSameTokenCauseOneRenewal() throws Exception {
    fixture.answer(200, FLOW);
    fixture.flows().get("warm-up");
    // token-1 is now cached; the gateway starts rejecting it (revoked early).
    rejectToken1Else(json(200, FLOW));
    allAtOnce(20, () -> getFlow().orElseThrow());
    assertThat(fixture.server.imsRequests.get()).isEqualTo(2);
  }

  @Test
  void differentCredentialsGetTheirOwnToken() {
    fixture.answer(200, FLOW);
    PlatformAccount other =
        new PlatformAccount("client-id-2", "client-secret-2", "ORG1@AdobeOrg", null, null);
    getFlow();
    fixture.platform.session(other, "prod").flowService().flows().get("f1");
    fixture.platform.session(ACCOUNT, "dev").flowService().flows().get("f1");
    assertThat(fixture.server.imsRequests.get()).isEqualTo(2);
    assertThat(fixture.server.platformRequests)
        .extracting(r -> r.getHeaders().get("x-api-key"))
        .containsExactly("client-id-1", "client-id-2", "client-id-1");
  }

  @Test
  void imsRejectingTheCredentialsIsAnAuthFailure() {
    fixture.server.imsFailure =
        json(
            400,
            "{\"error\":\"invalid_client\",\"error_description\":"
                + "\"invalid client_secret parameter: client-secret-1\"}");
    PlatformException e = failure(this::getFlow);
    assertThat(e.isAuthFailure()).isTrue();
    assertThat(e.service()).isEqualTo("ims");
    assertThat(e.errorCode()).isEqualTo("invalid_client");
    assertThat(e.getMessage()).doesNotContain("client-secret-1").contains("<redacted>");
    assertThat(fixture.server.platformRequests).isEmpty();
  }

  @Test
  void concurrentCallersShareOneFailedTokenRequest() throws Exception {
    fixture.server.imsDelay = Duration.ofMillis(300);
    fixture.server.imsFailure = json(401, "{\"error\":\"invalid_client\"}");
    assertThat(allAtOnce(20, () -> failure(this::getFlow)))
        .allSatisfy(e -> assertThat(e.isAuthFailure()).isTrue());
    assertThat(fixture.server.imsRequests.get()).isEqualTo(1);
    assertThat(fixture.server.platformRequests).isEmpty();
  }

  @Test
  void failedRenewalKeepsServingAStillValidToken() {
    firstCallTakesATokenFor(3600);
    clock.advance(Duration.ofMinutes(57));
    fixture.server.imsFailure = json(500, "{\"error\":\"server_error\"}");
    assertThat(getFlow()).isPresent();
    assertThat(fixture.last().getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
    clock.advance(Duration.ofMinutes(4));
    PlatformException e = failure(this::getFlow);
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
