package dev.aep.operator.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.testing.FlowAssertions;
import dev.aep.operator.testing.OperatorStackExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The production wiring (OperatorAssembly from an environment map) against an embedded Kubernetes
 * API and the Platform simulator: probes, and the three metric families on /metrics.
 */
class OperatorAssemblyTest {
  private static final String NAMESPACE = "payments";

  /** A stack per test; the test assembles its operators. */
  @RegisterExtension final OperatorStackExtension stack = OperatorStackExtension.withoutOperator();

  @Test
  void metricsExposeReconcilesPlatformCallsAndPerFlowGauges() {
    stack.applySamples(NAMESPACE, "charges.yaml");
    OperatorAssembly operator = stack.assembly(Map.of());
    operator.start();

    StripeIngestionFlow ready = stack.awaitReady(NAMESPACE, "stripe-charges");
    // Let the flow's first scheduled runs happen on the simulator's clock.
    Instant start = Instant.parse(ready.getSpec().getSchedule().getStartTime());
    Instant now = stack.simulator().clock().now();
    if (start.isAfter(now)) {
      stack.simulator().clock().advance(Duration.between(now, start.plus(Duration.ofMinutes(20))));
    } else {
      stack.simulator().clock().advance(Duration.ofMinutes(20));
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> stack.flow(NAMESPACE, "stripe-charges").orElseThrow().getStatus().getLastRun(),
            run -> run != null && run.getRecordsWritten() != null);
    // A run first seen in progress finishes meanwhile, and the gauges follow each status write: the
    // flow as read and /metrics are compared until they agree on one run.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              StripeIngestionFlow flow = stack.flow(NAMESPACE, "stripe-charges").orElseThrow();
              String runStatus = flow.getStatus().getLastRun().getStatus().toLowerCase();
              long written = flow.getStatus().getLastRun().getRecordsWritten();

              HttpResponse<String> metrics = stack.get(operator, "/metrics");

              assertThat(metrics.statusCode()).isEqualTo(200);
              assertThat(metrics.headers().firstValue("Content-Type"))
                  .contains("text/plain; version=0.0.4; charset=utf-8");
              assertThat(metrics.body())
                  // JOSDK's reconcile metrics
                  .contains("operator_sdk_reconciliations_started_total{")
                  .contains("operator_sdk_reconciliations_success_total{")
                  .contains("operator_sdk_controllers_execution_reconcile_seconds_count{")
                  // the Platform client's request timers
                  .containsPattern(
                      "aep_platform_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*\\} [1-9]")
                  .contains("aep_platform_token_requests_total")
                  // per-flow gauges
                  .contains("aep_flow_ready{name=\"stripe-charges\",namespace=\"payments\"} 1.0")
                  .contains(
                      "aep_flow_last_run_status{name=\"stripe-charges\",namespace=\"payments\",status=\""
                          + runStatus
                          + "\"} 1.0")
                  .contains(
                      "aep_flow_last_run_records_written{name=\"stripe-charges\",namespace=\"payments\"} "
                          + (double) written);
            });
  }

  @Test
  void probesAnswerOnceInformersAreSyncedAndFailAfterStop() {
    OperatorAssembly operator = stack.assembly(Map.of());
    assertThat(operator.readiness().ok()).isFalse();

    operator.start();

    HttpResponse<String> ready = stack.get(operator, "/readyz");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).isEqualTo("ready\n");
    assertThat(stack.get(operator, "/healthz").statusCode()).isEqualTo(200);
    assertThat(operator.isLeader()).isTrue();

    operator.stop();

    assertThat(operator.liveness().ok()).isFalse();
    assertThat(operator.readiness().ok()).isFalse();
  }

  @Test
  void watchedNamespacesAndLabelSelectorLimitWhatIsReconciled() {
    stack.applySamples(NAMESPACE, "charges.yaml", "prices.yaml");
    stack.change(NAMESPACE, "stripe-prices", f -> f.getMetadata().getLabels().put("shard", "b"));
    stack.change(NAMESPACE, "stripe-charges", f -> f.getMetadata().getLabels().put("shard", "a"));
    OperatorAssembly shardA =
        stack.assembly(
            Map.of("WATCH_NAMESPACES", "payments,billing", "WATCH_LABEL_SELECTOR", "shard=a"));
    shardA.start();

    stack.awaitReady(NAMESPACE, "stripe-charges");

    StripeIngestionFlow prices = stack.flow(NAMESPACE, "stripe-prices").orElseThrow();
    assertThat(prices.getStatus()).isNull();
    assertThat(prices.getMetadata().getFinalizers()).isEmpty();
  }

  @Test
  void stopLetsTheReconcileInFlightFinish() {
    // Every Platform call takes a while, so the first reconcile is still running when stop comes.
    stack.simulator().faults().latency(Duration.ofMillis(300));
    stack.applySamples(NAMESPACE, "charges.yaml");
    OperatorAssembly operator = stack.assembly(Map.of("SHUTDOWN_TIMEOUT", "60s"));
    operator.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> stack.simulator().requestLog().writes() > 0);

    operator.stop();

    // The pass that was running completed: everything it created is recorded in status.
    StripeIngestionFlow flow = stack.flow(NAMESPACE, "stripe-charges").orElseThrow();
    assertThat(stack.simulator().inventory().count(dev.aep.simulator.Kind.FLOW)).isEqualTo(1);
    assertThat(flow.getStatus().getFlow().getId())
        .isEqualTo(
            stack
                .simulator()
                .inventory()
                .list(dev.aep.simulator.Kind.FLOW)
                .get(0)
                .get("id")
                .asText());
    assertThat(FlowAssertions.readyForGeneration(flow)).isTrue();
  }
}
