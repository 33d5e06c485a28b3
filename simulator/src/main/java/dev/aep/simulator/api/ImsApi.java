package dev.aep.simulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.Accounts;
import dev.aep.simulator.Kind;
import dev.aep.simulator.http.Json;
import dev.aep.simulator.http.Problems;
import dev.aep.simulator.http.Request;
import dev.aep.simulator.http.Response;
import dev.aep.simulator.http.Route;
import dev.aep.simulator.http.Router;
import dev.aep.simulator.http.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IMS OAuth server-to-server token endpoint (platform-api.md 1.1): form fields grant_type,
 * client_id, client_secret, scope, in the body or (discouraged) the query string. [INF] Errors use
 * the OAuth form {"error", "error_description"}.
 */
public record ImsApi(Accounts accounts) {

  public void register(Router r) {
    r.add(new Route("POST", "/ims/token/v3", Service.IMS, Kind.TOKEN, false, this::token));
  }

  private Response token(Request req) {
    Map<String, List<String>> form = Request.parseQuery(req.rawQuery());
    if (req.hasBody()) {
      String ct = req.header("Content-Type");
      if (ct == null
          || !ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
        throw Problems.oauth(
            400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
      }
      form.putAll(Request.parseQuery(req.bodyText()));
    }
    String grant = first(form, "grant_type");
    if (grant == null) {
      throw Problems.oauth(400, "invalid_request", "grant_type is required");
    }
    if (!grant.equals("client_credentials")) {
      throw Problems.oauth(400, "unsupported_grant_type", "grant_type must be client_credentials");
    }
    String clientId = first(form, "client_id");
    String secret = first(form, "client_secret");
    if (clientId == null || secret == null) {
      throw Problems.oauth(400, "invalid_request", "client_id and client_secret are required");
    }
    if (first(form, "scope") == null) {
      throw Problems.oauth(400, "invalid_scope", "scope is required");
    }
    Accounts.Token t =
        accounts
            .issue(clientId, secret)
            .orElseThrow(
                () -> Problems.oauth(401, "invalid_client", "invalid client_id or client_secret"));
    long expiresIn =
        Math.max(1, (Duration.between(Instant.now(), t.expiresAt()).toMillis() + 999) / 1000);
    ObjectNode body =
        Json.obj()
            .put("access_token", t.value())
            .put("token_type", "bearer")
            .put("expires_in", expiresIn);
    return Response.json(200, body);
  }

  private static String first(Map<String, List<String>> form, String key) {
    List<String> v = form.get(key);
    return v == null || v.isEmpty() || v.get(0).isBlank() ? null : v.get(0);
  }
}
