package dev.aep.operator.reconciler;

import static dev.aep.operator.testing.FlowAssertions.readyMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.operator.api.v1alpha1.DeletionPolicy;
import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.platform.BaseConnectionRequest;
import dev.aep.operator.platform.DatasetRequest;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SchemaRef;
import dev.aep.operator.testing.FlowAssertions;
import dev.aep.operator.testing.Flows;
import dev.aep.operator.testing.OperatorStackExtension;
import dev.aep.simulator.Kind;
import dev.aep.simulator.RequestLog;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lifecycle of a StripeIngestionFlow, end to end: the real operator against the Kubernetes mock
 * server (CRUD) and the Platform simulator over HTTP. Creation (with the id variants), drift,
 * deletion and the Events of each pass; spec changes are in {@link FlowUpdatesTest}, failures in
 * {@link FlowFailuresTest} (separate classes, so that their stacks run in parallel test JVMs). Each
 * test uses its own namespace and a sandbox of the same name, so its Platform traffic can be told
 * apart.
 */
class StripeIngestionFlowLifecycleTest {
  private static final List<Kind> CHAIN =
      List.of(
          Kind.CONNECTION,
          Kind.SOURCE_CONNECTION,
          Kind.TARGET_CONNECTION,
          Kind.FLOW,
          Kind.SCHEMA,
          Kind.DATASET,
          Kind.MAPPING_SET);

  @RegisterExtension
  static final OperatorStackExtension stack = OperatorStackExtension.withOperator();

