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
 * One incoming call: method, raw path, decoded query, headers (case-insensitive), body, path
 * params.
 */
public final class Request {
  private final String method;
  private final String path;
  private final String rawQuery;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private Map<String, String> pathParams = Map.of();
  private Caller caller;

  public Request(
      String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    this.method = method.toUpperCase(Locale.ROOT);
    this.path = path;
    this.rawQuery = rawQuery;
    this.query = parseQuery(rawQuery);
    Map<String, List<String>> h = new LinkedHashMap<>();
    headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
    this.headers = h;
    this.body = body == null ? new byte[0] : body;
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

  public static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** Percent-decodes a path segment; unlike a query value, '+' stays a plus sign. */
  public static String decodePathSegment(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  public String method() {
    return method;
  }

  /** The raw (still percent-encoded) path. */
  public String path() {
    return path;
  }

  public String rawQuery() {
    return rawQuery;
  }

  public String header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  public String query(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  public List<String> queries(String name) {
    return query.getOrDefault(name, Collections.emptyList());
  }

  public Map<String, List<String>> queryMap() {
    return query;
  }

  public byte[] body() {
    return body;
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

  /** A decoded path parameter. */
  public String param(String name) {
    return pathParams.get(name);
  }

  void pathParams(Map<String, String> params) {
    this.pathParams = params;
  }

  public Caller caller() {
    return caller;
  }

  void caller(Caller caller) {
    this.caller = caller;
  }
}
