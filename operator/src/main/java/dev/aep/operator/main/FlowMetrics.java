package dev.aep.operator.main;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.RunStatus;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Per-flow gauges derived from the flows' status as the informer cache holds it, refreshed before
 * each scrape so that deleted flows disappear and standby replicas report what the leader wrote.
 */
public final class FlowMetrics {
  public static final String READY = "aep.flow.ready";
  public static final String LAST_RUN_STATUS = "aep.flow.last.run.status";
  public static final String LAST_RUN_RECORDS_WRITTEN = "aep.flow.last.run.records.written";
  public static final String LAST_RUN_RECORDS_FAILED = "aep.flow.last.run.records.failed";

  private final Supplier<Stream<StripeIngestionFlow>> flows;
  private final MultiGauge ready;
  private final MultiGauge lastRunStatus;
  private final MultiGauge recordsWritten;
  private final MultiGauge recordsFailed;

  /**
   * @param registry where the gauges are registered
   * @param flows the flows currently known (the controller's informer cache)
   */
  public FlowMetrics(MeterRegistry registry, Supplier<Stream<StripeIngestionFlow>> flows) {
    this.flows = flows;
    this.ready = gauge(registry, READY, "1 when the flow's Ready condition is True, else 0");
    this.lastRunStatus =
        gauge(registry, LAST_RUN_STATUS, "1 for the status of the flow's last run (label status)");
    this.recordsWritten =
        gauge(
            registry,
            LAST_RUN_RECORDS_WRITTEN,
            "Records written to the dataset by the flow's last run");
    this.recordsFailed =
        gauge(
            registry,
            LAST_RUN_RECORDS_FAILED,
            "Records the flow's last run could not ingest (mapping or validation failures)");
  }

  private static MultiGauge gauge(MeterRegistry registry, String name, String description) {
    return MultiGauge.builder(name).description(description).register(registry);
  }

  /** Replaces every row with the flows' current status; rows of deleted flows are dropped. */
  public synchronized void refresh() {
    List<MultiGauge.Row<?>> readyRows = new ArrayList<>();
    List<MultiGauge.Row<?>> statusRows = new ArrayList<>();
    List<MultiGauge.Row<?>> writtenRows = new ArrayList<>();
    List<MultiGauge.Row<?>> failedRows = new ArrayList<>();
    flows
        .get()
        .forEach(
            flow -> {
              Tags tags =
                  Tags.of(
                      "namespace", flow.getMetadata().getNamespace(),
                      "name", flow.getMetadata().getName());
              StripeIngestionFlowStatus status = flow.getStatus();
              readyRows.add(MultiGauge.Row.of(tags, isReady(status) ? 1 : 0));
              RunStatus run = status == null ? null : status.getLastRun();
              if (run != null && run.getStatus() != null) {
                statusRows.add(
                    MultiGauge.Row.of(
                        tags.and("status", run.getStatus().toLowerCase(Locale.ROOT)), 1));
              }
              if (run != null && run.getRecordsWritten() != null) {
                writtenRows.add(MultiGauge.Row.of(tags, run.getRecordsWritten()));
              }
              if (run != null && run.getRecordsFailed() != null) {
                failedRows.add(MultiGauge.Row.of(tags, run.getRecordsFailed()));
              }
            });
    ready.register(readyRows, true);
    lastRunStatus.register(statusRows, true);
    recordsWritten.register(writtenRows, true);
    recordsFailed.register(failedRows, true);
  }

  private static boolean isReady(StripeIngestionFlowStatus status) {
    return status != null
        && status
            .findCondition(FlowConditions.READY)
            .map(c -> FlowConditions.STATUS_TRUE.equals(c.getStatus()))
            .orElse(false);
  }
}
