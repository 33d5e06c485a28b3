package dev.aep.operator.reconciler;

import static dev.aep.operator.testing.FlowAssertions.readyMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.operator.api.v1alpha1.DeletionPolicy;
import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.FlowState;
import dev.aep.operator.api.v1alpha1.MappingSpec;
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
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lifecycle of a StripeIngestionFlow, end to end: the real operator against the Kubernetes mock
 * server (CRUD) and the Platform simulator over HTTP. Each test uses its own namespace and a
 * sandbox of the same name, so its Platform traffic can be told apart.
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
    assertThat(status.getBaseConnection().getId()).isNotBlank();
    assertThat(status.getBaseConnection().getEtag()).isNotBlank();
    assertThat(status.getBaseConnection().getManaged()).isTrue();
    assertThat(status.getBaseConnection().getCredentialsVersion()).isNotBlank();
    assertThat(status.getSource().getFields()).contains("id", "amount", "currency");
    assertThat(status.getSourceConnection().getId()).isNotBlank();
    assertThat(status.getSourceConnection().getEtag()).isNotBlank();
    assertThat(status.getSchema().getId()).isNotBlank();
    assertThat(status.getSchema().getManaged()).isTrue();
    assertThat(status.getDataset().getId()).isNotBlank();
    assertThat(status.getDataset().getManaged()).isTrue();
    assertThat(status.getTargetConnection().getId()).isNotBlank();
    assertThat(status.getTargetConnection().getEtag()).isNotBlank();
    assertThat(status.getMappingSet().getId()).isNotBlank();
    assertThat(status.getMappingSet().getVersion()).isZero();
    assertThat(status.getFlow().getId()).isNotBlank();
    assertThat(status.getFlow().getEtag()).isNotBlank();
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

  // 3. Updates
  @Test
  void patchesScheduleMappingDescriptionAndStateWithIfMatch() {
    String ns = stack.isolatedNamespace("updates");
    StripeIngestionFlow ready = stack.createAndAwaitReady(stack.charges(ns, "charges"));
    String flowId = ready.getStatus().getFlow().getId();
    String mappingId = ready.getStatus().getMappingSet().getId();

    StripeIngestionFlow edited =
        stack.change(
            ns,
            "charges",
            f -> {
              f.getSpec().getSchedule().setInterval(30);
              f.getSpec().setDescription("Charges, every half hour");
              f.getSpec()
                  .getMapping()
                  .add(new MappingSpec("data.created", "_tenant.stripe.createdAt"));
            });
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
    StripeIngestionFlow failed =
        stack.await(
            ns,
            "charges",
            f ->
                f.getStatus().getLastRun() != null
                    && "failed".equalsIgnoreCase(f.getStatus().getLastRun().getStatus()));
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
      succeeded =
          stack.await(
              ns,
              "charges",
              f ->
                  f.getStatus().getLastRun() != null
                      && "success".equalsIgnoreCase(f.getStatus().getLastRun().getStatus()));
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

  // 12. Explore
  @Test
  void exploresTheResourcePathAndStopsBeforeAnyFlowWhenItFails() {
    String ns = stack.isolatedNamespace("explore");
    stack.simulator().faults().failNext(1, "GET", "/explore", 400);
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
