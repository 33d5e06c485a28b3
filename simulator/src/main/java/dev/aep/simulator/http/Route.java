package dev.aep.simulator.http;

import dev.aep.simulator.Kind;

/**
 * One served endpoint. template is the full path with {name} placeholders; kind labels the request
 * log; write says whether the call changes state (for write/read counts).
 */
public record Route(
    String method, String template, Service service, Kind kind, boolean write, Handler handler) {

  /** Handles a matched request; throws ApiError for error answers. */
  @FunctionalInterface
  public interface Handler {
    Response handle(Request request);
  }

  @Override
  public String toString() {
    return method + " " + template;
  }
}
