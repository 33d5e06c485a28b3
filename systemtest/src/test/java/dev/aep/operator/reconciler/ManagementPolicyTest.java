package dev.aep.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.ManagementPolicy;
import dev.aep.operator.api.v1alpha1.PlannedChange;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.MappingSetRequest;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.testing.FlowAssertions;
import dev.aep.operator.testing.OperatorStackExtension;
import dev.aep.simulator.Kind;
import dev.aep.simulator.RequestLog;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Looking before the operator writes: managementPolicy ObserveOnly reports every difference in
 * status.plan and never writes; switching to Full applies exactly that plan; the pause annotation
 * stops every write, and deletion, until it goes.
 */
class ManagementPolicyTest {
  @RegisterExtension
  static final OperatorStackExtension stack = OperatorStackExtension.withOperator();

  private static StripeIngestionFlow readyFlow(String ns) {
    stack.isolatedNamespace(ns);
    stack.create(stack.charges(ns, "charges"));
    return stack.awaitReady(ns, "charges");
  }

  /** A Ready flow, then paused; returns the id of its dataflow. */
  private static String pausedReadyFlow(String ns) {
    String flowId = readyFlow(ns).getStatus().getFlow().getId();
    pause(ns);
    return flowId;
  }

  private static StripeIngestionFlow awaitSynced(String ns, String reason, int pending) {
    return stack.await(
        ns,
        "charges",
        f ->
            FlowAssertions.hasReason(f, FlowConditions.SYNCED, reason)
                && f.getStatus().getObservedGeneration().equals(f.getMetadata().getGeneration())
                && Integer.valueOf(pending).equals(f.getStatus().getPendingChanges()));
  }

  private static void pause(String ns) {
    stack.change(
        ns,
        "charges",
        f ->
            f.getMetadata()
                .setAnnotations(new HashMap<>(Map.of(FlowConditions.PAUSED_ANNOTATION, "true"))));
    awaitSynced(ns, FlowConditions.REASON_PAUSED, 0);
  }

  private static void unpause(String ns) {
    stack.change(
        ns,
        "charges",
        f -> f.getMetadata().getAnnotations().remove(FlowConditions.PAUSED_ANNOTATION));
  }

  private static List<RequestLog.Entry> writes(String ns) {
    return stack.requests(ns).stream().filter(RequestLog.Entry::write).toList();
  }

  private static Map<Kind, Long> writesByKind(List<RequestLog.Entry> writes) {
    return writes.stream()
        .collect(Collectors.groupingBy(RequestLog.Entry::kind, Collectors.counting()));
  }

  private static String message(StripeIngestionFlow flow, String type) {
    return FlowAssertions.condition(flow, type).map(Condition::getMessage).orElse("");
  }

