package dev.aep.operator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.main.OperatorConfig;
import dev.aep.operator.reconciler.ReconcilerSettings;
import dev.aep.operator.testing.Replica;
import dev.aep.simulator.PlatformSimulator;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Scenario 7, leader failover: two replicas elect a leader through the Lease; the leader is stopped
 * in the middle of reconciling (first killed outright, so the standby must wait for the lease to
 * expire; then, with a fresh standby, stopped gracefully during an update wave, handing the lease
 * over). The standby takes over each time, no remote object is duplicated, and every flow ends
 * Ready for its latest generation.
 */
class LeaderFailoverTest {

  @Test
  void theStandbyTakesOverFromALeaderStoppedMidReconcileWithoutDuplicates() {
    ScenarioParameters.Common common = ScenarioParameters.common("failover", 6, 150, 180);
    ReconcilerSettings settings = ReliabilityStack.eventDriven();
    Map<String, String> shortShutdown = Map.of(OperatorConfig.SHUTDOWN_TIMEOUT, "1s");
    String ns = "failover";

    try (ReliabilityStack stack = ReliabilityStack.start()) {
      PlatformSimulator sim = stack.simulator();
      stack.isolatedNamespace(ns);
      sim.faults().latency(common.latency());
      List<StripeIngestionFlow> created = new ArrayList<>();
      for (int i = 0; i < common.flows(); i++) {
        created.add(stack.create(stack.charges(ns, "flow-" + i)));
      }

      Replica a = stack.replica(with(shortShutdown, "replica-a"), settings);
      Replica b = stack.replica(with(shortShutdown, "replica-b"), settings);
      CompletableFuture.allOf(
              CompletableFuture.runAsync(a.assembly()::start),
              CompletableFuture.runAsync(b.assembly()::start))
          .join();
      Awaitility.await()
          .atMost(common.timeout())
          .until(() -> a.assembly().isLeader() || b.assembly().isLeader());
      Replica first = a.assembly().isLeader() ? a : b;
      Replica second = first == a ? b : a;

      // Kill the leader once about half of the objects exist, while it waits for a Platform answer.
      int objects = common.flows() * RemoteObjectAudit.KINDS.size();
      int awaitingAtCrash =
          awaitMidCall(first, () -> acknowledgedCreates(sim) >= objects / 2, common.timeout());
      Instant crash = Instant.now();
      first.crash();
      long createsAtCrash = acknowledgedCreates(sim);
      int readyAtCrash = common.flows() - stack.notReady(created).size();
      double firstCalls = platformCalls(first);
      Awaitility.await().atMost(common.timeout()).until(second.assembly()::isLeader);
      Duration takeover = Duration.between(crash, Instant.now());
      List<StripeIngestionFlow> ready = stack.awaitAllReady(created, common.timeout());
      Duration converged = Duration.between(crash, Instant.now());
      RemoteObjectAudit.Result afterCrash = RemoteObjectAudit.audit(sim, ready, Set.of());
      long createsAfterCrash = acknowledgedCreates(sim);

      // A fresh standby; then an update wave, and the leader stopped gracefully in the middle.
      Replica third = stack.startReplica(with(shortShutdown, "replica-c"), settings);
      for (StripeIngestionFlow f : created) {
        stack.change(
            ns,
            f.getMetadata().getName(),
            e -> {
              e.getSpec().getSchedule().setInterval(45);
              e.getSpec().setDescription("Every 45 minutes");
            });
      }
      int patchesBefore = patches(sim);
      int awaitingAtStop =
          awaitMidCall(second, () -> patches(sim) > patchesBefore, common.timeout());
      Instant handOver = Instant.now();
      int updatedAtStop = common.flows() - stack.notReady(created).size();
      second.stop();
      double secondCalls = platformCalls(second);
      Awaitility.await().atMost(common.timeout()).until(third.assembly()::isLeader);
      Duration gracefulTakeover = Duration.between(handOver, Instant.now());
      List<StripeIngestionFlow> updated = stack.awaitAllReady(created, common.timeout());
      Duration gracefulConverged = Duration.between(handOver, Instant.now());
      double thirdCalls = platformCalls(third);
      RemoteObjectAudit.Result objectsAudit = RemoteObjectAudit.audit(sim, updated, Set.of());
      Lease lease =
          stack
              .client()
              .leases()
              .inNamespace(ReliabilityStack.OPERATOR_NAMESPACE)
              .withName(OperatorConfig.DEFAULT_LEASE_NAME)
              .get();
      long creates = acknowledgedCreates(sim);
      long inFlight = inFlight(sim, crash);
      long inFlightAtStop = inFlight(sim, handOver);

      new ScenarioReport("leader-failover", "Leader failover")
          .line(
              "flows",
              common.flows() + ", Platform latency " + common.latency().toMillis() + " ms per call")
          .line(
              "crash of the leader",
              "after "
                  + createsAtCrash
                  + " of "
                  + objects
                  + " creates"
                  + "; "
                  + awaitingAtCrash
                  + " Platform calls awaiting an answer ("
                  + inFlight
                  + " of them served after the kill), "
                  + readyAtCrash
                  + " flows Ready")
          .line(
              "takeover after the crash",
              ScenarioReport.seconds(takeover)
                  + " (lease expiry), all Ready "
                  + ScenarioReport.seconds(converged)
                  + " after the crash")
          .line(
              "graceful stop of the new leader",
              "during the update wave: "
                  + awaitingAtStop
                  + " Platform calls awaiting an answer ("
                  + inFlightAtStop
                  + " served after the stop began), "
                  + updatedAtStop
                  + " flows updated")
          .line(
              "takeover after the graceful stop",
              ScenarioReport.seconds(gracefulTakeover)
                  + " (lease released), all Ready "
                  + ScenarioReport.seconds(gracefulConverged)
                  + " after the stop")
          .line(
              "Platform calls by replica",
              String.format(
                  "first leader %.0f, second %.0f, third " + "%.0f; %d in all",
                  firstCalls, secondCalls, thirdCalls, sim.requestLog().entries().size()))
          .line(
              "creates acknowledged",
              creates
                  + " ("
                  + objects
                  + " objects for "
                  + common.flows()
                  + " flows; "
                  + createsAfterCrash
                  + " when all were Ready after the first takeover)")
          .line(
              "lease",
              lease.getSpec().getHolderIdentity()
                  + ", "
                  + lease.getSpec().getLeaseTransitions()
                  + " transitions")
          .line("remote objects", objectsAudit.total() + " " + objectsAudit.objects())
          .line("duplicates / orphans / missing", objectsAudit.counts())
          .publish();

      assertThat(afterCrash.clean()).as(afterCrash.toString()).isTrue();
      assertThat(objectsAudit.clean()).as(objectsAudit.toString()).isTrue();
      assertThat(objectsAudit.objects())
          .allSatisfy((kind, n) -> assertThat(n).as(kind.value()).isEqualTo(common.flows()));
      assertThat(creates).as("creates acknowledged").isEqualTo(objects);
      assertThat(readyAtCrash)
          .as("flows Ready when the leader was killed")
          .isLessThan(common.flows());
      assertThat(awaitingAtCrash).as("calls awaiting an answer at the kill").isPositive();
      assertThat(awaitingAtStop).as("calls awaiting an answer at the stop").isPositive();
      assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("replica-c");
      assertThat(updated)
          .allSatisfy(f -> assertThat(f.getStatus().getObservedGeneration()).isEqualTo(2L));
    }
  }

