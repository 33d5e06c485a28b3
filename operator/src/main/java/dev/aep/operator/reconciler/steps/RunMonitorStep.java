package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.RunStatus;
import dev.aep.operator.platform.FlowRun;
import dev.aep.operator.platform.RunError;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Watches the flow's runs: the newest run (status, times, record counts, first errors) goes to
 * {@code status.lastRun}. It only observes; there is nothing to create or change.
 */
public final class RunMonitorStep extends ObservingStep<RunMonitorStep.Runs> {
  /** At most this many run errors are copied into status. */
  static final int MAX_ERRORS = 3;

  /** The newest run of the flow, if it ran yet. */
  public record Runs(Optional<FlowRun> newest) {}

  public RunMonitorStep() {
    super("runMonitor", "run monitor", runs -> runs.newest().map(FlowRun::id).orElse("none"));
  }

  @Override
  public boolean managed(FlowContext ctx) {
    return false;
  }

  @Override
  public Optional<Runs> observe(FlowContext ctx) {
    List<FlowRun> runs = ctx.observer().latestRuns(ctx.status().getFlow().getId(), 1);
    return Optional.of(new Runs(runs.stream().findFirst()));
  }

  @Override
  public void record(FlowContext ctx, Runs runs) {
    ctx.status().setLastRun(runs.newest().map(RunMonitorStep::toStatus).orElse(null));
  }

  private static RunStatus toStatus(FlowRun run) {
    List<String> errors =
        run.errors().stream().limit(MAX_ERRORS).map(RunMonitorStep::describe).toList();
    return new RunStatus(
        run.id(),
        run.status(),
        format(run.startedAt()),
        format(run.completedAt()),
        run.recordsRead(),
        run.recordsWritten(),
        run.recordsFailed(),
        errors);
  }

  /**
   * A record-level error is told by its code and count only: its message may quote the record's
   * values (customer data), which never reach status, events or logs. The README says how to fetch
   * the failed rows.
   */
  private static String describe(RunError error) {
    if (error.aboutRecords()) {
      return String.valueOf(error.code()) + " (" + error.recordCount() + " records)";
    }
    if (error.code() == null) {
      return String.valueOf(error.message());
    }
    return error.message() == null ? error.code() : error.code() + ": " + error.message();
  }

  private static String format(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
