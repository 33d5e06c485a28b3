package dev.aep.operator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.platform.SchemaRequest;
import dev.aep.operator.reconciler.ReconcilerSettings;
import dev.aep.operator.testing.FlowAssertions;
import dev.aep.operator.testing.Replica;
import dev.aep.simulator.Accounts;
import dev.aep.simulator.PlatformSimulator;
import dev.aep.simulator.RequestLog;
import io.fabric8.kubernetes.api.model.Condition;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Scenario 4, bad input the CRD cannot reject: each wrong manifest ends in its documented reason
 * with a message naming the problem, makes no Platform write, and is then reconciled at a rate
 * bounded by the configured resync and backoff, counted over an observation window (the operator's
 * own reconcile counter for the total; per flow, its failure log lines or the Platform reads each
 * pass makes).
 */
class BadInputTest {
  private static final String MISSING_DATASET = "0000000000000000000000ba";

  /** One wrong manifest: where it lives, what is wrong, and how the operator must end up. */
  private record Case(
      String name, String condition, String reason, String status, List<String> mentions) {

    String namespace() {
      return "bad-" + name;
    }
  }

  @Test
  void eachWrongManifestEndsInItsReasonWithoutPlatformWritesAndIsRetriedAtABoundedRate() {
    Duration resync = ScenarioParameters.seconds("badinput.resyncSeconds", 3);
    Duration window = ScenarioParameters.seconds("badinput.windowSeconds", 9);
    Duration timeout = ScenarioParameters.seconds("badinput.timeoutSeconds", 120);
    ReconcilerSettings settings = ReliabilityStack.settings(resync, resync);

    List<Case> cases =
        List.of(
            new Case(
                "missing-secret",
                FlowConditions.READY,
                FlowConditions.REASON_SECRET_NOT_FOUND,
                "False",
                List.of("absent-credentials", "bad-missing-secret")),
            new Case(
                "missing-key",
                FlowConditions.READY,
                FlowConditions.REASON_SECRET_NOT_FOUND,
                "False",
                List.of("aep-credentials", "clientSecret")),
            new Case(
                "wrong-credentials",
                FlowConditions.READY,
                FlowConditions.REASON_AUTH_FAILED,
                "False",
                List.of("aep-credentials", "clientSecret")),
            new Case(
                "stripe-rejected",
                FlowConditions.READY,
                FlowConditions.REASON_INVALID_SPEC,
                "False",
                List.of("Stripe", "stripe")),
            new Case(
                "missing-dataset",
                FlowConditions.READY,
                FlowConditions.REASON_INVALID_SPEC,
                "False",
                List.of(MISSING_DATASET, "spec.target.dataset.id")),
            new Case(
                "schema-title-taken",
                FlowConditions.READY,
                FlowConditions.REASON_INVALID_SPEC,
                "False",
                List.of("Taken title", "target.schema.create.title")),
            new Case(
                "missing-sandbox",
                FlowConditions.READY,
                FlowConditions.REASON_INVALID_SPEC,
                "False",
                List.of("nosuchsandbox")),
            new Case(
                "past-start-time",
                FlowConditions.SYNCED,
                FlowConditions.REASON_RECONCILE_SUCCESS,
                "True",
                List.of("schedule.startTime", "already started")));

    try (ReliabilityStack stack = ReliabilityStack.start();
        CapturedLogs logs = new CapturedLogs(false)) {
      PlatformSimulator sim = stack.simulator();
      for (Case c : cases) {
        stack.namespace(c.namespace());
        stack.platformSecret(c.namespace());
        stack.stripeSecret(c.namespace(), "sk_test_" + c.name());
      }
      stack.secret(
          "bad-missing-key",
          "aep-credentials",
          Map.of("clientId", Accounts.DEFAULT_CLIENT_ID, "orgId", Accounts.DEFAULT_ORG_ID));
      stack.secret(
          "bad-wrong-credentials",
          "aep-credentials",
          Map.of(
              "clientId",
              Accounts.DEFAULT_CLIENT_ID,
              "clientSecret",
              "not-the-secret",
              "orgId",
              Accounts.DEFAULT_ORG_ID));
      sim.stripe().rejectToken("sk_test_stripe-rejected");
      stack
          .session("bad-schema-title-taken")
          .schemaRegistry()
          .createSchema(
              new SchemaRequest(
                  "Taken title",
                  "Made by another team",
                  "https://ns.adobe.com/xdm/context/experienceevent",
                  List.of()));

      // The past start time is a valid flow first; the bad input is the later change of it.
      StripeIngestionFlow started = stack.charges("bad-past-start-time", "flow");
      started.getSpec().getSchedule().setStartTime("2025-01-01T00:00:00Z");
      Replica replica = stack.startReplica(Map.of(), settings);
      stack.create(started);
      StripeIngestionFlow startedReady = stack.awaitAllReady(List.of(started), timeout).get(0);
      String startedFlowId = startedReady.getStatus().getFlow().getId();
      int setUpRequests = sim.requestLog().entries().size();

      Map<Case, StripeIngestionFlow> flows = new LinkedHashMap<>();
      for (Case c : cases) {
        StripeIngestionFlow flow =
            c.name().equals("past-start-time") ? started : stack.charges(c.namespace(), "flow");
        switch (c.name()) {
          case "missing-secret" ->
              flow.getSpec().getPlatform().getCredentialsSecretRef().setName("absent-credentials");
          case "missing-dataset" -> {
            flow.getSpec().getTarget().getDataset().setCreate(null);
            flow.getSpec().getTarget().getDataset().setId(MISSING_DATASET);
          }
          case "schema-title-taken" ->
              flow.getSpec().getTarget().getSchema().getCreate().setTitle("Taken title");
          case "missing-sandbox" -> flow.getSpec().getPlatform().setSandbox("nosuchsandbox");
          default -> {}
        }
        if (c.name().equals("past-start-time")) {
          stack.change(
              c.namespace(),
              "flow",
              f -> f.getSpec().getSchedule().setStartTime("2025-06-01T00:00:00Z"));
        } else {
          stack.create(flow);
        }
        flows.put(c, flow);
      }

      Instant created = Instant.now();
      Map<Case, Condition> outcome = new LinkedHashMap<>();
      try {
        Awaitility.await()
            .atMost(timeout)
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> {
                  for (Case c : cases) {
                    stack
                        .flow(c.namespace(), "flow")
                        .filter(
                            f ->
                                f.getStatus() != null
                                    && f.getMetadata()
                                        .getGeneration()
                                        .equals(f.getStatus().getObservedGeneration()))
                        .flatMap(f -> FlowAssertions.condition(f, c.condition()))
                        .ifPresent(cond -> outcome.put(c, cond));
                  }
                  return cases.stream()
                      .allMatch(
                          c ->
                              outcome.containsKey(c)
                                  && c.reason().equals(outcome.get(c).getReason()));
                });
      } catch (ConditionTimeoutException e) {
        // Reported below, then asserted.
      }
      Duration toSettle = Duration.between(created, Instant.now());

      // Observation window: as many resync periods as the window holds, timed by the operator's
      // own resync of the one Ready flow (past-start-time), each of which re-reads that flow on the
      // Platform (by id or with its sandbox's flow list) and does nothing else.
      long windowResyncs = Math.max(1, window.toMillis() / resync.toMillis());
      String startedSandbox = started.getSpec().getPlatform().getSandbox();
      String startedFlowRead = ".*/flows(/" + startedFlowId + ")?";
      double startedCount = reconciles(replica);
      int windowStartLogs = logs.lines().size();
      int windowStartRequests = sim.requestLog().entries().size();
      long startedReads = stack.count(startedSandbox, "GET", startedFlowRead);
      Instant windowStart = Instant.now();
      Awaitility.await()
          .alias(windowResyncs + " resyncs of the Ready flow")
          .atMost(window.plus(resync).multipliedBy(2))
          .pollInterval(Duration.ofMillis(20))
          .until(
              () -> stack.count(startedSandbox, "GET", startedFlowRead),
              reads -> reads >= startedReads + windowResyncs);
      Duration observed = Duration.between(windowStart, Instant.now());
      double total = reconciles(replica) - startedCount;
      List<String> windowLogs = logs.lines().subList(windowStartLogs, logs.lines().size());
      List<RequestLog.Entry> all = sim.requestLog().entries();
      List<RequestLog.Entry> afterSetUp = all.subList(setUpRequests, all.size());
      List<RequestLog.Entry> inWindow = all.subList(windowStartRequests, all.size());

      // A failing pass is rescheduled after the jittered resync (at least 0.9 x resync) or, for
      // a spec the operator will not retry, not at all; a Ready flow is looked at once per resync.
      // So over the window a flow is reconciled at most window / (0.9 x resync) + 1 times, plus
      // one for an event (a status or Secret watch) arriving in between.
      long perFlowBound = (long) Math.floor(observed.toMillis() / (0.9 * resync.toMillis())) + 2;
      long totalBound = perFlowBound * cases.size();

      ScenarioReport report =
          new ScenarioReport("bad-input", "Bad input catalogue")
              .line("flows", cases.size() + " wrong manifests, one per sandbox")
              .line(
                  "resync / backoff",
                  ScenarioReport.seconds(resync)
                      + " resync (10% jitter), "
                      + "backoff 0.2.."
                      + ScenarioReport.seconds(resync))
              .line(
                  "time to settle",
                  ScenarioReport.seconds(toSettle) + " until every flow showed " + "its reason");
      Map<Case, Long> passes = new LinkedHashMap<>();
      for (Case c : cases) {
        Condition cond = outcome.getOrDefault(c, new Condition());
        String sandbox = flows.get(c).getSpec().getPlatform().getSandbox();
        long writes = count(afterSetUp, e -> sandbox.equals(e.sandbox()) && e.write());
        long accepted =
            count(
                afterSetUp, e -> sandbox.equals(e.sandbox()) && e.write() && e.status() / 100 == 2);
        String prefix = c.namespace() + "/flow: ";
        long failedPasses = windowLogs.stream().filter(l -> l.contains(" " + prefix)).count();
        long flowReads =
            count(
                inWindow,
                e -> e.method().equals("GET") && e.path().endsWith("/flows/" + startedFlowId));
        long pass = c.name().equals("past-start-time") ? flowReads : failedPasses;
        passes.put(c, pass);
        report.line(
            c.name(),
            c.condition()
                + "="
                + cond.getStatus()
                + " "
                + cond.getReason()
                + "; Platform writes "
                + writes
                + " ("
                + accepted
                + " accepted); passes in window "
                + pass
                + "; \""
                + cond.getMessage()
                + "\"");
      }
      report
          .line(
              "reconciles in window",
              String.format(
                  "%.0f in %s, %d resyncs of the Ready flow " + "(bound %d = %d flows x %d)",
                  total,
                  ScenarioReport.seconds(observed),
                  windowResyncs,
                  totalBound,
                  cases.size(),
                  perFlowBound))
          .line("Platform calls in window", inWindow.size())
          .publish();

      for (Case c : cases) {
        Condition cond = outcome.get(c);
        String sandbox = flows.get(c).getSpec().getPlatform().getSandbox();
        assertThat(cond).as(c.name() + ": condition").isNotNull();
        assertThat(cond.getReason()).as(c.name()).isEqualTo(c.reason());
        assertThat(cond.getStatus()).as(c.name()).isEqualTo(c.status());
        assertThat(cond.getMessage()).as(c.name()).contains(c.mentions());
        assertThat(
                count(
                    afterSetUp,
                    e -> sandbox.equals(e.sandbox()) && e.write() && e.status() / 100 == 2))
            .as(c.name() + ": accepted Platform writes")
            .isZero();
        // The one write a rejected Stripe key cannot avoid: the base connection create that
        // the connector's credential test refuses. It is not repeated.
        long allowedAttempts = c.name().equals("stripe-rejected") ? 1 : 0;
        assertThat(count(afterSetUp, e -> sandbox.equals(e.sandbox()) && e.write()))
            .as(c.name() + ": Platform write attempts")
            .isLessThanOrEqualTo(allowedAttempts);
        assertThat(passes.get(c))
            .as(c.name() + ": passes in the window")
            .isLessThanOrEqualTo(perFlowBound);
      }
      assertThat(total).as("reconciles in the window").isLessThanOrEqualTo(totalBound);
    }
  }

  private static double reconciles(Replica replica) {
    return replica.registry().find("operator.sdk.reconciliations.started").counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private static long count(List<RequestLog.Entry> log, Predicate<RequestLog.Entry> filter) {
    return log.stream().filter(filter).count();
  }
}
