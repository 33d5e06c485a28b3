package dev.aep.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.platform.Platform;
import dev.aep.operator.testing.FlowAssertions;
import dev.aep.operator.testing.OperatorStackExtension;
import dev.aep.operator.testing.RecordingDispatcher;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What creating a flow costs the Kubernetes API: the finalizer, one status write for the pass that
 * created the chain, and one Event naming everything it created. Crash safety comes from adoption
 * by deterministic name and uid (CrashRecoveryTest), not from a status write after every create.
 * Counted until the operator has run further passes after Ready, so steady state is included.
 */
class KubernetesWritesTest {
  /** Finalizer, status and summary Event, with room for one more status write. */
  private static final int MAX_WRITES_PER_FLOW = 4;

  private static final int FLOWS = 20;

  /** A stack per test: each counts every pass of its operator. */
  @RegisterExtension final OperatorStackExtension stack = OperatorStackExtension.withoutOperator();

  @Test
  void creatingOneFlowWithoutFaultsTakesAtMostFourWritesAndOneEventNamingEveryObject() {
    String ns = stack.isolatedNamespace("writes");
    AtomicInteger passes = startCountingOperator();
    int before = stack.kubernetesWrites().size();

    StripeIngestionFlow flow = stack.create(stack.charges(ns, "charges"));
    StripeIngestionFlow ready = stack.awaitReady(ns, "charges");
    settle(passes);

    Map<String, Integer> byKind = byKind(stack.kubernetesWrites(), before, ns);
    assertThat(byKind)
        .as("operator writes for one flow")
        .containsOnlyKeys("finalizer", "status", "event");
    assertThat(byKind.values().stream().mapToInt(Integer::intValue).sum())
        .as(byKind.toString())
        .isLessThanOrEqualTo(MAX_WRITES_PER_FLOW);
    assertThat(byKind).containsEntry("finalizer", 1).containsEntry("event", 1);

    List<Event> events = stack.events(ns);
    assertThat(events).hasSize(1);
    Event summary = events.get(0);
    assertThat(summary.getType()).isEqualTo("Normal");
    assertThat(summary.getReason()).isEqualTo("Created");
    assertThat(summary.getRegarding().getUid()).isEqualTo(flow.getMetadata().getUid());
    assertThat(summary.getNote())
        .contains(FlowAssertions.createdIds(ready.getStatus()))
        .contains(FlowAssertions.OBJECT_NAMES)
        .contains("Stripe resource path charges");
  }

  @Test
  void twentyFlowsCreatedTogetherTakeAtMostFourWritesEach() {
    String ns = stack.isolatedNamespace("writes-many");
    AtomicInteger passes = startCountingOperator();
    int before = stack.kubernetesWrites().size();

    List<String> names = new ArrayList<>();
    for (int i = 0; i < FLOWS; i++) {
      names.add("flow-" + i);
      stack.create(stack.charges(ns, "flow-" + i));
    }
    for (String name : names) {
      stack.awaitReady(ns, name);
    }
    settle(passes);

    Map<String, Integer> byKind = byKind(stack.kubernetesWrites(), before, ns);
    int total = byKind.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(total)
        .as(byKind + " for " + FLOWS + " flows")
        .isLessThanOrEqualTo(MAX_WRITES_PER_FLOW * FLOWS);
    assertThat(byKind).containsEntry("finalizer", FLOWS).containsEntry("event", FLOWS);
    for (String name : names) {
      StripeIngestionFlowStatus status = stack.flow(ns, name).orElseThrow().getStatus();
      assertThat(stack.events(ns))
          .as(name)
          .filteredOn(e -> e.getRegarding().getName().equals(name))
          .singleElement()
          .satisfies(e -> assertThat(e.getNote()).contains(FlowAssertions.createdIds(status)));
    }
  }

  /** The production reconciler, counting the passes it runs. */
  /** Starts the operator with a reconciler that counts its passes; returns the count. */
  private AtomicInteger startCountingOperator() {
    AtomicInteger passes = new AtomicInteger();
    stack.startOperator((platform, settings) -> counting(platform, settings, passes));
    return passes;
  }

  private static StripeIngestionFlowReconciler counting(
      Platform platform, ReconcilerSettings settings, AtomicInteger passes) {
    return new StripeIngestionFlowReconciler(platform, settings) {
      @Override
      public UpdateControl<StripeIngestionFlow> reconcile(
          StripeIngestionFlow flow, Context<StripeIngestionFlow> context) {
        try {
          return super.reconcile(flow, context);
        } finally {
          passes.incrementAndGet();
        }
      }
    };
  }

  /**
   * Waits for two more passes per flow than have run so far (the resync brings them), so that
   * writes a pass after Ready would make, and the Event recorded after the status write, are
   * counted.
   */
  private void settle(AtomicInteger passes) {
    int flows = stack.flows().size();
    int target = passes.get() + 2 * flows;
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> passes.get() >= target);
  }

  /**
   * The operator's writes in {@code ns} after {@code from}, by kind: the finalizer (a patch or
   * update of the flow itself), status writes and Events. The flow's own creation is the test's.
   */
  private static Map<String, Integer> byKind(
      List<RecordingDispatcher.Request> writes, int from, String ns) {
    Map<String, Integer> byKind = new TreeMap<>();
    for (RecordingDispatcher.Request write : writes.subList(from, writes.size())) {
      String path = write.path();
      if (!path.contains("/namespaces/" + ns + "/")) {
        continue;
      }
      String kind;
      if (path.contains("/events")) {
        kind = "event";
      } else if (path.contains("/stripeingestionflows/") && path.contains("/status")) {
        kind = "status";
      } else if (path.contains("/stripeingestionflows")) {
        if (write.method().equals("POST")) {
          continue;
        }
        kind = "finalizer";
      } else {
        kind = "other " + write.method() + " " + path;
      }
      byKind.merge(kind, 1, Integer::sum);
    }
    return byKind;
  }
}
