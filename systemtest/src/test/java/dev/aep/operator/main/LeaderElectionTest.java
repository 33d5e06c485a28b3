package dev.aep.operator.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.testing.OperatorStackExtension;
import dev.aep.operator.testing.SimulatedStack;
import dev.aep.simulator.Kind;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two replicas against one Kubernetes API and one Platform: one reconciles, the other waits. */
class LeaderElectionTest {
  private static final List<Kind> REMOTE_KINDS =
      List.of(
          Kind.CONNECTION,
          Kind.SOURCE_CONNECTION,
          Kind.FIELD_GROUP,
          Kind.SCHEMA,
          Kind.DATASET,
          Kind.TARGET_CONNECTION,
          Kind.MAPPING_SET,
          Kind.FLOW);

  private static final String NAMESPACE = "payments";

  /** A stack per test; the test assembles its operators. */
  @RegisterExtension final OperatorStackExtension stack = OperatorStackExtension.withoutOperator();

  private OperatorAssembly replica(String identity) {
    return stack.assembly(SimulatedStack.leaderElection(identity));
  }

  /** Creations the Platform acknowledged (201; 200 for mapping sets), per kind. */
  private Map<Kind, Long> creations() {
    Map<Kind, Long> counts = new EnumMap<>(Kind.class);
    for (Kind kind : REMOTE_KINDS) {
      counts.put(
          kind,
          stack
              .simulator()
              .requestLog()
              .count(e -> e.kind() == kind && e.method().equals("POST") && e.status() / 100 == 2));
    }
    return counts;
  }

  @Test
  void twoReplicasCreateEachRemoteObjectExactlyOnceAndHandOverOnStop() {
    List<StripeIngestionFlow> flows =
        stack.applySamples(NAMESPACE, "charges.yaml", "subscriptions.yaml", "once.yaml");
    OperatorAssembly a = replica("replica-a");
    OperatorAssembly b = replica("replica-b");
    // Start both at once, as two pods of a Deployment would.
    CompletableFuture.allOf(
            CompletableFuture.runAsync(a::start), CompletableFuture.runAsync(b::start))
        .join();

    flows.forEach(f -> stack.awaitReady(NAMESPACE, f.getMetadata().getName()));

    assertThat(a.isLeader()).isNotEqualTo(b.isLeader());
    OperatorAssembly leader = a.isLeader() ? a : b;
    OperatorAssembly standby = a.isLeader() ? b : a;
    Lease lease =
        stack
            .client()
            .leases()
            .inNamespace("stripe-aep-operator")
            .withName(OperatorConfig.DEFAULT_LEASE_NAME)
            .get();
    assertThat(lease.getSpec().getHolderIdentity())
        .isEqualTo(leader == a ? "replica-a" : "replica-b");
    // Every remote object exists once per flow, however many replicas run.
    for (Kind kind : REMOTE_KINDS) {
      assertThat(stack.simulator().inventory().count(kind))
          .as(kind.value())
          .isEqualTo(flows.size());
    }
    assertThat(creations())
        .allSatisfy((kind, n) -> assertThat(n).as(kind.value()).isEqualTo(flows.size()));
    // The standby has a warm cache and is ready, but has not reconciled anything.
    assertThat(stack.get(standby, "/readyz").body()).isEqualTo("ready (standby)\n");
    assertThat(stack.get(leader, "/readyz").body()).isEqualTo("ready (leader)\n");
    assertThat(stack.get(standby, "/metrics").body())
        .doesNotContain("operator_sdk_reconciliations_started_total{");
    assertThat(stack.get(leader, "/metrics").body())
        .contains("operator_sdk_reconciliations_started_total{");
    // The standby still reports the flows' state from its cache.
    assertThat(stack.get(standby, "/metrics").body())
        .contains("aep_flow_ready{name=\"stripe-charges\",namespace=\"payments\"} 1.0");

    leader.stop();
    await().atMost(Duration.ofSeconds(60)).until(standby::isLeader);
    stack.change(NAMESPACE, "stripe-charges", f -> f.getSpec().getSchedule().setInterval(30));
    StripeIngestionFlow changed = stack.awaitReady(NAMESPACE, "stripe-charges");

    assertThat(changed.getStatus().getObservedGeneration())
        .isEqualTo(changed.getMetadata().getGeneration());
    assertThat(stack.get(standby, "/metrics").body())
        .contains("operator_sdk_reconciliations_started_total{");
    // The new leader adopted what the old one created: still one of each per flow.
    assertThat(creations())
        .allSatisfy((kind, n) -> assertThat(n).as(kind.value()).isEqualTo(flows.size()));
  }

  @Test
  void replicaThatLosesItsLeaseStopsReconciling() {
    OperatorAssembly only = replica("replica-a");
    only.start();
    await().atMost(Duration.ofSeconds(30)).until(only::isLeader);

    // Someone else takes the lease (as after a network partition): the renewals now fail.
    takeLease("replica-elsewhere");

    await().atMost(Duration.ofSeconds(60)).until(() -> !only.liveness().ok());
    assertThat(only.isLeader()).isFalse();
    assertThat(only.readiness().ok()).isFalse();
  }

  /**
   * Writes the lease as held by {@code identity} for an hour. The replica renews it every half
   * second, so the write may meet a renewal (409): it is made again on the newer lease.
   */
  private void takeLease(String identity) {
    for (int attempt = 1; ; attempt++) {
      try {
        stack
            .client()
            .leases()
            .inNamespace("stripe-aep-operator")
            .withName(OperatorConfig.DEFAULT_LEASE_NAME)
            .edit(
                l -> {
                  l.getSpec().setHolderIdentity(identity);
                  l.getSpec().setLeaseDurationSeconds(3600);
                  l.getSpec().setRenewTime(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
                  return l;
                });
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= 50) {
          throw e;
        }
      }
    }
  }
}
