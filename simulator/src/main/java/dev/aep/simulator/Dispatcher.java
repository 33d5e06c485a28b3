package dev.aep.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.aep.simulator.http.ApiError;
import dev.aep.simulator.http.Gateway;
import dev.aep.simulator.http.Problems;
import dev.aep.simulator.http.Request;
import dev.aep.simulator.http.Response;
import dev.aep.simulator.http.Route;
import dev.aep.simulator.http.Router;
import dev.aep.simulator.http.Service;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns an HTTP exchange into a routed call: admin calls go straight through; Platform calls get
 * latency, injected faults, the gateway checks, then the handler under the store lock, and are
 * written to the request log with the status they got.
 */
record Dispatcher(
    Router router,
    Gateway gateway,
    Faults faults,
    RequestLog log,
    RunScheduler scheduler,
    Object lock)
    implements HttpHandler {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Instant received = Instant.now();
    try (exchange) {
      Request req =
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              exchange.getRequestHeaders(),
              exchange.getRequestBody().readAllBytes());
      boolean admin = req.path().startsWith(Service.ADMIN.basePath());
      Optional<Router.Match> match = router.match(req.method(), req.path());
      Service service = match.map(m -> m.route().service()).orElse(guessService(req.path()));
      Response resp;
      try {
        resp = admin ? serve(req, match) : servePlatform(req, match, service);
      } catch (ApiError e) {
        resp = e.response();
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING, "simulator handler failed for " + req.method() + " " + req.path(), e);
        resp =
            Problems.forService(
                    service, 500, "2200-500", "Internal Server Error", "Simulator error: " + e)
                .response();
      }
      if (!admin) {
        Route route = match.map(Router.Match::route).orElse(null);
        log.add(
            new RequestLog.Entry(
                req.method(),
                req.path(),
                req.rawQuery(),
                resp.status(),
                Instant.now(),
                route == null ? Kind.OTHER : route.kind(),
                route != null && route.write(),
                req.header("x-sandbox-name"),
                received,
                String.valueOf(exchange.getRemoteAddress())));
      }
      write(exchange, resp);
    }
  }

  private Response servePlatform(Request req, Optional<Router.Match> match, Service service) {
    Duration latency = faults.latency();
    if (!latency.isZero()) {
      sleep(latency);
    }
    ApiError fault = faults.pick(req, service);
    if (fault != null) {
      throw fault;
    }
    Request call = match.isPresent() && service.behindGateway() ? gateway.check(req, service) : req;
    synchronized (lock) {
      scheduler.tick();
      return serve(call, match);
    }
  }

  private Response serve(Request req, Optional<Router.Match> match) {
    if (match.isEmpty()) {
      if (router.pathKnown(req.path())) {
        // [INF] The gateway's body for a method a path does not serve is undocumented.
        throw Problems.gateway(405, "405050", "Method not allowed");
      }
      throw Problems.gateway(404, "404050", "Resource not found");
    }
    return match.get().invoke(req);
  }

  private static Service guessService(String path) {
    for (Service s : Service.values()) {
      if (path.startsWith(s.basePath())) {
        return s;
      }
    }
    return Service.FLOW_SERVICE;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void write(HttpExchange exchange, Response resp) throws IOException {
    resp.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    if (resp.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", resp.contentType());
    }
    byte[] body = resp.body();
    exchange.sendResponseHeaders(resp.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(body);
      }
    }
  }
}
