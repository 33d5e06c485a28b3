package dev.aep.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One incoming call: method, raw path, raw query, headers (names lower-cased, matched
 * case-insensitively), body; once routed, its decoded path parameters and, behind the gateway, the
 * caller.
 */
public record Request(
    String method,
    String path,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body,
    Map<String, String> params,
    Caller caller) {

  /** A call as it arrives: not yet routed or authenticated. */
  public Request(
      String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    this(
        method.toUpperCase(Locale.ROOT),
        path,
        rawQuery,
        lowerCaseNames(headers),
        body == null ? new byte[0] : body,
        Map.of(),
        null);
  }

  private static Map<String, List<String>> lowerCaseNames(Map<String, List<String>> headers) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
    return h;
  }

  /** The call with the path parameters of the route it matched. */
  Request withParams(Map<String, String> params) {
    return new Request(method, path, rawQuery, headers, body, params, caller);
  }

  /** The call as the gateway let it through, for {@code caller}. */
  Request withCaller(Caller caller) {
    return new Request(method, path, rawQuery, headers, body, params, caller);
  }

  public static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return q;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** Percent-decodes a path segment; unlike a query value, '+' stays a plus sign. */
  public static String decodePathSegment(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  public String header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  public String query(String name) {
    List<String> v = queries(name);
    return v.isEmpty() ? null : v.get(0);
  }

  public List<String> queries(String name) {
    return queryMap().getOrDefault(name, Collections.emptyList());
  }

  /** The decoded query parameters, in the order sent. */
  public Map<String, List<String>> queryMap() {
    return parseQuery(rawQuery);
  }

  /**
   * An integer query parameter, {@code absent} when not sent; another value is answered with {@code
   * bad("<name> must be an integer")}.
   */
  public int intQuery(String name, int absent, Function<String, ApiError> bad) {
    String v = query(name);
    if (v == null) {
      return absent;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw bad.apply(name + " must be an integer");
    }
  }

  /** A decoded path parameter. */
  public String param(String name) {
    return params.get(name);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public boolean hasBody() {
    return !bodyText().isBlank();
  }

  /** The body as JSON, or null when empty; IllegalArgumentException when malformed. */
  public JsonNode json() {
    return hasBody() ? Json.parse(body) : null;
  }

  /**
   * The body as JSON, or null when empty; a malformed body is answered with {@code bad}'s error.
   */
  public JsonNode json(Function<String, ApiError> bad) {
    try {
      return json();
    } catch (IllegalArgumentException e) {
      throw bad.apply("The request body is not valid JSON");
    }
  }

  /**
   * The body as a JSON object; a malformed, empty or other body is answered with {@code bad}'s
   * error.
   */
  public ObjectNode jsonObject(Function<String, ApiError> bad) {
    JsonNode n = json(bad);
    if (n == null || !n.isObject()) {
      throw bad.apply("The request body must be a JSON object");
    }
    return (ObjectNode) n;
  }
}
