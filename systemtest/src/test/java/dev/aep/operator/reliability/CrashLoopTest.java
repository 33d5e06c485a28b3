package dev.aep.operator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.main.OperatorConfig;
import dev.aep.operator.testing.Replica;
import dev.aep.simulator.PlatformSimulator;
import dev.aep.simulator.RequestLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Scenario 2, crash loop: flows are created while the operator is down, then the operator is
 * started and killed at random moments again and again (each life ends right after a random number
 * of its Platform requests went out: connections cut mid-request, Kubernetes client gone, Lease not
 * released), as a pod in CrashLoopBackOff would be. Whatever a killed process created and could not
 * record must be adopted by the next one: in the end every flow is Ready and the Platform holds
 * exactly the objects the flows reference, no duplicate and no orphan.
 */
class CrashLoopTest {

  @Test
  void flowsConvergeWithoutDuplicatesOrOrphansAcrossRepeatedCrashes() {
    ScenarioParameters.Common common = ScenarioParameters.common("crash", 6, 100, 180);
    int restarts = ScenarioParameters.integer("crash.restarts", 8);
    int maxRequests = ScenarioParameters.integer("crash.maxRequests", 40);
    Random random = new Random(common.seed());
    Map<String, String> env = Map.of(OperatorConfig.SHUTDOWN_TIMEOUT, "1s");

    try (ReliabilityStack stack = ReliabilityStack.start()) {
      PlatformSimulator sim = stack.simulator();
      sim.faults().latency(common.latency());
      List<String> namespaces = List.of("crash-a", "crash-b");
      for (String ns : namespaces) {
        stack.isolatedNamespace(ns);
      }
      List<StripeIngestionFlow> created = new ArrayList<>();
      for (int i = 0; i < common.flows(); i++) {
        created.add(
            stack.create(stack.charges(namespaces.get(i % namespaces.size()), "flow-" + i)));
      }

      Instant start = Instant.now();
      List<Instant> crashes = new ArrayList<>();
      List<Duration> lives = new ArrayList<>();
      int readyAtACrash = 0;
      for (int i = 0; i < restarts; i++) {
        Replica replica = stack.startReplica(env, ReliabilityStack.eventDriven());
        Instant up = Instant.now();
        // Killed right after its n-th Platform request went out (so with that call in flight), or
        // as soon as there is nothing left to do.
        int requests = 1 + random.nextInt(maxRequests);
        Awaitility.await()
            .atMost(common.timeout())
            .pollInterval(Duration.ofMillis(5))
            .until(
                () ->
                    replica.network().requestsSent() >= requests
                        || stack.notReady(created).isEmpty());
        crashes.add(Instant.now());
        lives.add(Duration.between(up, crashes.get(i)));
        replica.crash();
        readyAtACrash = common.flows() - stack.notReady(created).size();
      }
      stack.startReplica(env, ReliabilityStack.eventDriven());
      Instant lastStart = Instant.now();
      List<StripeIngestionFlow> ready = stack.awaitAllReady(created, common.timeout());
      Instant converged = Instant.now();

      List<RequestLog.Entry> log = sim.requestLog().entries();
      long inFlightAtCrash =
          crashes.stream()
              .filter(
                  c ->
                      log.stream().anyMatch(e -> !e.received().isAfter(c) && !e.time().isBefore(c)))
              .count();
      long creates =
          log.stream()
              .filter(
                  e ->
                      e.method().equals("POST")
                          && e.status() / 100 == 2
                          && e.write()
                          && e.kind().isObject())
              .count();
      RemoteObjectAudit.Result objects = RemoteObjectAudit.audit(sim, ready, Set.of());

      new ScenarioReport("crash-loop", "Crash loop")
          .line(
              "flows",
              common.flows()
                  + " in "
                  + namespaces.size()
                  + " sandboxes, created while the "
                  + "operator was down (seed "
                  + common.seed()
                  + ")")
          .line(
              "crashes",
              restarts
                  + " (each after 1.."
                  + maxRequests
                  + " Platform requests of"
                  + " its life, up "
                  + ScenarioReport.seconds(lives.stream().min(Duration::compareTo).orElseThrow())
                  + ".."
                  + ScenarioReport.seconds(lives.stream().max(Duration::compareTo).orElseThrow())
                  + "; "
                  + inFlightAtCrash
                  + " with a Platform call in flight; "
                  + readyAtACrash
                  + " flows Ready at the last crash)")
          .line("Platform latency", common.latency().toMillis() + " ms per call")
          .line("Platform calls", log.size() + " (" + creates + " creates acknowledged)")
          .line("remote objects", objects.total() + " " + objects.objects())
          .line("duplicates / orphans / missing", objects.counts())
          .line(
              "time to converge",
              ScenarioReport.seconds(Duration.between(lastStart, converged))
                  + " after the last start ("
                  + ScenarioReport.seconds(Duration.between(start, converged))
                  + " in all)")
          .publish();

      assertThat(objects.clean()).as(objects.toString()).isTrue();
      assertThat(objects.objects())
          .allSatisfy((kind, n) -> assertThat(n).as(kind.value()).isEqualTo(common.flows()));
    }
  }
}
