package dev.aep.operator.platform;

/**
 * An error reported inside a run's metrics, e.g. {@code CONNECTOR-1001-500}.
 *
 * @param code error code
 * @param message message; for record-level errors it may quote record values
 * @param recordCount how many records failed with this error, for record-level errors
 *     (platform-api.md 15); null for an error of the whole run
 */
public record RunError(String code, String message, Long recordCount) {

  /** An error of the whole run (e.g. the source refused the credentials). */
  public RunError(String code, String message) {
    this(code, message, null);
  }

  /** Whether the error is about records: its message may hold customer data. */
  public boolean aboutRecords() {
    return recordCount != null;
  }
}
