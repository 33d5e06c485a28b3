package dev.aep.operator.reconciler;

import static dev.aep.operator.testing.FlowAssertions.readyMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.testing.FlowAssertions;
import dev.aep.operator.testing.OperatorStackExtension;
import dev.aep.simulator.Kind;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a StripeIngestionFlow reports when something fails, end to end (the real operator against
 * the Kubernetes mock server and the Platform simulator): every failure as an actionable condition
 * and Event, failed runs, and an unusable Stripe resource path. Each test uses its own namespace
 * and a sandbox of the same name.
 */
class FlowFailuresTest {
  @RegisterExtension
  static final OperatorStackExtension stack = OperatorStackExtension.withOperator();

  // 12. Explore
  @Test
  void exploresTheResourcePathAndStopsBeforeAnyFlowWhenItFails() {
    stack.simulator().faults().failNext(1, "GET", "/explore", 400);
    String ns = stack.isolatedNamespace("explore");
    StripeIngestionFlow flow = stack.create(stack.charges(ns, "charges"));
    StripeIngestionFlow unusable =
        stack.await(ns, "charges", f -> readyMessage(f).contains("unusable"));
    assertThat(readyMessage(unusable)).contains("charges", "Stripe");
    assertThat(stack.count(ns, "POST", ".*/sourceConnections")).isZero();
    assertThat(stack.count(ns, "POST", ".*/flows")).isZero();

    StripeIngestionFlow ready = stack.awaitReady(ns, "charges");
    assertThat(ready.getStatus().getSource().getFields())
        .isNotEmpty()
        .hasSizeLessThanOrEqualTo(50)
        .contains("id", "amount");
    assertThat(stack.requests(ns))
        .filteredOn(e -> e.path().endsWith("/explore"))
        .allSatisfy(
            e ->
                assertThat(e.query())
                    .contains("objectType=rest", "object=json", "fileType=json", "sourceParams="));
    assertThat(stack.objects(Kind.FLOW, flow.getMetadata().getUid())).hasSize(1);
  }

  // 9. Errors
  @Test
  void turnsEachFailureIntoAnActionableConditionAndEvent() {
    String ns = stack.isolatedNamespace("errors");
    StripeIngestionFlow noSecretFlow = stack.charges(ns, "no-secret");
    noSecretFlow.getSpec().getStripe().getAccessTokenSecretRef().setName("missing");
    stack.create(noSecretFlow);
    StripeIngestionFlow noSecret =
        stack.await(
            ns,
            "no-secret",
            f ->
                FlowAssertions.hasReason(
                        f, FlowConditions.READY, FlowConditions.REASON_SECRET_NOT_FOUND)
                    && FlowAssertions.condition(f, FlowConditions.READY)
                        .get()
                        .getMessage()
                        .contains("missing"));
    assertThat(
            FlowAssertions.condition(noSecret, FlowConditions.READY).get().getObservedGeneration())
        .isEqualTo(noSecret.getMetadata().getGeneration());

    stack.secret(ns, "no-key", Map.of("other", "x"));
    StripeIngestionFlow noKeyFlow = stack.charges(ns, "no-key");
    noKeyFlow.getSpec().getStripe().getAccessTokenSecretRef().setName("no-key");
    stack.create(noKeyFlow);
    StripeIngestionFlow noKey =
        stack.awaitReason(
            ns, "no-key", FlowConditions.READY, FlowConditions.REASON_SECRET_NOT_FOUND);
    assertThat(readyMessage(noKey)).contains("no-key", "accessToken");
    // Neither flow called the Platform.
    assertThat(stack.platformWrites(ns)).isZero();

    stack.secret(
        ns,
        "bad-credentials",
        Map.of("clientId", "sim-client", "clientSecret", "wrong", "orgId", "SIMORG@AdobeOrg"));
    StripeIngestionFlow badAuth = stack.charges(ns, "bad-auth");
    badAuth.getSpec().getPlatform().getCredentialsSecretRef().setName("bad-credentials");
    stack.create(badAuth);
    StripeIngestionFlow authFailed =
        stack.awaitReason(ns, "bad-auth", FlowConditions.READY, FlowConditions.REASON_AUTH_FAILED);
    assertThat(readyMessage(authFailed))
        .contains("bad-credentials", "clientSecret")
        .doesNotContain("wrong");

    stack.simulator().faults().failNext(1, "POST", "/flows$", 400);
    stack.create(stack.charges(ns, "rejected"));
    StripeIngestionFlow rejected =
        stack.awaitReason(ns, "rejected", FlowConditions.READY, FlowConditions.REASON_INVALID_SPEC);
    assertThat(readyMessage(rejected)).contains("400", "Fix the spec");
    long posts = stack.count(ns, "POST", ".*/flows");
    // Several resync periods pass: the flow does not try the refused POST again on its own.
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> stack.count(ns, "POST", ".*/flows") == posts);
    stack.change(ns, "rejected", f -> f.getSpec().setDescription("fixed"));
    stack.awaitReady(ns, "rejected");

