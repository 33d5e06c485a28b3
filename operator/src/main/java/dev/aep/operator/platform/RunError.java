package dev.aep.operator.platform;

/**
 * An error reported inside a run's metrics, e.g. {@code CONNECTOR-1001-500}.
 *
 * @param code error code
 * @param message message
 */
public record RunError(String code, String message) {}
