package dev.aep.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.testing.OperatorStackExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A flow that matches its spec costs reads only: no Platform write, no Kubernetes write. */
class SteadyStateTest {
  /** A quick resync: the test waits for several of them, and its one flow makes them cheap. */
  @RegisterExtension
  static final OperatorStackExtension stack =
      OperatorStackExtension.withOperator()
          .settings(s -> s.withResyncInterval(Duration.ofMillis(250)));

  @Test
  void steadyStateMakesNoPlatformOrKubernetesWritesOverSeveralResyncs() {
    String ns = stack.isolatedNamespace("steady");
    stack.create(stack.charges(ns, "charges"));
    StripeIngestionFlow ready = stack.awaitReady(ns, "charges");
    // The flow is re-read by id or, with bulk observation, by the sandbox's list of flows.
    String flowGet = ".*/flows(/" + ready.getStatus().getFlow().getId() + ")?";
    // Let the pass that reached Ready finish its last status write.
    await().atMost(Duration.ofSeconds(30)).until(() -> stack.count(ns, "GET", flowGet) >= 2);

    long platformWrites = stack.platformWrites(ns);
    long kubernetesWrites = stack.kubernetesWrites(ns);
    long observed = stack.count(ns, "GET", flowGet);
    StripeIngestionFlow before = stack.flow(ns, "charges").orElseThrow();

    // Each resync re-reads the flow; wait for several of them.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> stack.count(ns, "GET", flowGet) >= observed + 4);

    assertThat(stack.platformWrites(ns)).isEqualTo(platformWrites);
    assertThat(stack.kubernetesWrites(ns)).isEqualTo(kubernetesWrites);
    StripeIngestionFlow after = stack.flow(ns, "charges").orElseThrow();
    assertThat(after.getStatus()).usingRecursiveComparison().isEqualTo(before.getStatus());
    assertThat(after.getMetadata().getResourceVersion())
        .isEqualTo(before.getMetadata().getResourceVersion());
  }
}
