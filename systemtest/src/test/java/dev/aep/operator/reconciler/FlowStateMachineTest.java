package dev.aep.operator.reconciler;

import static dev.aep.operator.testing.FlowAssertions.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.FlowState;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.testing.FlowAssertions;
import dev.aep.operator.testing.OperatorStackExtension;
import dev.aep.simulator.Kind;
import dev.aep.simulator.RequestLog;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Flow Service state machine (platform-api.md 16) seen from the operator: refusals of a busy
 * flow are retried until it settles (never InvalidSpec), an action waits for a patched flow to
 * leave updating, and every documented answer for a missing flow means missing.
 */
class FlowStateMachineTest {
  @RegisterExtension
  static final OperatorStackExtension stack = OperatorStackExtension.withOperator();

  private static StripeIngestionFlow ready(String ns) {
    stack.create(stack.charges(ns, "charges"));
    return stack.awaitReady(ns, "charges");
  }

  private static String flowState(String flowId) {
    return stack.remote(Kind.FLOW, flowId).path("state").asText();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1420-400", "1421-400", "1422-400", "1457-400"})
  void refusalOfABusyFlowIsRetriedUntilReadyWithoutASpecChange(String code) {
    String ns = stack.isolatedNamespace("busy-" + code.substring(0, 4));
    String flowId = ready(ns).getStatus().getFlow().getId();
    boolean action = code.equals("1421-400") || code.equals("1422-400");
    // Refused until the test lets the flow settle, so the busy conditions can be read at leisure.
    stack.simulator().faults().failNext(1000, action ? "POST" : "PATCH", "/flows/" + flowId, code);
    StripeIngestionFlow edited =
        stack.change(
            ns,
            "charges",
            f -> {
              if (action) {
                f.getSpec().setState(FlowState.DISABLED);
              } else {
                f.getSpec().getSchedule().setInterval(45);
              }
            });

    StripeIngestionFlow busy =
        stack.awaitReason(
            ns, "charges", FlowConditions.SYNCED, FlowConditions.REASON_PLATFORM_BUSY);
    assertThat(message(busy, FlowConditions.SYNCED))
        .contains("busy on the Platform")
        .contains("FLOW-" + code)
        .contains("Busy since");
    // The flow was not Ready for this generation, so Ready says the same.
    assertThat(
            FlowAssertions.hasReason(
                busy, FlowConditions.READY, FlowConditions.REASON_PLATFORM_BUSY))
        .isTrue();
    String since = message(busy, FlowConditions.SYNCED).replaceAll(".*Busy since ", "");
    StripeIngestionFlow later =
        stack.await(
            ns,
            "charges",
            f ->
                FlowAssertions.condition(f, FlowConditions.SYNCED)
                        .map(Condition::getLastTransitionTime)
                        .isPresent()
                    && stack.count(ns, action ? "POST" : "PATCH", ".*/flows/" + flowId + ".*")
                        >= 3);
    // The first refusal's time is kept across passes.
    assertThat(message(later, FlowConditions.SYNCED)).endsWith("Busy since " + since);

    stack.simulator().faults().clear();

    StripeIngestionFlow settled = stack.awaitReady(ns, "charges");
    assertThat(settled.getMetadata().getGeneration())
        .isEqualTo(edited.getMetadata().getGeneration());
    if (action) {
      assertThat(flowState(flowId)).isEqualTo("disabled");
    } else {
      assertThat(stack.remote(Kind.FLOW, flowId).at("/scheduleParams/interval").asInt())
          .isEqualTo(45);
    }
  }

  @Test
  void deleteRefusedWhileDeleteFinalizingIsRetriedUntilTheFlowIsGone() {
    String ns = stack.isolatedNamespace("busy-1458");
    String flowId = ready(ns).getStatus().getFlow().getId();
    stack.simulator().faults().failNext(1, "DELETE", "/flows/" + flowId, "1458-400");
    stack.client().resource(stack.flow(ns, "charges").orElseThrow()).delete();

    await().atMost(Duration.ofSeconds(60)).until(() -> stack.flow(ns, "charges").isEmpty());
    assertThat(stack.simulator().inventory().get(Kind.FLOW, flowId)).isEmpty();
    assertThat(stack.requests(ns))
        .filteredOn(e -> e.method().equals("DELETE") && e.path().endsWith("/flows/" + flowId))
        .extracting(RequestLog.Entry::status)
        .contains(400, 204);
    assertThat(stack.events(ns))
        .anyMatch(
            e ->
                FlowConditions.REASON_PLATFORM_BUSY.equals(e.getReason())
                    && e.getNote().contains("FLOW-1458-400"));
  }

  @Test
  void actionWaitsUntilThePatchedFlowHasLeftUpdating() {
    String ns = stack.isolatedNamespace("patch-then-act");
    String flowId = ready(ns).getStatus().getFlow().getId();
    stack.simulator().faults().flowTransition(Duration.ofMinutes(10));
    int mark = stack.requests(ns).size();
    StripeIngestionFlow edited =
        stack.change(
            ns,
            "charges",
            f -> {
              f.getSpec().getSchedule().setInterval(30);
              f.getSpec().setState(FlowState.DISABLED);
            });

    StripeIngestionFlow waiting =
        stack.await(
            ns, "charges", f -> message(f, FlowConditions.READY).contains("state updating"));
    assertThat(message(waiting, FlowConditions.READY))
        .contains("busy on the Platform")
        .contains(" since ");
    List<RequestLog.Entry> during = stack.requests(ns).subList(mark, stack.requests(ns).size());
    assertThat(during).filteredOn(e -> e.method().equals("PATCH")).hasSize(1);
    assertThat(during).noneMatch(e -> e.path().endsWith("/action"));
    assertThat(flowState(flowId)).isEqualTo("enabled");

    stack.simulator().clock().advance(Duration.ofMinutes(10));
    // Once the action is accepted the flow is disabling on its way to the wanted state: nothing is
    // left to change, so it is Ready (recorded as disabled) without waiting for the Platform.
    StripeIngestionFlow done = stack.awaitReady(ns, "charges");
    assertThat(done.getMetadata().getGeneration()).isEqualTo(edited.getMetadata().getGeneration());
    assertThat(done.getStatus().getFlow().getState()).isEqualTo("disabled");

    List<RequestLog.Entry> after = stack.requests(ns).subList(mark, stack.requests(ns).size());
    List<String> writes =
        after.stream()
            .filter(e -> e.path().contains("/flows/" + flowId))
            .filter(e -> !e.method().equals("GET"))
            .map(e -> e.method() + (e.path().endsWith("/action") ? " action" : ""))
            .toList();
    assertThat(writes).containsExactly("PATCH", "POST action");
    // Every call on the flow succeeded: nothing was sent blind into the updating window.
    assertThat(after)
        .filteredOn(e -> e.path().contains("/flows/" + flowId))
        .allMatch(e -> e.status() < 300);
    int patch = indexOf(after, "PATCH", flowId);
    int action = indexOf(after, "POST", flowId);
    assertThat(after.subList(patch, action)).anyMatch(e -> e.method().equals("GET"));
  }

  @Test
  void aPatchTheSpecAskedForKeepsTheFlowReadyWhileThePlatformFinishesIt() {
    String ns = stack.isolatedNamespace("patch-in-flight");
    String flowId = ready(ns).getStatus().getFlow().getId();
    stack.simulator().faults().flowTransition(Duration.ofMinutes(10));
    StripeIngestionFlow edited =
        stack.change(ns, "charges", f -> f.getSpec().getSchedule().setInterval(30));

    StripeIngestionFlow done = stack.awaitReady(ns, "charges");
    assertThat(done.getMetadata().getGeneration()).isEqualTo(edited.getMetadata().getGeneration());
    assertThat(done.getStatus().getFlow().getState()).isEqualTo("enabled");
    // The Platform still shows the flow updating: Ready means nothing is left to change, and the
    // flow runs.
    assertThat(stack.session(ns).flowService().flows().get(flowId).orElseThrow().state())
        .isEqualTo("updating");
    assertThat(stack.count(ns, "PATCH", ".*/flows/" + flowId)).isEqualTo(1);
  }

  private static int indexOf(List<RequestLog.Entry> entries, String method, String flowId) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).method().equals(method)
          && entries.get(i).path().contains("/flows/" + flowId)) {
        return i;
      }
    }
    return -1;
  }

  @ParameterizedTest
  @ValueSource(strings = {"1439-404", "1101-404", "1439-400"})
  void everyDocumentedAnswerForAMissingFlowMeansMissing(String code) {
    String ns = stack.isolatedNamespace("missing-" + code.replace("-", ""));
    stack.simulator().faults().missingFlowCode(code);
    PlatformSession session = stack.session(ns);
    String unknown = "3f1c0d1e-0000-4000-8000-000000000000";
    assertThat(session.flowService().flows().get(unknown)).isEmpty();
    assertThat(session.flowService().flows().delete(unknown)).isFalse();

    String flowId = ready(ns).getStatus().getFlow().getId();
    stack.simulator().faults().deleteBehindBack(Kind.FLOW, flowId);
    StripeIngestionFlow recreated =
        stack.awaitReadyAnd(ns, "charges", f -> !flowId.equals(f.getStatus().getFlow().getId()));
    assertThat(
            stack.simulator().inventory().get(Kind.FLOW, recreated.getStatus().getFlow().getId()))
        .isPresent();
  }

  @Test
  void backfillIsSentOnlyWhenTheSpecSetsIt() {
    String ns = stack.isolatedNamespace("backfill");
    StripeIngestionFlow unset = stack.charges(ns, "unset");
    unset.getSpec().getSchedule().setBackfill(null);
    stack.create(unset);
    StripeIngestionFlow chosen = stack.charges(ns, "chosen");
    chosen.getSpec().getSchedule().setBackfill(false);
    stack.create(chosen);
    String unsetId = stack.awaitReady(ns, "unset").getStatus().getFlow().getId();
    String chosenId = stack.awaitReady(ns, "chosen").getStatus().getFlow().getId();
    assertThat(stack.remote(Kind.FLOW, unsetId).path("scheduleParams").has("backfill")).isFalse();
    assertThat(stack.remote(Kind.FLOW, chosenId).at("/scheduleParams/backfill").asText())
        .isEqualTo("false");
  }
}
