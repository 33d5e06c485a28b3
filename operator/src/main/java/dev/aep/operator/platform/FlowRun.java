package dev.aep.operator.platform;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A dataflow run with its metrics.
 *
 * @param id run id
 * @param flowId flow id
 * @param createdAt creation, may be null
 * @param status {@code metrics.statusSummary.status} ({@code success}, {@code failed}, {@code
 *     scheduled}, {@code inProgress}, ...)
 * @param startedAt {@code durationSummary.startedAtUTC}, may be null
 * @param completedAt {@code durationSummary.completedAtUTC}, may be null
 * @param recordsRead {@code recordSummary.inputRecordCount}, may be null
 * @param recordsWritten {@code recordSummary.outputRecordCount}, may be null
 * @param recordsFailed {@code recordSummary.failedRecordCount}, may be null
 * @param errors {@code statusSummary.errors}
 */
public record FlowRun(
    String id,
    String flowId,
    Instant createdAt,
    String status,
    Instant startedAt,
    Instant completedAt,
    Long recordsRead,
    Long recordsWritten,
    Long recordsFailed,
    List<RunError> errors) {

  private static final Set<String> TERMINAL =
      Set.of(
          "success",
          "failed",
          "partialsuccess",
          "partial_success",
          "completed",
          "partial_failure",
          "partialfailure");

  public FlowRun {
    errors = Copies.list(errors);
  }

  /** Whether the run has finished (successfully or not); status is compared ignoring case. */
  public boolean isTerminal() {
    return status != null && TERMINAL.contains(status.toLowerCase(Locale.ROOT));
  }

  /** Whether the run failed. */
  public boolean isFailed() {
    return "failed".equalsIgnoreCase(status);
  }
}
