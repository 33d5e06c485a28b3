package dev.aep.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.Faults;
import dev.aep.simulator.Kind;
import dev.aep.simulator.PlatformSimulator;
import dev.aep.simulator.http.ApiError;
import dev.aep.simulator.http.Json;
import dev.aep.simulator.http.Request;
import dev.aep.simulator.http.Response;
import dev.aep.simulator.http.Route;
import dev.aep.simulator.http.Router;
import dev.aep.simulator.http.Service;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * /simulator/admin/...: the test-facing switches over HTTP, for a simulator in another process (the
 * demo, the jar). No authentication; loopback only. Not logged as Platform calls.
 */
public record AdminApi(PlatformSimulator sim) {
  private static final String BASE = Service.ADMIN.basePath();

  public void register(Router r) {
    add(r, "GET", "/inventory", req -> ok(sim.inventory().toJson()));
    add(r, "GET", "/requests", req -> ok(sim.requestLog().toJson()));
    add(r, "DELETE", "/requests", done(req -> sim.requestLog().clear()));
    add(r, "POST", "/reset", done(req -> sim.reset()));
    add(r, "GET", "/routes", req -> ok(routes()));
    add(
        r,
        "GET",
        "/datasets/{id}/rows",
        req -> {
          ObjectNode o = Json.obj().put("datasetId", req.param("id"));
          ArrayNode rows = o.putArray("rows");
          sim.datasetRows(req.param("id")).forEach(rows::add);
          return ok(o);
        });
    add(r, "GET", "/faults", req -> ok(sim.faults().toJson()));
    add(r, "POST", "/faults", this::setFaults);
    add(r, "POST", "/faults/fail-next", this::failNext);
    add(r, "POST", "/faults/expire-tokens", done(req -> sim.faults().expireTokens()));
    add(r, "POST", "/objects/{kind}/{id}/bump-etag", req -> objectOp(req, true));
    add(r, "DELETE", "/objects/{kind}/{id}", req -> objectOp(req, false));
    add(
        r,
        "POST",
        "/objects/flow/{id}/delete-finalizing",
        done(req -> sim.faults().deleteFinalizing(req.param("id"), seconds(req))));
    add(r, "GET", "/clock", req -> ok(clock()));
    add(
        r,
        "POST",
        "/clock/advance",
        req -> {
          sim.clock().advance(seconds(req));
          return ok(clock());
        });
    add(r, "POST", "/clock/speed", this::speed);
    add(
        r,
        "POST",
        "/stripe/reject",
        done(req -> sim.stripe().rejectToken(text(body(req), "accessToken"))));
    add(
        r,
        "POST",
        "/stripe/accept",
        done(req -> sim.stripe().acceptToken(text(body(req), "accessToken"))));
    add(
        r,
        "POST",
        "/accounts",
        done(
            req -> {
              JsonNode b = body(req);
              sim.accounts()
                  .register(text(b, "clientId"), text(b, "clientSecret"), text(b, "orgId"));
            }));
    add(r, "POST", "/sandboxes", done(req -> sim.addSandbox(text(body(req), "name"))));
  }

  /** A handler that does {@code action} and answers 204. */
  private static Route.Handler done(Consumer<Request> action) {
    return req -> {
      action.accept(req);
      return Response.empty(204);
    };
  }

  private static void add(Router r, String method, String path, Route.Handler h) {
    Route.Handler safe =
        req -> {
          try {
            return h.handle(req);
          } catch (IllegalArgumentException e) {
            throw error(400, e.getMessage());
          } catch (NoSuchElementException e) {
            throw error(404, "not found: " + e.getMessage());
          }
        };
    r.add(new Route(method, BASE + path, Service.ADMIN, Kind.OTHER, !method.equals("GET"), safe));
  }