  // 1. Create
  @Test
  void createsEveryRemoteObjectOnceAndReportsReady() {
    String ns = stack.isolatedNamespace("create");
    StripeIngestionFlow created = stack.create(stack.charges(ns, "charges"));
    String uid = created.getMetadata().getUid();

    StripeIngestionFlow ready = stack.awaitReady(ns, "charges");

    StripeIngestionFlowStatus status = ready.getStatus();
    assertThat(status.getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
    // Every object's id (the field group's too), the etags of the Flow Service objects, and which
    // objects the flow made (and so manages).
    assertThat(FlowAssertions.createdIds(status)).allSatisfy(id -> assertThat(id).isNotBlank());
    assertThat(
            Arrays.asList(
                status.getBaseConnection().getEtag(),
                status.getSourceConnection().getEtag(),
                status.getTargetConnection().getEtag(),
                status.getFlow().getEtag(),
                status.getBaseConnection().getCredentialsVersion()))
        .allSatisfy(value -> assertThat(value).isNotBlank());
    assertThat(
            Arrays.asList(
                status.getBaseConnection().getManaged(),
                status.getSchema().getManaged(),
                status.getDataset().getManaged()))
        .containsOnly(true);
    assertThat(status.getSource().getFields()).contains("id", "amount", "currency");
    assertThat(status.getMappingSet().getVersion()).isZero();
    assertThat(status.getFlow().getState()).isEqualTo("enabled");
    assertThat(FlowAssertions.condition(ready, FlowConditions.SYNCED).get().getObservedGeneration())
        .isEqualTo(ready.getMetadata().getGeneration());

    for (Kind kind : CHAIN) {
      assertThat(stack.objects(kind, uid)).as(kind.value()).hasSize(1);
    }
    ObjectNode flow = stack.remote(Kind.FLOW, status.getFlow().getId());
    assertThat(flow.path("sourceConnectionIds").get(0).asText())
        .isEqualTo(status.getSourceConnection().getId());
    assertThat(flow.path("targetConnectionIds").get(0).asText())
        .isEqualTo(status.getTargetConnection().getId());
    assertThat(readyMessage(ready)).contains(status.getFlow().getId());
  }

  // 1. Create, with the id variants that name nothing
  @Test
  void namesAMissingSchemaIdOrBaseConnectionIdAndCreatesNothing() {
    String ns = stack.isolatedNamespace("missing-ids");
    StripeIngestionFlow noSchema = stack.charges(ns, "no-schema");
    noSchema.getSpec().getTarget().getSchema().setCreate(null);
    noSchema
        .getSpec()
        .getTarget()
        .getSchema()
        .setId("https://ns.adobe.com/simtenant/schemas/0000000000000000000000000000dead");
    StripeIngestionFlow noAccount = stack.charges(ns, "no-account");
    noAccount.getSpec().getStripe().setAccessTokenSecretRef(null);
    noAccount.getSpec().getStripe().setBaseConnectionId("00000000-0000-0000-0000-00000000dead");
    stack.create(noSchema);
    stack.create(noAccount);

    StripeIngestionFlow schemaMissing =
        stack.awaitReason(
            ns, "no-schema", FlowConditions.READY, FlowConditions.REASON_INVALID_SPEC);
    StripeIngestionFlow accountMissing =
        stack.awaitReason(
            ns, "no-account", FlowConditions.READY, FlowConditions.REASON_INVALID_SPEC);

    assertThat(readyMessage(schemaMissing))
        .contains("spec.target.schema.id", "does not exist", "0000000000000000000000000000dead");
    assertThat(readyMessage(accountMissing))
        .contains(
            "spec.stripe.baseConnectionId",
            "does not exist",
            "00000000-0000-0000-0000-00000000dead");
    assertThat(stack.platformWrites(ns)).isZero();
  }

  // 1. Create, with the id variants
  @Test
  void usesExistingSchemaDatasetAndBaseConnectionWithoutTouchingThem() {
    String ns = stack.isolatedNamespace("existing");
    PlatformSession session = stack.session(ns);
    Schema schema = Flows.existingChargesSchema(session, "Existing charges");
    String datasetId =
        session
            .catalog()
            .createDataset(
                new DatasetRequest(
                    "Existing dataset",
                    "made by hand",
                    SchemaRef.forDataset(schema.id()),
                    Map.of()));
    String baseId =
        session
            .flowService()
            .baseConnections()
            .create(
                BaseConnectionRequest.stripe("hand-made account", "made by hand", "sk_test_hand"))
            .id();
    String baseEtag = session.flowService().baseConnections().get(baseId).orElseThrow().etag();

    StripeIngestionFlow flow = stack.sampleFlow("existing-schema-and-dataset.yaml", ns);
    flow.getSpec().getTarget().getSchema().setId(schema.id());
    flow.getSpec().getTarget().getDataset().setId("65e622315f78042c9e8166e8");
    flow.getSpec().getStripe().setAccessTokenSecretRef(null);
    flow.getSpec().getStripe().setBaseConnectionId(baseId);
    String name = flow.getMetadata().getName();
    stack.create(flow);

    StripeIngestionFlow missing =
        stack.awaitReason(ns, name, FlowConditions.READY, FlowConditions.REASON_INVALID_SPEC);
    assertThat(readyMessage(missing)).contains("65e622315f78042c9e8166e8", "does not exist");

    stack.change(ns, name, f -> f.getSpec().getTarget().getDataset().setId(datasetId));
    StripeIngestionFlow ready = stack.awaitReady(ns, name);
    assertThat(ready.getStatus().getSchema().getId()).isEqualTo(schema.id());
    assertThat(ready.getStatus().getSchema().getManaged()).isFalse();
    assertThat(ready.getStatus().getDataset().getId()).isEqualTo(datasetId);
    assertThat(ready.getStatus().getDataset().getManaged()).isFalse();
    assertThat(ready.getStatus().getBaseConnection().getId()).isEqualTo(baseId);
    assertThat(ready.getStatus().getBaseConnection().getManaged()).isFalse();
    assertThat(stack.simulator().inventory().count(Kind.SCHEMA)).isPositive();

    stack.client().resource(ready).delete();
    await().atMost(Duration.ofSeconds(30)).until(() -> stack.flow(ns, name).isEmpty());
    assertThat(stack.count(ns, "PATCH", ".*/connections/" + baseId + "/?")).isZero();
    assertThat(stack.count(ns, "DELETE", ".*/connections/" + baseId + "/?")).isZero();
    assertThat(session.flowService().baseConnections().get(baseId).orElseThrow().etag())
        .isEqualTo(baseEtag);
    assertThat(session.catalog().getDataset(datasetId)).isPresent();
    assertThat(session.schemaRegistry().getSchema(schema.id())).isPresent();
  }

  // 6. Drift
  @Test
  void recreatesObjectsDeletedOutOfBandAndPatchesBackEdits() {
    String ns = stack.isolatedNamespace("drift");
    StripeIngestionFlow ready = stack.createAndAwaitReady(stack.charges(ns, "charges"));
    String uid = ready.getMetadata().getUid();
    String flowId = ready.getStatus().getFlow().getId();
    String sourceId = ready.getStatus().getSourceConnection().getId();

    PlatformSession session = stack.session(ns);
    String etag = session.flowService().flows().get(flowId).orElseThrow().etag();
    session
        .flowService()
        .flows()
        .patch(flowId, etag, List.of(JsonPatchOp.replace("/name", "hacked")));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !stack.remote(Kind.FLOW, flowId).path("name").asText().equals("hacked"));
    // Patched back in place (same id, its deterministic name), not replaced.
    assertThat(stack.remote(Kind.FLOW, flowId).path("name").asText())
        .isEqualTo("sif-drift-charges-flow");
    assertThat(stack.requests(ns))
        .filteredOn(
            e ->
                e.method().equals("PATCH")
                    && e.path().endsWith("/flows/" + flowId)
                    && e.status() == 200)
        .hasSize(2);

    stack.simulator().faults().deleteBehindBack(Kind.SOURCE_CONNECTION, sourceId);
    StripeIngestionFlow relinked =
        stack.awaitReadyAnd(
            ns, "charges", f -> !sourceId.equals(f.getStatus().getSourceConnection().getId()));
    String newSource = relinked.getStatus().getSourceConnection().getId();
    String newFlow = relinked.getStatus().getFlow().getId();
    assertThat(newFlow).isNotEqualTo(flowId);
    assertThat(stack.remote(Kind.FLOW, newFlow).path("sourceConnectionIds").get(0).asText())
        .isEqualTo(newSource);

    stack.simulator().faults().deleteBehindBack(Kind.FLOW, newFlow);
    StripeIngestionFlow recreated =
        stack.awaitReadyAnd(ns, "charges", f -> !newFlow.equals(f.getStatus().getFlow().getId()));
    for (Kind kind : CHAIN) {
      assertThat(stack.objects(kind, uid)).as(kind.value()).hasSize(1);
    }
    // The summary follows the pass's status write.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(stack.events(ns))
                    .extracting(Event::getNote)
                    .anyMatch(
                        n ->
                            n.contains("Created flow")
                                && n.contains(recreated.getStatus().getFlow().getId())));
  }

  // 8. Deletion
  @Test
  void deletesFlowThenConnectionsThenBaseConnectionAndKeepsDataUnlessAsked() {
    String ns = stack.isolatedNamespace("deletion");
    StripeIngestionFlow keep = stack.createAndAwaitReady(stack.charges(ns, "keep"));
    StripeIngestionFlow orphan = stack.charges(ns, "orphan");
    orphan.getSpec().setDeletionPolicy(DeletionPolicy.ORPHAN);
    // Orphan keeps every Platform object, even when the spec also asks to delete managed data.
    orphan.getSpec().getTarget().setDeleteManagedOnDelete(true);
    orphan = stack.createAndAwaitReady(orphan);
    StripeIngestionFlow purge = stack.charges(ns, "purge");
    purge.getSpec().getTarget().setDeleteManagedOnDelete(true);
    purge = stack.createAndAwaitReady(purge);
    StripeIngestionFlow gone = stack.createAndAwaitReady(stack.charges(ns, "gone"));

    int mark = stack.requests(ns).size();
    // Already deleted on the Platform: the 404 of its DELETE counts as done.
    stack.simulator().faults().deleteBehindBack(Kind.FLOW, gone.getStatus().getFlow().getId());
    for (StripeIngestionFlow flow : List.of(gone, keep, orphan, purge)) {
      stack.client().resource(flow).delete();
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                stack.flow(ns, "keep").isEmpty()
                    && stack.flow(ns, "orphan").isEmpty()
                    && stack.flow(ns, "purge").isEmpty()
                    && stack.flow(ns, "gone").isEmpty());
    for (Kind kind :
        List.of(Kind.CONNECTION, Kind.SOURCE_CONNECTION, Kind.TARGET_CONNECTION, Kind.FLOW)) {
      assertThat(stack.objects(kind, gone.getMetadata().getUid())).as(kind.value()).isEmpty();
    }

    String keepUid = keep.getMetadata().getUid();
    for (Kind kind :
        List.of(Kind.CONNECTION, Kind.SOURCE_CONNECTION, Kind.TARGET_CONNECTION, Kind.FLOW)) {
      assertThat(stack.objects(kind, keepUid)).as(kind.value()).isEmpty();
    }
    assertThat(stack.objects(Kind.SCHEMA, keepUid)).hasSize(1);
    assertThat(stack.objects(Kind.DATASET, keepUid)).hasSize(1);
    for (Kind kind : CHAIN) {
      assertThat(stack.objects(kind, orphan.getMetadata().getUid())).as(kind.value()).hasSize(1);
    }
    assertThat(stack.objects(Kind.SCHEMA, purge.getMetadata().getUid())).isEmpty();
    assertThat(stack.objects(Kind.DATASET, purge.getMetadata().getUid())).isEmpty();

    List<String> keepDeletes = new ArrayList<>();
    for (RequestLog.Entry e : stack.requests(ns).subList(mark, stack.requests(ns).size())) {
      if (e.method().equals("DELETE")
          && (e.path().contains(keep.getStatus().getFlow().getId())
              || e.path().contains(keep.getStatus().getSourceConnection().getId())
              || e.path().contains(keep.getStatus().getTargetConnection().getId())
              || e.path().contains(keep.getStatus().getBaseConnection().getId()))) {
        keepDeletes.add(e.kind().value());
      }
    }
    assertThat(keepDeletes)
        .containsExactly("flow", "targetConnection", "sourceConnection", "connection");
  }

  // 11. Events
  @Test
  void recordsOneEventPerPassNamingEveryObjectItCreatedUpdatedOrDeleted() {
    String ns = stack.isolatedNamespace("events");
    StripeIngestionFlow ready = stack.createAndAwaitReady(stack.charges(ns, "charges"));
    StripeIngestionFlowStatus s = ready.getStatus();
    // The creating pass records one summary, recorded right after its status write.
    List<String> created =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    stack.events(ns).stream()
                        .filter(e -> "Created".equals(e.getReason()))
                        .map(Event::getNote)
                        .toList(),
                notes -> !notes.isEmpty());
    assertThat(created).hasSize(1);
    for (String id : FlowAssertions.createdIds(s)) {
      assertThat(created.get(0)).as(id).contains(id);
    }
    assertThat(stack.events(ns))
        .allMatch(e -> ready.getMetadata().getUid().equals(e.getRegarding().getUid()));

    stack.change(ns, "charges", f -> f.getSpec().getSchedule().setInterval(45));
    stack.awaitReadyAnd(
        ns, "charges", f -> f.getMetadata().getGeneration() > ready.getMetadata().getGeneration());
    // The summary follows the pass's status write.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(stack.events(ns))
                    .filteredOn(e -> "Updated".equals(e.getReason()))
                    .extracting(Event::getNote)
                    .anyMatch(n -> n.contains(s.getFlow().getId()) && n.contains("interval")));

    stack.client().resource(ready).delete();
    await().atMost(Duration.ofSeconds(30)).until(() -> stack.flow(ns, "charges").isEmpty());
    List<String> deleted =
        stack.events(ns).stream()
            .filter(e -> "Deleted".equals(e.getReason()))
            .map(Event::getNote)
            .toList();
    assertThat(deleted).hasSize(1);
    for (String id :
        List.of(
            s.getFlow().getId(),
            s.getSourceConnection().getId(),
            s.getTargetConnection().getId(),
            s.getBaseConnection().getId())) {
      assertThat(deleted.get(0)).as(id).contains(id);
    }
  }

  // Samples are fixtures: every flow sample reaches Ready as written (sandbox aside).
  @Test
  void reconcilesEverySampleFlowToReady() {
    String ns = stack.isolatedNamespace("samples");
    List<String> names = new ArrayList<>();
    for (String file : Flows.SAMPLES) {
      StripeIngestionFlow flow = stack.sampleFlow(file, ns);
      stack.create(flow);
      names.add(flow.getMetadata().getName());
    }
    for (String name : names) {
      StripeIngestionFlow ready = stack.awaitReady(ns, name);
      ObjectNode remoteFlow = stack.remote(Kind.FLOW, ready.getStatus().getFlow().getId());
      assertThat(remoteFlow.path("scheduleParams").path("frequency").asText())
          .as(name)
          .isEqualTo(ready.getSpec().getSchedule().getFrequency().value());
      assertThat(ready.getStatus().getSource().getFields()).as(name).isNotEmpty();
    }
  }
}