  @Test
  void observeOnlyReportsDriftInEveryPatchableKindWithoutWritingAndFullThenAppliesExactlyThePlan() {
    String ns = "observe-only";
    StripeIngestionFlow ready = readyFlow(ns);
    var status = ready.getStatus();
    stack.change(
        ns, "charges", f -> f.getSpec().setManagementPolicy(ManagementPolicy.OBSERVE_ONLY));
    awaitSynced(ns, FlowConditions.REASON_OBSERVED, 0);

    // Drift made by hand in every kind whose fields the operator owns after creation. Schemas and
    // datasets have none: the schema is immutable for the flow and a dataset's schema cannot
    // change.
    PlatformSession session = stack.session(ns);
    var fs = session.flowService();
    var base = fs.baseConnections().get(status.getBaseConnection().getId()).orElseThrow();
    fs.baseConnections()
        .patch(base.id(), base.etag(), List.of(JsonPatchOp.replace("/name", "renamed by hand")));
    var source = fs.sourceConnections().get(status.getSourceConnection().getId()).orElseThrow();
    fs.sourceConnections()
        .patch(
            source.id(),
            source.etag(),
            List.of(JsonPatchOp.replace("/description", "edited in the UI")));
    var target = fs.targetConnections().get(status.getTargetConnection().getId()).orElseThrow();
    fs.targetConnections()
        .patch(target.id(), target.etag(), List.of(JsonPatchOp.replace("/name", "target by hand")));
    MappingSet mapping =
        session
            .dataPrep()
            .getMappingSet(
                status.getMappingSet().getId(), status.getMappingSet().getVersion().intValue())
            .orElseThrow();
    // A mapping edited by hand is a new version of the mapping set that the dataflow is moved to.
    MappingSet edited =
        session
            .dataPrep()
            .updateMappingSet(
                mapping.id(),
                new MappingSetRequest(
                    mapping.name(),
                    mapping.outputSchema(),
                    mapping.mappings().subList(0, mapping.mappings().size() - 1)));
    var flow = fs.flows().get(status.getFlow().getId()).orElseThrow();
    fs.flows()
        .patch(
            flow.id(),
            flow.etag(),
            List.of(
                JsonPatchOp.replace("/scheduleParams/interval", 60),
                JsonPatchOp.replace(
                    "/transformations/" + flow.mappingIndex(),
                    Map.of(
                        "name",
                        "Mapping",
                        "params",
                        Map.of("mappingId", edited.id(), "mappingVersion", edited.version())))));
    int writesBefore = writes(ns).size();

    StripeIngestionFlow observed = awaitSynced(ns, FlowConditions.REASON_DRIFT_OBSERVED, 4);
    Map<String, PlannedChange> plan =
        observed.getStatus().getPlan().stream()
            .collect(Collectors.toMap(PlannedChange::getObject, c -> c));
    assertThat(plan)
        .containsOnlyKeys("base connection", "source connection", "target connection", "flow");
    assertThat(plan.values()).allSatisfy(c -> assertThat(c.getOperation()).isEqualTo("update"));
    assertThat(plan.get("base connection").getPaths()).containsExactly("replace /name");
    assertThat(plan.get("source connection").getPaths()).containsExactly("replace /description");
    assertThat(plan.get("target connection").getPaths()).containsExactly("replace /name");
    // The mapping set's versions never change; the flow's move to the hand-made one is the
    // difference.
    assertThat(plan.get("flow").getPaths())
        .containsExactlyInAnyOrder(
            "replace /scheduleParams/interval", "replace /transformations/" + flow.mappingIndex());
    assertThat(observed.getStatus().getPlan()).allSatisfy(c -> assertThat(c.getId()).isNotBlank());
    assertThat(message(observed, FlowConditions.SYNCED))
        .contains("ObserveOnly", "4 change(s) pending");
    assertThat(FlowAssertions.condition(observed, FlowConditions.READY).map(Condition::getStatus))
        .contains("True");
    // Several more observing passes (each resync lists the sandbox's flows once): still nothing
    // written.
    long lists = stack.count(ns, "GET", ".*/flowservice/flows");
    stack.await(ns, "charges", f -> stack.count(ns, "GET", ".*/flowservice/flows") >= lists + 2);
    assertThat(writes(ns)).hasSize(writesBefore);

    StripeIngestionFlow full =
        stack.change(ns, "charges", f -> f.getSpec().setManagementPolicy(ManagementPolicy.FULL));
    StripeIngestionFlow applied =
        stack.awaitReadyAnd(
            ns,
            "charges",
            f -> f.getMetadata().getGeneration().equals(full.getMetadata().getGeneration()));
    List<RequestLog.Entry> made = writes(ns).subList(writesBefore, writes(ns).size());
    assertThat(writesByKind(made))
        .isEqualTo(
            Map.of(
                Kind.CONNECTION,
                1L,
                Kind.SOURCE_CONNECTION,
                1L,
                Kind.TARGET_CONNECTION,
                1L,
                Kind.FLOW,
                1L));
    assertThat(made).extracting(RequestLog.Entry::method).containsOnly("PATCH");
    assertThat(applied.getStatus().getPlan()).isEmpty();
    assertThat(applied.getStatus().getPendingChanges()).isZero();
    assertThat(
            stack
                .remote(Kind.FLOW, flow.id())
                .at("/transformations/0/params/mappingVersion")
                .asLong())
        .isEqualTo(status.getMappingSet().getVersion());
  }

