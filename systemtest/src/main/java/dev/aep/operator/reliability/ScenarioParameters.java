package dev.aep.operator.reliability;

import java.time.Duration;

/**
 * Sizes and fault rates of a scenario, read from system properties so that {@code make test} runs
 * small defaults and {@code make chaos} passes larger ones ({@code -Dsoak.flows=30 ...}). Every
 * value a scenario used is echoed in its report.
 */
final class ScenarioParameters {
  private ScenarioParameters() {}

  static int integer(String name, int fallback) {
    String v = System.getProperty(name);
    return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
  }

  static double decimal(String name, double fallback) {
    String v = System.getProperty(name);
    return v == null || v.isBlank() ? fallback : Double.parseDouble(v.trim());
  }

  static Duration seconds(String name, long fallback) {
    return Duration.ofSeconds(integer(name, (int) fallback));
  }

  static Duration millis(String name, long fallback) {
    return Duration.ofMillis(integer(name, (int) fallback));
  }

  /**
   * What most scenarios read under their prefix: {@code <prefix>.flows}, {@code <prefix>.latencyMs}
   * (the Platform's latency per call), {@code <prefix>.timeoutSeconds} (how long to wait for
   * convergence), and the seed.
   */
  static Common common(String prefix, int flows, int latencyMs, int timeoutSeconds) {
    return new Common(
        integer(prefix + ".flows", flows),
        millis(prefix + ".latencyMs", latencyMs),
        seconds(prefix + ".timeoutSeconds", timeoutSeconds),
        seed());
  }

  /** See {@link #common}. */
  record Common(int flows, Duration latency, Duration timeout, long seed) {}

  /**
   * The seed of every random choice of a run ({@code chaos.seed}), so a failure can be replayed.
   */
  static long seed() {
    String v = System.getProperty("chaos.seed");
    return v == null || v.isBlank() ? 20240611L : Long.parseLong(v.trim());
  }
}
