package dev.aep.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.testing.EmbeddedStack;
import dev.aep.operator.testing.Flows;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A flow that matches its spec costs reads only: no Platform write, no Kubernetes write. */
class SteadyStateTest {

  @Test
  void steadyStateMakesNoPlatformOrKubernetesWritesOverSeveralResyncs() {
    try (EmbeddedStack stack = EmbeddedStack.start().startOperator()) {
      String ns = "steady";
      stack.namespace(ns);
      stack.simulator().addSandbox(ns);
      stack.platformSecret(ns);
      stack.stripeSecret(ns, "sk_test_steady");
      stack.create(Flows.charges(stack, ns, "charges"));
      StripeIngestionFlow ready = stack.awaitReady(ns, "charges");
      // The flow is re-read by id or, with bulk observation, by the sandbox's list of flows.
      String flowGet = ".*/flows(/" + ready.getStatus().getFlow().getId() + ")?";
      // Let the pass that reached Ready finish its last status write.
      await().atMost(Duration.ofSeconds(30)).until(
          () -> Flows.count(stack.simulator(), ns, "GET", flowGet) >= 2);

      long platformWrites = Flows.platformWrites(stack.simulator(), ns);
      long kubernetesWrites = kubernetesWrites(stack, ns);
      long observed = Flows.count(stack.simulator(), ns, "GET", flowGet);
      StripeIngestionFlow before = stack.flow(ns, "charges").orElseThrow();

      // Each resync re-reads the flow; wait for several of them.
      await().atMost(Duration.ofSeconds(60)).until(
          () -> Flows.count(stack.simulator(), ns, "GET", flowGet) >= observed + 4);

      assertThat(Flows.platformWrites(stack.simulator(), ns)).isEqualTo(platformWrites);
      assertThat(kubernetesWrites(stack, ns)).isEqualTo(kubernetesWrites);
      StripeIngestionFlow after = stack.flow(ns, "charges").orElseThrow();
      assertThat(after.getStatus()).usingRecursiveComparison().isEqualTo(before.getStatus());
      assertThat(after.getMetadata().getResourceVersion())
          .isEqualTo(before.getMetadata().getResourceVersion());
    }
  }

  private static long kubernetesWrites(EmbeddedStack stack, String namespace) {
    return stack.kubernetesWrites().stream()
        .filter(w -> w.path().contains("/namespaces/" + namespace + "/"))
        .count();
  }
}
