package dev.aep.operator.reconciler;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A pass-through HTTP proxy on 127.0.0.1 in front of the Platform simulator that remembers the one
 * request header the simulator's request log does not keep: {@code If-Match}. Requests are
 * forwarded unchanged (minus the hop-by-hop headers the JDK client sets itself) and answered with
 * the simulator's status, headers and body.
 */
final class RecordingProxy implements AutoCloseable {

  /**
   * One forwarded call: method, raw path, the If-Match header as sent (null when none) and the
   * answer's status.
   */
  record Call(String method, String path, String ifMatch, int status) {
    @Override
    public String toString() {
      return method
          + " "
          + path
          + (ifMatch == null ? "" : " [If-Match " + ifMatch + "]")
          + " -> "
          + status;
    }
  }

  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "content-length",
          "expect",
          "host",
          "upgrade",
          "keep-alive",
          "transfer-encoding",
          "te",
          "trailer",
          "proxy-connection",
          "date");

  private final URI target;
  private final HttpServer server;
  private final ExecutorService executor =
      Executors.newFixedThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "recording-proxy");
            t.setDaemon(true);
            return t;
          });
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final List<Call> calls = new ArrayList<>();

  private RecordingProxy(String targetBaseUrl) {
    this.target = URI.create(targetBaseUrl);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::forward);
    server.setExecutor(executor);
    server.start();
  }

  /** A proxy forwarding to {@code targetBaseUrl} (e.g. the simulator's base URL). */
  static RecordingProxy start(String targetBaseUrl) {
    return new RecordingProxy(targetBaseUrl);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every call forwarded so far, in the order their answers came back. */
  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  synchronized void clear() {
    calls.clear();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      String rawPath = exchange.getRequestURI().getRawPath();
      String rawQuery = exchange.getRequestURI().getRawQuery();
      URI uri =
          URI.create(
              target.getScheme()
                  + "://"
                  + target.getRawAuthority()
                  + rawPath
                  + (rawQuery == null ? "" : "?" + rawQuery));
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(30))
              .method(
                  exchange.getRequestMethod(),
                  body.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
        if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
          header.getValue().forEach(v -> request.header(header.getKey(), v));
        }
      }
      HttpResponse<byte[]> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while forwarding", e);
      }
      synchronized (this) {
        calls.add(
            new Call(
                exchange.getRequestMethod(),
                rawPath,
                exchange.getRequestHeaders().getFirst("If-Match"),
                response.statusCode()));
      }
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!name.startsWith(":") && !HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                  exchange.getResponseHeaders().put(name, values);
                }
              });
      byte[] answer = response.body();
      boolean noBody = answer.length == 0 || exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : answer.length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
