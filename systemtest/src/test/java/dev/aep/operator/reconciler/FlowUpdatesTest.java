package dev.aep.operator.reconciler;

import static dev.aep.operator.testing.FlowAssertions.readyMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.FlowState;
import dev.aep.operator.api.v1alpha1.MappingSpec;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.testing.FlowAssertions;
import dev.aep.operator.testing.OperatorStackExtension;
import dev.aep.simulator.Kind;
import dev.aep.simulator.RequestLog;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A StripeIngestionFlow that changes after it became Ready, end to end (the real operator against
 * the Kubernetes mock server and the Platform simulator): spec edits patched with If-Match, a start
 * time that has passed, a rotated Stripe Secret and stale etags. One namespace (and sandbox) per
 * test.
 */
class FlowUpdatesTest {
  @RegisterExtension
  static final OperatorStackExtension stack = OperatorStackExtension.withOperator();

  // 3. Updates: a start time that has passed
  @Test
  void leavesAStartTimeThatHasPassedAloneAndSaysSo() {
    String ns = stack.isolatedNamespace("started");
    StripeIngestionFlow flow = stack.charges(ns, "charges");
    flow.getSpec().getSchedule().setStartTime("2025-01-01T00:00:00Z");
    StripeIngestionFlow ready = stack.createAndAwaitReady(flow);
    String flowId = ready.getStatus().getFlow().getId();

    stack.change(
        ns, "charges", f -> f.getSpec().getSchedule().setStartTime("2025-06-01T00:00:00Z"));
    StripeIngestionFlow after = stack.awaitReady(ns, "charges");
    Condition synced = FlowAssertions.condition(after, FlowConditions.SYNCED).orElseThrow();
    assertThat(synced.getMessage()).contains("schedule.startTime", "already started");
    assertThat(stack.remote(Kind.FLOW, flowId).path("scheduleParams").path("startTime").asLong())
        .isEqualTo(1735689600L);
    assertThat(stack.count(ns, "PATCH", ".*/flows/" + flowId + "/?")).isZero();
  }

  // 3. Updates
  @Test
  void patchesScheduleMappingDescriptionAndStateWithIfMatch() {
    String ns = stack.isolatedNamespace("updates");
    StripeIngestionFlow ready = stack.createAndAwaitReady(stack.charges(ns, "charges"));
    String flowId = ready.getStatus().getFlow().getId();
    String mappingId = ready.getStatus().getMappingSet().getId();

    StripeIngestionFlow edited =
        stack.change(ns, "charges", FlowUpdatesTest::halfHourlyWithCreated);
    StripeIngestionFlow updated = stack.awaitReady(ns, "charges");
    assertThat(updated.getMetadata().getGeneration())
        .isEqualTo(edited.getMetadata().getGeneration());
    ObjectNode flow = stack.remote(Kind.FLOW, flowId);
    assertThat(flow.path("scheduleParams").path("interval").asInt()).isEqualTo(30);
    assertThat(flow.path("description").asText()).startsWith("Charges, every half hour");
    assertThat(updated.getStatus().getMappingSet().getVersion()).isEqualTo(1L);
    assertThat(flow.path("transformations").get(0).path("params").path("mappingVersion").asInt())
        .isEqualTo(1);
    assertThat(updated.getStatus().getFlow().getId()).isEqualTo(flowId);
    assertThat(stack.count(ns, "PUT", ".*/mappingSets/" + mappingId)).isEqualTo(1);
    assertThat(stack.count(ns, "PATCH", ".*/flows/" + flowId + "/?")).isPositive();
    // The simulator answers a PATCH without If-Match with 400: every PATCH here carried it.
    assertThat(stack.requests(ns))
        .filteredOn(e -> e.method().equals("PATCH"))
        .allMatch(e -> e.status() == 200);

    stack.change(ns, "charges", f -> f.getSpec().setState(FlowState.DISABLED));
    StripeIngestionFlow disabled = stack.awaitReady(ns, "charges");
    assertThat(disabled.getStatus().getFlow().getState()).isEqualTo("disabled");
    assertThat(stack.remote(Kind.FLOW, flowId).path("state").asText()).isEqualTo("disabled");
    assertThat(stack.count(ns, "POST", ".*/flows/" + flowId + "/action")).isEqualTo(1);
  }

