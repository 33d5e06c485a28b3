package dev.aep.operator.bench;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.http.HttpPlatform;
import dev.aep.operator.reconciler.steps.Credentials;
import dev.aep.operator.reconciler.steps.FlowContext;
import dev.aep.operator.reconciler.steps.FlowSteps;
import dev.aep.operator.reconciler.steps.PlatformFacts;
import dev.aep.operator.reconciler.steps.RunMonitorStep;
import dev.aep.operator.reconciler.steps.Step;
import dev.aep.operator.testing.Flows;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Puts flows in the state the operator leaves them after creating them, without running it: the
 * steps' own create and record (so names, descriptions and status are the production ones), one
 * status write per flow with the conditions of a successful pass, and the finalizer in place. Ten
 * times faster than reconciling them, because the Kubernetes mock scans every stored object on each
 * request and a reconcile writes status after every create.
 */
final class Preloader {
  private Preloader() {}

  static void preload(BenchStack stack, List<String> names, Instant start, int threads)
      throws Exception {
    stack.createFlows(names, start, true);
    Secret stripe =
        stack.client().secrets().inNamespace(BenchStack.NAMESPACE).withName("stripe").get();
    Credentials credentials =
        new Credentials(
            Flows.account(),
            "sk_test_bench",
            stripe.getMetadata().getResourceVersion(),
            BenchStack.NAMESPACE + "/stripe (key accessToken)");
    List<StripeIngestionFlow> flows = new ArrayList<>(stack.flowsByName().values());
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (HttpPlatform platform = stack.loaderPlatform()) {
      PlatformSession session = platform.session(Flows.account(), BenchStack.SANDBOX);
      List<Future<?>> work = new ArrayList<>();
      for (StripeIngestionFlow flow : flows) {
        work.add(
            pool.submit(
                () -> {
                  load(stack, flow, session, credentials);
                  int n = done.incrementAndGet();
                  if (n % 1000 == 0) {
                    System.out.printf("  loaded %d/%d%n", n, flows.size());
                  }
                  return null;
                }));
      }
      for (Future<?> f : work) {
        f.get(1, TimeUnit.HOURS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void load(
      BenchStack stack,
      StripeIngestionFlow flow,
      PlatformSession session,
      Credentials credentials) {
    StripeIngestionFlowStatus status = new StripeIngestionFlowStatus();
    FlowContext ctx =
        new FlowContext(
            flow,
            status,
            session,
            new DirectRemoteObserver(session),
            credentials,
            Clock.systemUTC(),
            new PlatformFacts(),
            new FlowContext.Scratch());
    for (Step<?> step : FlowSteps.tutorialOrder()) {
      if (!(step instanceof RunMonitorStep)) {
        make(step, ctx);
      }
    }
    Long generation = flow.getMetadata().getGeneration();
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    status.setObservedGeneration(generation);
    // The messages of a successful pass of a flow that has not run yet (the reconciler's).
    status.setConditions(
        List.of(
            condition(
                FlowConditions.READY,
                FlowConditions.REASON_AVAILABLE,
                "Flow "
                    + status.getFlow().getId()
                    + " is "
                    + status.getFlow().getState()
                    + " and runs every "
                    + flow.getSpec().getSchedule().getInterval()
                    + " "
                    + flow.getSpec().getSchedule().getFrequency().value()
                    + "s. No run yet.",
                generation,
                now),
            condition(
                FlowConditions.SYNCED,
                FlowConditions.REASON_RECONCILE_SUCCESS,
                "All Platform objects match generation " + generation + ".",
                generation,
                now)));
    flow.setStatus(status);
    stack.client().resource(flow).updateStatus();
  }

  private static <R> void make(Step<R> step, FlowContext ctx) {
    R made = step.create(ctx);
    step.record(ctx, made);
  }

  private static Condition condition(
      String type, String reason, String message, Long generation, String now) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(FlowConditions.STATUS_TRUE)
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(generation)
        .withLastTransitionTime(now)
        .build();
  }
}
