package dev.aep.operator.main;

/**
 * The answer of a liveness or readiness check.
 *
 * @param ok whether the probe should succeed
 * @param detail one line for a person reading the probe's body
 */
public record HealthStatus(boolean ok, String detail) {

  /** A passing check. */
  public static HealthStatus ok(String detail) {
    return new HealthStatus(true, detail);
  }

  /** A failing check. */
  public static HealthStatus failing(String detail) {
    return new HealthStatus(false, detail);
  }
}