  /**
   * Waits until {@code progress} holds at a moment when {@code replica} awaits a Platform answer;
   * returns how many answers it awaited then.
   */
  private static int awaitMidCall(Replica replica, BooleanSupplier progress, Duration timeout) {
    AtomicInteger awaiting = new AtomicInteger();
    Awaitility.await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(5))
        .until(
            () ->
                progress.getAsBoolean()
                    && awaiting.updateAndGet(n -> replica.network().awaitingAnswers()) > 0);
    return awaiting.get();
  }

  private static Map<String, String> with(Map<String, String> env, String identity) {
    Map<String, String> all = new HashMap<>(env);
    all.putAll(ReliabilityStack.leaderElection(identity));
    return all;
  }

  /** Creates the Platform acknowledged (201; 200 for mapping sets). */
  private static long acknowledgedCreates(PlatformSimulator sim) {
    return sim.requestLog()
        .count(
            e ->
                e.method().equals("POST")
                    && e.write()
                    && e.kind().isObject()
                    && e.status() / 100 == 2);
  }

  private static int patches(PlatformSimulator sim) {
    return (int) sim.requestLog().count(e -> e.method().equals("PATCH"));
  }

  /** Calls that had arrived at the simulator but were not answered yet at {@code at}. */
  private static long inFlight(PlatformSimulator sim, Instant at) {
    return sim.requestLog().count(e -> !e.received().isAfter(at) && e.time().isAfter(at));
  }

  /** Platform calls a replica's client made (its request timer). */
  private static double platformCalls(Replica replica) {
    return replica.registry().find("aep.platform.requests").timers().stream()
        .mapToDouble(Timer::count)
        .sum();
  }
}
