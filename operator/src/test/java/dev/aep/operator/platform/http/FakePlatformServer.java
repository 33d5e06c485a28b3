package dev.aep.operator.platform.http;

import dev.aep.operator.platform.PlatformAccount;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer on 127.0.0.1 that answers IMS token requests itself (counting them, handing out
 * {@code token-1}, {@code token-2}, ...) and passes Platform requests to a test-supplied handler.
 */
final class FakePlatformServer implements AutoCloseable {

  static final PlatformAccount ACCOUNT =
      new PlatformAccount("client-id-1", "client-secret-1", "ORG1@AdobeOrg", null, null);

  final MockWebServer server = new MockWebServer();
  final AtomicInteger imsRequests = new AtomicInteger();
  final List<RecordedRequest> imsRecorded = new CopyOnWriteArrayList<>();
  final List<RecordedRequest> platformRequests = new CopyOnWriteArrayList<>();
  final List<Long> platformArrivalNanos = new CopyOnWriteArrayList<>();
  volatile long expiresInSeconds = 86399;
  volatile Duration imsDelay = Duration.ZERO;

  /** When set, IMS answers with this instead of a token. */
  volatile MockResponse imsFailure;

  volatile Function<RecordedRequest, MockResponse> handler =
      r -> json(404, "{\"title\":\"not found\"}");

  FakePlatformServer() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (request.getUrl().encodedPath().equals("/ims/token/v3")) {
              imsRecorded.add(request);
              int n = imsRequests.incrementAndGet();
              if (!imsDelay.isZero()) {
                Thread.sleep(imsDelay.toMillis());
              }
              MockResponse failure = imsFailure;
              if (failure != null) {
                return failure;
              }
              return json(
                  200,
                  "{\"access_token\":\"token-"
                      + n
                      + "\",\"token_type\":\"bearer\","
                      + "\"expires_in\":"
                      + expiresInSeconds
                      + "}");
            }
            platformArrivalNanos.add(System.nanoTime());
            platformRequests.add(request);
            return handler.apply(request);
          }
        });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getPort();
  }

  HttpPlatform platform(HttpPlatformOptions options) {
    return new HttpPlatform(
        PlatformEndpoints.single(baseUrl(), true), options, new SimpleMeterRegistry());
  }

  /** Fast test options: no real backoff waits, generous rate. */
  static HttpPlatformOptions fastOptions() {
    return HttpPlatformOptions.defaults()
        .withMaxRequestsPerSecond(1000)
        .withRetryPolicy(
            RetryPolicy.defaults().withDelays(Duration.ofMillis(1), Duration.ofMillis(5)))
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /**
   * A handler answering the first Platform request with {@code first}, later ones with {@code
   * then}.
   */
  static Function<RecordedRequest, MockResponse> firstThen(MockResponse first, MockResponse then) {
    AtomicInteger n = new AtomicInteger();
    return r -> n.getAndIncrement() == 0 ? first : then;
  }

  static MockResponse empty(int code) {
    return new MockResponse.Builder().code(code).build();
  }

  RecordedRequest lastPlatformRequest() {
    return platformRequests.get(platformRequests.size() - 1);
  }

  @Override
  public void close() {
    server.close();
  }
}
