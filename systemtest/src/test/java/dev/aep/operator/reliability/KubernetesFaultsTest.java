package dev.aep.operator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.testing.MockCluster;
import dev.aep.operator.testing.Replica;
import dev.aep.simulator.PlatformSimulator;
import dev.aep.simulator.RequestLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Scenario 3, Kubernetes-side faults: the API server answers a share of the operator's status
 * writes with 409 Conflict, and the operator is restarted on top of stale status (for some flows
 * the status a pass that stopped halfway through creation leaves, for the others status wiped as by
 * a restore from backup). The flows converge, and the restarted operator adopts what exists instead
 * of creating anything again.
 */
class KubernetesFaultsTest {

  @Test
  void convergesThroughStatusConflictsAndAfterARestartOnStaleStatus() {
    ScenarioParameters.Common common = ScenarioParameters.common("k8s", 4, 50, 180);
    double conflictRate = ScenarioParameters.decimal("k8s.statusConflictRate", 0.4);
    String ns = "k8s-faults";

    try (ReliabilityStack stack = ReliabilityStack.start()) {
      PlatformSimulator sim = stack.simulator();
      stack.isolatedNamespace(ns);
      stack.kubernetesFaults().statusConflicts(conflictRate, common.seed());
      sim.faults().latency(common.latency());
      Replica first = stack.startReplica(Map.of(), ReliabilityStack.eventDriven());

      Instant start = Instant.now();
      List<StripeIngestionFlow> created = new ArrayList<>();
      for (int i = 0; i < common.flows(); i++) {
        created.add(stack.create(stack.charges(ns, "flow-" + i)));
      }
      List<StripeIngestionFlow> ready = stack.awaitAllReady(created, common.timeout());
      Duration firstConverge = Duration.between(start, Instant.now());
      int conflictsBeforeRestart = stack.kubernetesFaults().conflictsInjected();
      RemoteObjectAudit.Result beforeRestart = RemoteObjectAudit.audit(sim, ready, Set.of());
      Map<String, String> flowIds = new HashMap<>();
      ready.forEach(f -> flowIds.put(f.getMetadata().getName(), f.getStatus().getFlow().getId()));

      first.stop();
      // The even flows get a mid-creation status, the odd ones none.
      int staleSnapshots = 0;
      int wiped = 0;
      for (int i = 0; i < ready.size(); i++) {
        StripeIngestionFlow f = ready.get(i);
        StripeIngestionFlow current = stack.flow(ns, f.getMetadata().getName()).orElseThrow();
        if (i % 2 == 0) {
          current.setStatus(halfway(current.getStatus()));
          staleSnapshots++;
        } else {
          current.setStatus(new StripeIngestionFlowStatus());
          wiped++;
        }
        stack.client().resource(current).updateStatus();
      }
      int requestsBeforeRestart = sim.requestLog().entries().size();

      Instant restart = Instant.now();
      stack.startReplica(Map.of(), ReliabilityStack.eventDriven());
      List<StripeIngestionFlow> after = stack.awaitAllReady(created, common.timeout());
      Duration secondConverge = Duration.between(restart, Instant.now());

      List<RequestLog.Entry> sinceRestart =
          sim.requestLog()
              .entries()
              .subList(requestsBeforeRestart, sim.requestLog().entries().size());
      long createsSinceRestart =
          sinceRestart.stream()
              .filter(e -> e.method().equals("POST") && e.write() && e.kind().isObject())
              .count();
      RemoteObjectAudit.Result objects = RemoteObjectAudit.audit(sim, after, Set.of());
      long operatorStatusWrites =
          stack.kubernetesFaults().requests().stream()
              .filter(
                  r ->
                      MockCluster.OPERATOR_USER_AGENT.equals(r.userAgent())
                          && r.path().contains("/status")
                          && !r.method().equals("GET"))
              .count();

      new ScenarioReport("kubernetes-faults", "Kubernetes-side faults")
          .line("flows", common.flows() + " (seed " + common.seed() + ")")
          .line(
              "status write conflicts",
              String.format(
                      "%.0f%% answered 409: %d injected of %d " + "status writes",
                      conflictRate * 100,
                      stack.kubernetesFaults().conflictsInjected(),
                      operatorStatusWrites)
                  + " ("
                  + conflictsBeforeRestart
                  + " before the restart)")
          .line(
              "stale status at restart",
              staleSnapshots + " flows from a mid-creation snapshot, " + wiped + " wiped")
          .line(
              "Platform calls",
              sim.requestLog().entries().size()
                  + " ("
                  + sinceRestart.size()
                  + " after the restart, "
                  + createsSinceRestart
                  + " of them creates)")
          .line("remote objects", objects.total() + " " + objects.objects())
          .line("duplicates / orphans / missing", objects.counts())
          .line(
              "time to converge",
              ScenarioReport.seconds(firstConverge)
                  + " under conflicts, "
                  + ScenarioReport.seconds(secondConverge)
                  + " after the restart")
          .publish();

      assertThat(beforeRestart.clean()).as(beforeRestart.toString()).isTrue();
      assertThat(stack.kubernetesFaults().conflictsInjected()).isPositive();
      assertThat(objects.clean()).as(objects.toString()).isTrue();
      assertThat(objects.objects())
          .allSatisfy((kind, n) -> assertThat(n).as(kind.value()).isEqualTo(common.flows()));
      assertThat(createsSinceRestart).as("Platform creates after the restart").isZero();
      assertThat(after)
          .allSatisfy(
              f ->
                  assertThat(f.getStatus().getFlow().getId())
                      .isEqualTo(flowIds.get(f.getMetadata().getName())));
    }
  }

  /**
   * The status a pass that stopped after the dataset (a failure, or waiting on the Platform)
   * writes: base connection, exploration, source connection, field group, schema and dataset
   * recorded; target connection, mapping set and flow not, and not Ready. A pass that succeeds
   * writes status only once, at its end, so this cannot be caught in passing: it is derived from
   * the converged status (as read, so changed in place), with the target connection, mapping set
   * and flow then already on the Platform, as after a crash right after their creates.
   */
  private static StripeIngestionFlowStatus halfway(StripeIngestionFlowStatus status) {
    status.setTargetConnection(null);
    status.setMappingSet(null);
    status.setFlow(null);
    status.setLastRun(null);
    status.setConditions(new ArrayList<>());
    status.setObservedGeneration(null);
    return status;
  }
}