  /**
   * Body: any of {"seed": n, "rateLimit": {"rate", "retryAfterSeconds"}, "serverErrors": {"rate"},
   * "latencyMillis", "tokenLifetimeSeconds", "failRuns", "flowTransitionMillis", "missingFlowCode"
   * ("1439-404", "1101-404" or "1439-400"), "clear": true}; answers the new settings.
   */
  private Response setFaults(Request req) {
    JsonNode b = body(req);
    Faults f = sim.faults();
    set(
        b,
        "clear",
        v -> {
          if (v.asBoolean(false)) {
            f.clear();
          }
        });
    set(b, "seed", v -> f.seed(v.asLong()));
    set(
        b,
        "rateLimit",
        v -> f.rateLimit(v.path("rate").asDouble(), v.path("retryAfterSeconds").asInt(1)));
    set(b, "serverErrors", v -> f.serverErrors(v.path("rate").asDouble()));
    set(b, "latencyMillis", v -> f.latency(Duration.ofMillis(v.asLong())));
    set(b, "tokenLifetimeSeconds", v -> f.tokenLifetime(Duration.ofSeconds(v.asLong())));
    set(b, "failRuns", v -> f.failRuns(v.asBoolean()));
    set(b, "flowTransitionMillis", v -> f.flowTransition(Duration.ofMillis(v.asLong())));
    set(b, "missingFlowCode", v -> f.missingFlowCode(v.asText()));
    return ok(f.toJson());
  }

  /** Applies one setting of a body when the body has it. */
  private static void set(JsonNode body, String field, Consumer<JsonNode> setter) {
    if (body.has(field)) {
      setter.accept(body.get(field));
    }
  }

  /**
   * Body {"count": n, "method": "PATCH" or "*", "pathPattern": "regex", "status": 503}, or with
   * "flowCode": "1421-400" instead of status for a Flow Service problem of that code.
   */
  private Response failNext(Request req) {
    JsonNode b = body(req);
    int count = b.path("count").asInt(1);
    String method = b.path("method").asText("*");
    String pattern = text(b, "pathPattern");
    if (b.hasNonNull("flowCode")) {
      sim.faults().failNext(count, method, pattern, b.get("flowCode").asText());
    } else {
      sim.faults().failNext(count, method, pattern, b.path("status").asInt(503));
    }
    return ok(sim.faults().toJson());
  }

  private Response objectOp(Request req, boolean bump) {
    Kind kind = Kind.fromValue(req.param("kind"));
    String id = req.param("id");
    if (bump) {
      sim.faults().bumpEtag(kind, id);
      return ok(sim.inventory().get(kind, id).orElseThrow());
    }
    sim.faults().deleteBehindBack(kind, id);
    return Response.empty(204);
  }

  /**
   * Body {"seconds": n}: a span of simulator time. delete-finalizing keeps the flow in that state
   * for it, then it is gone; clock/advance moves the clock on by it and answers the clock.
   */
  private static Duration seconds(Request req) {
    return Duration.ofMillis((long) (body(req).path("seconds").asDouble() * 1000));
  }

  /** Body {"factor": x}: simulated seconds per real second. */
  private Response speed(Request req) {
    sim.clock().speed(body(req).path("factor").asDouble());
    return ok(clock());
  }

  private ObjectNode clock() {
    return Json.obj().put("now", sim.clock().now().toString()).put("speed", sim.clock().speed());
  }

  private ObjectNode routes() {
    ObjectNode o = Json.obj();
    ArrayNode platform = o.putArray("platform");
    sim.routes().forEach(e -> platform.add(e.toString()));
    ArrayNode admin = o.putArray("admin");
    sim.adminRoutes().forEach(e -> admin.add(e.toString()));
    return o;
  }

  private static JsonNode body(Request req) {
    JsonNode b = req.json();
    if (b == null || !b.isObject()) {
      throw new IllegalArgumentException("a JSON object body is required");
    }
    return b;
  }

  private static String text(JsonNode b, String field) {
    if (!Json.hasText(b, field)) {
      throw new IllegalArgumentException(field + " is required");
    }
    return b.get(field).asText();
  }

  private static Response ok(JsonNode body) {
    return Response.json(200, body);
  }

  private static ApiError error(int status, String message) {
    return new ApiError(Response.json(status, Json.obj().put("error", message)));
  }
}
