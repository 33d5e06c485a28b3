package dev.aep.operator.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.RunStatus;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-flow gauges mirror the flows' status and forget deleted flows. */
class FlowMetricsTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<StripeIngestionFlow> flows = new ArrayList<>();
  private final FlowMetrics metrics =
      new FlowMetrics(registry, () -> new ArrayList<>(flows).stream());

  private static StripeIngestionFlow flow(String name, String ready, RunStatus run) {
    StripeIngestionFlow f = new StripeIngestionFlow();
    f.setMetadata(new ObjectMetaBuilder().withNamespace("payments").withName(name).build());
    if (ready != null || run != null) {
      StripeIngestionFlowStatus s = new StripeIngestionFlowStatus();
      if (ready != null) {
        s.setConditions(
            new ArrayList<>(
                List.of(new ConditionBuilder().withType("Ready").withStatus(ready).build())));
      }
      s.setLastRun(run);
      f.setStatus(s);
    }
    return f;
  }

  private static RunStatus run(String status, Long written) {
    RunStatus r = new RunStatus();
    r.setId("run-1");
    r.setStatus(status);
    r.setRecordsWritten(written);
    return r;
  }

  private String scrape() {
    metrics.refresh();
    return registry.scrape();
  }

  @Test
  void exposesReadyLastRunStatusAndRecordsWrittenPerFlow() {
    flows.add(flow("charges", "True", run("success", 42L)));
    flows.add(flow("refunds", "False", run("failed", 0L)));

    String text = scrape();

    assertThat(text)
        .contains("aep_flow_ready{name=\"charges\",namespace=\"payments\"} 1.0")
        .contains("aep_flow_ready{name=\"refunds\",namespace=\"payments\"} 0.0")
        .contains(
            "aep_flow_last_run_status{name=\"charges\",namespace=\"payments\",status=\"success\"} 1.0")
        .contains(
            "aep_flow_last_run_status{name=\"refunds\",namespace=\"payments\",status=\"failed\"} 1.0")
        .contains("aep_flow_last_run_records_written{name=\"charges\",namespace=\"payments\"} 42.0")
        .contains("aep_flow_last_run_records_written{name=\"refunds\",namespace=\"payments\"} 0.0");
  }

  @Test
  void exposesTheRecordsTheLastRunFailed() {
    RunStatus partial = run("success", 40L);
    partial.setRecordsFailed(2L);
    flows.add(flow("charges", "False", partial));

    assertThat(scrape())
        .contains("aep_flow_last_run_records_failed{name=\"charges\",namespace=\"payments\"} 2.0");
  }

  @Test
  void flowWithoutStatusIsNotReadyAndHasNoRunSeries() {
    flows.add(flow("new", null, null));

    String text = scrape();

    assertThat(text).contains("aep_flow_ready{name=\"new\",namespace=\"payments\"} 0.0");
    assertThat(text).doesNotContain("aep_flow_last_run_status{name=\"new\"");
    assertThat(text).doesNotContain("aep_flow_last_run_records_written{name=\"new\"");
  }

  @Test
  void statusChangeReplacesTheOldSeriesAndDeletedFlowsDisappear() {
    flows.add(flow("charges", "False", run("inProgress", null)));
    assertThat(scrape()).contains("status=\"inprogress\"} 1.0");

    flows.set(0, flow("charges", "True", run("success", 7L)));
    String after = scrape();
    assertThat(after).contains("status=\"success\"} 1.0").doesNotContain("inprogress");
    assertThat(after).contains("aep_flow_ready{name=\"charges\",namespace=\"payments\"} 1.0");

    flows.clear();
    assertThat(scrape()).doesNotContain("name=\"charges\"");
  }
}
