package dev.aep.operator.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe and scrape endpoints answer as the kubelet and Prometheus expect. */
class OperatorHttpServerTest {
  private final AtomicBoolean live = new AtomicBoolean(true);
  private final AtomicBoolean ready = new AtomicBoolean(false);
  private final AtomicBoolean metricsFail = new AtomicBoolean(false);
  private final HttpClient http = HttpClient.newHttpClient();
  private OperatorHttpServer server;

  @BeforeEach
  void start() {
    server =
        OperatorHttpServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            () -> live.get() ? HealthStatus.ok("ok") : HealthStatus.failing("operator stopped"),
            () ->
                ready.get()
                    ? HealthStatus.ok("ready")
                    : HealthStatus.failing("informers not synced"),
            () -> {
              if (metricsFail.get()) {
                throw new IllegalStateException("registry closed");
              }
              return "# TYPE up gauge\nup 1\n";
            });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** A response's status and body, compared as one value. */
  private record Answer(int status, String body) {}

  private Answer answer(String method, String path) throws Exception {
    HttpResponse<String> response = send(method, path);
    return new Answer(response.statusCode(), response.body());
  }

  @Test
  void readinessFollowsTheCheckWithAReadableReason() throws Exception {
    assertThat(answer("GET", "/readyz")).isEqualTo(new Answer(503, "informers not synced\n"));

    ready.set(true);
    assertThat(answer("GET", "/readyz")).isEqualTo(new Answer(200, "ready\n"));
  }

  @Test
  void livenessFailsOnceTheCheckFails() throws Exception {
    assertThat(send("GET", "/healthz").statusCode()).isEqualTo(200);
    live.set(false);
    assertThat(send("GET", "/healthz").statusCode()).isEqualTo(503);
  }

  @Test
  void metricsAreServedAsPrometheusText() throws Exception {
    HttpResponse<String> r = send("GET", "/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .contains("text/plain; version=0.0.4; charset=utf-8");
    assertThat(r.body()).contains("up 1");
  }

  @Test
  void failingScrapeAnswers500InsteadOfDroppingTheConnection() throws Exception {
    metricsFail.set(true);
    HttpResponse<String> r = send("GET", "/metrics");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).doesNotContain("registry closed");
  }

  @Test
  void headIsAnsweredWithoutBody() throws Exception {
    assertThat(answer("HEAD", "/healthz")).isEqualTo(new Answer(200, ""));
  }

  @Test
  void unknownPathsAndPrefixMatchesAre404() throws Exception {
    assertThat(send("GET", "/").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/metricsx").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/healthz/extra").statusCode()).isEqualTo(404);
  }

  @Test
  void writesAreRefused() throws Exception {
    HttpResponse<String> r = send("POST", "/metrics");
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).contains("GET, HEAD");
  }
}