    stack.simulator().faults().serverErrors(1.0);
    StripeIngestionFlow unavailable =
        stack.awaitReason(
            ns, "rejected", FlowConditions.SYNCED, FlowConditions.REASON_PLATFORM_UNAVAILABLE);
    assertThat(FlowAssertions.condition(unavailable, FlowConditions.SYNCED).get().getMessage())
        .contains("retrying");
    // A transient failure of a working flow does not make it unready.
    assertThat(FlowAssertions.condition(unavailable, FlowConditions.READY).get().getStatus())
        .isEqualTo(FlowConditions.STATUS_TRUE);
    stack.simulator().faults().clear();
    stack.simulator().faults().rateLimit(1.0, 1);
    stack.awaitReason(ns, "rejected", FlowConditions.SYNCED, FlowConditions.REASON_RATE_LIMITED);
    stack.simulator().faults().clear();
    stack.awaitReason(
        ns, "rejected", FlowConditions.SYNCED, FlowConditions.REASON_RECONCILE_SUCCESS);

    List<Event> events = stack.events(ns);
    assertThat(events)
        .filteredOn(e -> "Warning".equals(e.getType()))
        .extracting(Event::getReason)
        .contains(
            FlowConditions.REASON_SECRET_NOT_FOUND,
            FlowConditions.REASON_AUTH_FAILED,
            FlowConditions.REASON_INVALID_SPEC,
            FlowConditions.REASON_PLATFORM_UNAVAILABLE,
            FlowConditions.REASON_RATE_LIMITED);
    assertThat(events)
        .extracting(Event::getNote)
        .noneMatch(n -> n.contains("sim-secret") || n.contains("sk_test_errors"));
  }

  // 10. Run monitoring
  @Test
  void reportsTheNewestRunAndSaysWhenItFailed() {
    String ns = stack.isolatedNamespace("runs");
    StripeIngestionFlow ready = stack.createAndAwaitReady(stack.charges(ns, "charges"));
    assertThat(ready.getStatus().getLastRun()).isNull();

    stack.simulator().faults().failRuns(true);
    stack.simulator().clock().advance(Duration.ofDays(10));
    StripeIngestionFlow failed = awaitLastRun(ns, "failed");
    assertThat(failed.getStatus().getLastRun().getId()).isNotBlank();
    assertThat(failed.getStatus().getLastRun().getStartedAt()).isNotBlank();
    assertThat(failed.getStatus().getLastRun().getErrors()).isNotEmpty();
    StripeIngestionFlow said = stack.await(ns, "charges", f -> readyMessage(f).contains("failed"));
    assertThat(readyMessage(said)).contains(said.getStatus().getLastRun().getId());

    // The next run succeeds: status follows the newest run, not the failed one before it.
    String failedRun = failed.getStatus().getLastRun().getId();
    stack.simulator().faults().failRuns(false);
    stack.simulator().clock().advance(Duration.ofMinutes(30));
    StripeIngestionFlow succeeded;
    try {
      // Sped up so the newest run, possibly just started, finishes within the wait.
      stack.simulator().clock().speed(60);
      succeeded = awaitLastRun(ns, "success");
    } finally {
      stack.simulator().clock().speed(1);
    }
    assertThat(succeeded.getStatus().getLastRun().getId()).isNotEqualTo(failedRun);
    assertThat(succeeded.getStatus().getLastRun().getCompletedAt()).isNotBlank();
    assertThat(succeeded.getStatus().getLastRun().getRecordsWritten()).isPositive();
    // A successful run may still report records that failed mapping, never the failed run's error.
    assertThat(succeeded.getStatus().getLastRun().getErrors())
        .noneMatch(e -> e.startsWith("CONNECTOR-1001-500"));
  }

  /** Waits until the flow's newest run, as status reports it, has {@code status}. */
  private static StripeIngestionFlow awaitLastRun(String ns, String status) {
    return stack.await(
        ns,
        "charges",
        f ->
            f.getStatus().getLastRun() != null
                && status.equalsIgnoreCase(f.getStatus().getLastRun().getStatus()));
  }
}