  // 4. Credentials
  @Test
  void pushesARotatedStripeSecretAndReadsSecretsOnlyFromTheFlowsNamespace() {
    String ns = stack.isolatedNamespace("creds");
    StripeIngestionFlow ready = stack.createAndAwaitReady(stack.charges(ns, "charges"));
    String baseId = ready.getStatus().getBaseConnection().getId();
    long explores = stack.count(ns, "GET", ".*/explore");

    Secret rotated = stack.stripeSecret(ns, "sk_test_rotated");
    StripeIngestionFlow pushed =
        stack.awaitReadyAnd(ns, "charges", FlowAssertions.usesSecret(rotated));
    assertThat(pushed.getStatus().getBaseConnection().getId()).isEqualTo(baseId);
    assertThat(pushed.getStatus().getBaseConnection().getEtag())
        .isNotEqualTo(ready.getStatus().getBaseConnection().getEtag());
    assertThat(stack.count(ns, "PATCH", ".*/connections/" + baseId + "/?")).isEqualTo(1);
    assertThat(stack.count(ns, "GET", ".*/explore")).isEqualTo(explores + 1);

    // Same Secret names exist in namespace "creds" only: a flow elsewhere must not use them.
    String other = "creds-other";
    stack.namespace(other);
    stack.platformSecret(other);
    StripeIngestionFlow elsewhere = stack.charges(other, "charges");
    stack.create(elsewhere);
    StripeIngestionFlow notFound =
        stack.awaitReason(
            other, "charges", FlowConditions.READY, FlowConditions.REASON_SECRET_NOT_FOUND);
    assertThat(readyMessage(notFound)).contains("stripe", other);
    assertThat(stack.platformWrites(other)).isZero();
  }

  // 5. Conflicts
  @Test
  void retriesAStaleEtagAndReportsRemoteConflictOnlyAfterBoundedTries() {
    String ns = stack.isolatedNamespace("conflicts");
    StripeIngestionFlow ready = stack.createAndAwaitReady(stack.charges(ns, "charges"));
    String flowId = ready.getStatus().getFlow().getId();

    // Someone else writes the flow between our read and our PATCH: the etag the operator holds
    // goes stale (bumped for real, so a retry that reused it would get 412 again) and the first
    // PATCH is refused whatever etag it carries.
    stack.simulator().faults().bumpEtag(Kind.FLOW, flowId);
    stack.simulator().faults().failNext(1, "PATCH", "/flows/" + flowId, 412);
    stack.change(ns, "charges", f -> f.getSpec().getSchedule().setInterval(20));
    stack.awaitReady(ns, "charges");
    List<RequestLog.Entry> patches =
        stack.requests(ns).stream()
            .filter(e -> e.method().equals("PATCH") && e.path().contains("/flows/" + flowId))
            .toList();
    assertThat(patches).extracting(RequestLog.Entry::status).containsExactly(412, 200);
    assertThat(stack.remote(Kind.FLOW, flowId).path("scheduleParams").path("interval").asInt())
        .isEqualTo(20);

    int tries = stack.settings().maxConflictRetries() + 1;
    stack.simulator().faults().failNext(tries, "PATCH", "/flows/" + flowId, 412);
    stack.change(ns, "charges", f -> f.getSpec().getSchedule().setInterval(25));
    StripeIngestionFlow conflict =
        stack.awaitReason(
            ns, "charges", FlowConditions.SYNCED, FlowConditions.REASON_REMOTE_CONFLICT);
    assertThat(FlowAssertions.condition(conflict, FlowConditions.SYNCED).get().getMessage())
        .contains("412");
    StripeIngestionFlow recovered = stack.awaitReady(ns, "charges");
    assertThat(stack.remote(Kind.FLOW, flowId).path("scheduleParams").path("interval").asInt())
        .isEqualTo(25);
    // Exactly the refused tries of one bounded pass plus the one that succeeded after a requeue.
    assertThat(
            stack.requests(ns).stream()
                .filter(e -> e.method().equals("PATCH") && e.path().contains("/flows/" + flowId))
                .count())
        .isEqualTo(2 + tries + 1);
    assertThat(stack.events(ns))
        .extracting(Event::getReason)
        .contains(FlowConditions.REASON_REMOTE_CONFLICT);
    assertThat(recovered.getStatus().getFlow().getId()).isEqualTo(flowId);
  }

  /** The edit of the update test: schedule, description and one more mapping at once. */
  private static void halfHourlyWithCreated(StripeIngestionFlow f) {
    f.getSpec().setDescription("Charges, every half hour");
    f.getSpec().getSchedule().setInterval(30);
    f.getSpec().getMapping().add(new MappingSpec("data.created", "_tenant.stripe.createdAt"));
  }
}
