package dev.aep.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.aep.simulator.http.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-side HTTP client: talks to the simulator only through its HTTP surface, as the operator
 * does.
 */
final class SimClient {
  static final ObjectMapper JSON = new ObjectMapper();
  // The base paths as the simulator serves them; OpenApiRoutesTest pins every full route path to
  // Adobe's spec files, so they are not restated here.
  static final String FLOW = Service.FLOW_SERVICE.basePath();
  static final String SCHEMAS = Service.SCHEMA_REGISTRY.basePath();
  static final String CATALOG = Service.CATALOG.basePath();
  static final String CONVERSION = Service.DATA_PREP.basePath();
  static final String XED_ID = "application/vnd.adobe.xed-id+json";
  static final String XED_V1 = "application/vnd.adobe.xed+json; version=1";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String baseUrl;
  private final Map<String, String> defaults = new LinkedHashMap<>();

  /** An answer: status, parsed JSON body (NullNode when empty) and headers. */
  record Resp(int status, JsonNode json, String body, HttpHeaders headers) {
    String text(String field) {
      JsonNode v = json.get(field);
      return v == null ? null : v.asText();
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** The single item of a Flow Service GET by id. */
    JsonNode item() {
      return json.get("items").get(0);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  SimClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /**
   * A client with a fresh token of the default account, sending every Platform header, sandbox
   * prod.
   */
  static SimClient authenticated(PlatformSimulator sim) {
    return authenticated(sim.baseUrl());
  }

  /** The same, for a simulator reached only by its URL (one running in another process). */
  static SimClient authenticated(String baseUrl) {
    SimClient c = new SimClient(baseUrl);
    String token = c.token(Accounts.DEFAULT_CLIENT_ID, Accounts.DEFAULT_CLIENT_SECRET);
    c.defaults.put("Authorization", "Bearer " + token);
    c.defaults.put("x-api-key", Accounts.DEFAULT_CLIENT_ID);
    c.defaults.put("x-gw-ims-org-id", Accounts.DEFAULT_ORG_ID);
    c.defaults.put("x-sandbox-name", "prod");
    return c;
  }

  SimClient header(String name, String value) {
    SimClient c = new SimClient(baseUrl);
    c.defaults.putAll(defaults);
    if (value == null) {
      c.defaults.remove(name);
    } else {
      c.defaults.put(name, value);
    }
    return c;
  }

  String token(String clientId, String secret) {
    Resp r = requestToken(clientId, secret, "openid,AdobeID,read_organizations");
    if (r.status() != 200) {
      throw new IllegalStateException("token failed: " + r);
    }
    return r.text("access_token");
  }

  /** The IMS client-credentials token call (platform-api.md 1.1). */
  Resp requestToken(String clientId, String secret, String scope) {
    return form(
        "/ims/token/v3",
        Map.of(
            "grant_type",
            "client_credentials",
            "client_id",
            clientId,
            "client_secret",
            secret,
            "scope",
            scope));
  }

  Resp form(String path, Map<String, String> fields) {
    StringBuilder sb = new StringBuilder();
    fields.forEach(
        (k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
    return send(
        "POST", path, sb.toString(), Map.of("Content-Type", "application/x-www-form-urlencoded"));
  }

  Resp get(String path) {
    return send("GET", path, null, Map.of());
  }

  Resp get(String path, String accept) {
    return send("GET", path, null, Map.of("Accept", accept));
  }

  Resp post(String path, Object body) {
    return send("POST", path, json(body), Map.of());
  }

  Resp put(String path, Object body) {
    return send("PUT", path, json(body), Map.of());
  }

  Resp patch(String path, Object body, String ifMatch) {
    return send(
        "PATCH", path, json(body), ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
  }

  /** PATCH with one JSON Patch instruction. */
  Resp patchOne(String path, String op, String pointer, Object value, String ifMatch) {
    return patch(path, List.of(Map.of("op", op, "path", pointer, "value", value)), ifMatch);
  }

  Resp delete(String path) {
    return send("DELETE", path, null, Map.of());
  }

  Resp send(String method, String path, String body, Map<String, String> extra) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
    Map<String, String> headers = new LinkedHashMap<>(defaults);
    if (body != null && !extra.containsKey("Content-Type")) {
      headers.put("Content-Type", "application/json");
    }
    headers.putAll(extra);
    headers.forEach(b::header);
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode parsed = r.body().isBlank() ? NullNode.getInstance() : JSON.readTree(r.body());
      return new Resp(r.statusCode(), parsed, r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String json(Object body) {
    if (body == null) {
      return null;
    }
    if (body instanceof String s) {
      return s;
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