  @Test
  void aNewFlowUnderObserveOnlyPlansEveryCreateAndWritesNothingUntilFull() {
    String ns = "observe-new";
    stack.isolatedNamespace(ns);
    StripeIngestionFlow flow = stack.charges(ns, "charges");
    flow.getSpec().setManagementPolicy(ManagementPolicy.OBSERVE_ONLY);
    stack.create(flow);

    StripeIngestionFlow observed =
        stack.await(
            ns,
            "charges",
            f ->
                f.getStatus() != null
                    && f.getStatus().getPendingChanges() != null
                    && f.getStatus().getPendingChanges() > 0);
    assertThat(observed.getStatus().getPlan())
        .extracting(PlannedChange::getObject)
        .containsExactlyElementsOf(FlowAssertions.OBJECT_NAMES);
    assertThat(observed.getStatus().getPlan())
        .allSatisfy(c -> assertThat(c.getOperation()).isEqualTo("create"));
    assertThat(FlowAssertions.condition(observed, FlowConditions.READY).map(Condition::getStatus))
        .contains("False");
    assertThat(writes(ns)).isEmpty();

    stack.change(ns, "charges", f -> f.getSpec().setManagementPolicy(ManagementPolicy.FULL));
    StripeIngestionFlow ready = stack.awaitReady(ns, "charges");
    assertThat(ready.getStatus().getPendingChanges()).isZero();
    assertThat(writes(ns)).filteredOn(e -> e.method().equals("POST")).hasSize(8);
  }

  @Test
  void aPausedFlowWritesNothingDuringASpecChangeAndAppliesItOnceTheAnnotationGoes() {
    String ns = "paused";
    String flowId = pausedReadyFlow(ns);
    int writesBefore = writes(ns).size();

    stack.change(ns, "charges", f -> f.getSpec().getSchedule().setInterval(30));
    StripeIngestionFlow paused = awaitSynced(ns, FlowConditions.REASON_PAUSED, 1);
    assertThat(paused.getStatus().getPlan())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getObject()).isEqualTo("flow");
              assertThat(c.getId()).isEqualTo(flowId);
              assertThat(c.getPaths()).containsExactly("replace /scheduleParams/interval");
            });
    assertThat(message(paused, FlowConditions.SYNCED))
        .contains("Paused by annotation flows.aep.dev/paused", "Remove the annotation");
    assertThat(writes(ns)).hasSize(writesBefore);
    assertThat(stack.remote(Kind.FLOW, flowId).at("/scheduleParams/interval").asInt())
        .isEqualTo(15);

    unpause(ns);
    StripeIngestionFlow resumed =
        stack.awaitReadyAnd(
            ns,
            "charges",
            FlowAssertions.withReason(
                FlowConditions.SYNCED, FlowConditions.REASON_RECONCILE_SUCCESS));
    assertThat(writes(ns).subList(writesBefore, writes(ns).size()))
        .extracting(RequestLog.Entry::method, RequestLog.Entry::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("PATCH", Kind.FLOW));
    assertThat(stack.remote(Kind.FLOW, flowId).at("/scheduleParams/interval").asInt())
        .isEqualTo(30);
    assertThat(resumed.getStatus().getPendingChanges()).isZero();
  }

  @Test
  void aPausedFlowBeingDeletedKeepsItsFinalizerAndItsPlatformObjectsUntilUnpaused() {
    String ns = "paused-delete";
    String flowId = pausedReadyFlow(ns);

    stack.client().resource(stack.flow(ns, "charges").orElseThrow()).delete();
    StripeIngestionFlow waiting =
        stack.await(
            ns,
            "charges",
            f ->
                message(f, FlowConditions.SYNCED).startsWith("Deletion waits: the flow is paused"));
    assertThat(waiting.getMetadata().getDeletionTimestamp()).isNotNull();
    assertThat(waiting.getMetadata().getFinalizers()).isNotEmpty();
    assertThat(stack.simulator().inventory().get(Kind.FLOW, flowId)).isPresent();
    assertThat(stack.count(ns, "DELETE", ".*")).isZero();

    unpause(ns);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(() -> stack.flow(ns, "charges").isEmpty());
    assertThat(stack.simulator().inventory().get(Kind.FLOW, flowId)).isEmpty();
  }
}
