package dev.aep.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.Endpoint;
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

/**
 * /simulator/admin/...: the test-facing switches over HTTP, for a simulator in another process
 * (the demo, the jar). No authentication; loopback only. Not logged as Platform calls.
 */
public final class AdminApi {
  private static final String BASE = Service.ADMIN.basePath();
  private final PlatformSimulator sim;

  public AdminApi(PlatformSimulator sim) {
    this.sim = sim;
  }

  public void register(Router r) {
    add(r, "GET", "/inventory", req -> ok(sim.inventory().toJson()));
    add(r, "GET", "/requests", req -> ok(sim.requestLog().toJson()));
    add(r, "DELETE", "/requests", req -> {
      sim.requestLog().clear();
      return Response.empty(204);
    });
    add(r, "POST", "/reset", req -> {
      sim.reset();
      return Response.empty(204);
    });
    add(r, "GET", "/routes", req -> ok(routes()));
    add(r, "GET", "/datasets/{id}/rows", req -> {
      ObjectNode o = Json.obj().put("datasetId", req.param("id"));
      ArrayNode rows = o.putArray("rows");
      sim.datasetRows(req.param("id")).forEach(rows::add);
      return ok(o);
    });
    add(r, "GET", "/faults", req -> ok(sim.faults().toJson()));
    add(r, "POST", "/faults", this::setFaults);
    add(r, "POST", "/faults/fail-next", this::failNext);
    add(r, "POST", "/faults/expire-tokens", req -> {
      sim.faults().expireTokens();
      return Response.empty(204);
    });
    add(r, "POST", "/objects/{kind}/{id}/bump-etag", req -> objectOp(req, true));
    add(r, "DELETE", "/objects/{kind}/{id}", req -> objectOp(req, false));
    add(r, "POST", "/objects/flow/{id}/delete-finalizing", this::deleteFinalizing);
    add(r, "GET", "/clock", req -> ok(clock()));
    add(r, "POST", "/clock/advance", this::advance);
    add(r, "POST", "/clock/speed", this::speed);
    add(r, "POST", "/stripe/reject", req -> {
      sim.stripe().rejectToken(text(body(req), "accessToken"));
      return Response.empty(204);
    });
    add(r, "POST", "/stripe/accept", req -> {
      sim.stripe().acceptToken(text(body(req), "accessToken"));
      return Response.empty(204);
    });
    add(r, "POST", "/accounts", req -> {
      JsonNode b = body(req);
      sim.accounts().register(text(b, "clientId"), text(b, "clientSecret"), text(b, "orgId"));
      return Response.empty(204);
    });
    add(r, "POST", "/sandboxes", req -> {
      sim.addSandbox(text(body(req), "name"));
      return Response.empty(204);
    });
  }

  private static void add(Router r, String method, String path, Route.Handler h) {
    Route.Handler safe = req -> {
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
    if (b.path("clear").asBoolean(false)) {
      sim.faults().clear();
    }
    if (b.has("seed")) {
      sim.faults().seed(b.get("seed").asLong());
    }
    if (b.has("rateLimit")) {
      sim.faults().rateLimit(b.get("rateLimit").path("rate").asDouble(),
          b.get("rateLimit").path("retryAfterSeconds").asInt(1));
    }
    if (b.has("serverErrors")) {
      sim.faults().serverErrors(b.get("serverErrors").path("rate").asDouble());
    }
    if (b.has("latencyMillis")) {
      sim.faults().latency(Duration.ofMillis(b.get("latencyMillis").asLong()));
    }
    if (b.has("tokenLifetimeSeconds")) {
      sim.faults().tokenLifetime(Duration.ofSeconds(b.get("tokenLifetimeSeconds").asLong()));
    }
    if (b.has("failRuns")) {
      sim.faults().failRuns(b.get("failRuns").asBoolean());
    }
    if (b.has("flowTransitionMillis")) {
      sim.faults().flowTransition(Duration.ofMillis(b.get("flowTransitionMillis").asLong()));
    }
    if (b.has("missingFlowCode")) {
      sim.faults().missingFlowCode(b.get("missingFlowCode").asText());
    }
    return ok(sim.faults().toJson());
  }

  /**
   * Body {"count": n, "method": "PATCH" or "*", "pathPattern": "regex", "status": 503}, or with
   * "flowCode": "1421-400" instead of status for a Flow Service problem of that code.
   */
  private Response failNext(Request req) {
    JsonNode b = body(req);
    if (b.hasNonNull("flowCode")) {
      sim.faults().failNext(b.path("count").asInt(1), b.path("method").asText("*"), text(b, "pathPattern"),
          b.get("flowCode").asText());
      return ok(sim.faults().toJson());
    }
    sim.faults().failNext(b.path("count").asInt(1), b.path("method").asText("*"), text(b, "pathPattern"),
        b.path("status").asInt(503));
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

  /** Body {"seconds": n}: the flow is delete-finalizing for n simulator seconds, then gone. */
  private Response deleteFinalizing(Request req) {
    sim.faults().deleteFinalizing(req.param("id"),
        Duration.ofMillis((long) (body(req).path("seconds").asDouble() * 1000)));
    return Response.empty(204);
  }

  /** Body {"seconds": n}; answers the clock. */
  private Response advance(Request req) {
    sim.clock().advance(Duration.ofMillis((long) (body(req).path("seconds").asDouble() * 1000)));
    return ok(clock());
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
    for (Endpoint e : sim.routes()) {
      platform.add(e.toString());
    }
    ArrayNode admin = o.putArray("admin");
    for (Endpoint e : sim.adminRoutes()) {
      admin.add(e.toString());
    }
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
