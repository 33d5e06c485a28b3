package dev.aep.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer: status, extra headers and a body (JSON unless said otherwise). */
public record Response(int status, Map<String, String> headers, byte[] body, String contentType) {

  public static Response json(int status, JsonNode body) {
    return new Response(status, new LinkedHashMap<>(), Json.bytes(body), "application/json");
  }

  public static Response json(int status, JsonNode body, String contentType) {
    return new Response(status, new LinkedHashMap<>(), Json.bytes(body), contentType);
  }

  public static Response empty(int status) {
    return new Response(status, new LinkedHashMap<>(), new byte[0], null);
  }

  public Response withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Response(status, h, body, contentType);
  }
}
