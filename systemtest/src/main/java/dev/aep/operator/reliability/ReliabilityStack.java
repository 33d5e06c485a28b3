package dev.aep.operator.reliability;

import dev.aep.operator.main.OperatorConfig;
import dev.aep.operator.reconciler.ReconcilerSettings;
import dev.aep.operator.testing.SimulatedStack;
import dev.aep.simulator.PlatformSimulator;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * What the reliability scenarios run against: a {@link SimulatedStack} whose Kubernetes API has
 * {@link KubernetesFaults} in front, with the leader-election namespace, and replicas configured
 * like a production Deployment with a modest Platform rate.
 */
final class ReliabilityStack extends SimulatedStack {
  private final KubernetesFaults kubernetesFaults;

  private ReliabilityStack(KubernetesFaults faults) {
    super(
        faults,
        PlatformSimulator::start,
        Map.of(
            OperatorConfig.PLATFORM_MAX_RPS, "50",
            OperatorConfig.RECONCILE_THREADS, "4",
            OperatorConfig.SHUTDOWN_TIMEOUT, "2s"));
    this.kubernetesFaults = faults;
    client()
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(OPERATOR_NAMESPACE)
                .endMetadata()
                .build())
        .create();
  }

  static ReliabilityStack start() {
    return new ReliabilityStack(new KubernetesFaults());
  }

  /** Reconciler settings for the scenarios: the given resync, short error backoff. */
  static ReconcilerSettings settings(Duration resync, Duration maxBackoff) {
    return ReconcilerSettings.defaults()
        .withResyncInterval(resync)
        .withRetryBackoff(Duration.ofMillis(200), maxBackoff);
  }

  /**
   * The settings of the scenarios that converge on events and requeues alone: a 30 s resync (so no
   * resync pass hides a missed event within a scenario), backoff up to 2 s.
   */
  static ReconcilerSettings eventDriven() {
    return settings(Duration.ofSeconds(30), Duration.ofSeconds(2));
  }

  KubernetesFaults kubernetesFaults() {
    return kubernetesFaults;
  }
}
