package dev.aep.operator.main;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves {@code /healthz}, {@code /readyz} and {@code /metrics} (Prometheus text) on one port. */
public final class OperatorHttpServer implements AutoCloseable {
  /** Prometheus text exposition format 0.0.4, what every scraper accepts. */
  static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final String TEXT = "text/plain; charset=utf-8";
  private static final Reply NOT_FOUND = new Reply(404, TEXT, "not found\n");
  private static final Logger log = LoggerFactory.getLogger(OperatorHttpServer.class);

  private final HttpServer server;
  private final ExecutorService executor;

  private OperatorHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds and starts serving.
   *
   * @param address 0.0.0.0 in a pod (the kubelet probes the pod IP), loopback in tests
   * @param liveness answers {@code /healthz}
   * @param readiness answers {@code /readyz}
   * @param metrics renders the Prometheus text for {@code /metrics}
   */
  public static OperatorHttpServer start(
      InetSocketAddress address,
      Supplier<HealthStatus> liveness,
      Supplier<HealthStatus> readiness,
      Supplier<String> metrics) {
    HttpServer server;
    try {
      server = HttpServer.create(address, 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
    }
    // Two threads: a slow scrape must not make the kubelet's probes time out.
    AtomicInteger n = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "operator-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/healthz", probe(liveness));
    server.createContext("/readyz", probe(readiness));
    server.createContext(
        "/metrics", handler(() -> new Reply(200, PROMETHEUS_CONTENT_TYPE, metrics.get())));
    server.createContext("/", handler(() -> NOT_FOUND));
    server.start();
    return new OperatorHttpServer(server, executor);
  }

  /** The bound port (useful when started on port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops serving; probes fail from here on, which is what a terminating pod wants. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static HttpHandler probe(Supplier<HealthStatus> check) {
    return handler(
        () -> {
          HealthStatus status = check.get();
          return new Reply(status.ok() ? 200 : 503, TEXT, status.detail() + "\n");
        });
  }

  /** Serves GET and HEAD on the context's exact path; the reply is computed only for those. */
  private static HttpHandler handler(Supplier<Reply> replies) {
    return exchange -> {
      try (exchange) {
        String method = exchange.getRequestMethod();
        boolean head = method.equals("HEAD");
        if (!head && !method.equals("GET")) {
          exchange.getResponseHeaders().set("Allow", "GET, HEAD");
          exchange.sendResponseHeaders(405, -1);
          return;
        }
        // A context matches by prefix; only the exact path is served.
        String context = exchange.getHttpContext().getPath();
        boolean exact = exchange.getRequestURI().getPath().equals(context);
        Reply reply;
        try {
          reply = exact ? replies.get() : NOT_FOUND;
        } catch (RuntimeException e) {
          // The JDK server would drop the connection silently; answer and say why instead.
          log.warn("{} {} failed: {}", method, exchange.getRequestURI().getPath(), e.toString());
          reply = new Reply(500, TEXT, "internal error\n");
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(reply.status(), head ? -1 : bytes.length);
        if (!head) {
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        }
      }
    };
  }

  private record Reply(int status, String contentType, String body) {}
}
