package dev.aep.simulator;

/**
 * A Platform or IMS endpoint the simulator serves: method and path template with {name} parameters.
 */
public record Endpoint(String method, String path, Kind kind) {
  @Override
  public String toString() {
    return method + " " + path;
  }
}
