package dev.aep.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.FlowState;
import dev.aep.operator.api.v1alpha1.Frequency;
import dev.aep.operator.api.v1alpha1.IdentitySpec;
import dev.aep.operator.api.v1alpha1.IngestionSpec;
import dev.aep.operator.api.v1alpha1.MappingSpec;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.XdmType;
import dev.aep.operator.platform.DatasetRequest;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SchemaRef;
import dev.aep.operator.testing.EmbeddedStack;
import dev.aep.operator.testing.FlowAssertions;
import dev.aep.operator.testing.Flows;
import dev.aep.simulator.Kind;
import dev.aep.simulator.PlatformSimulator;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a user means by Ready: the flow runs and every Stripe record lands as a valid row with the
 * values they mapped. The real operator against the Kubernetes mock server and the simulator,
 * which judges mapping sets, field groups and rows the way the Platform documents it.
 */
class DataPathTest {
  private static final String EXPERIENCE_EVENT = "https://ns.adobe.com/xdm/context/experienceevent";

  private static EmbeddedStack stack;
  private static PlatformSimulator sim;

  @BeforeAll
  static void startStack() {
    stack = EmbeddedStack.start().startOperator();
    sim = stack.simulator();
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  private static String setUp(String namespace) {
    return stack.isolatedNamespace(namespace);
  }

  /** A sample as a flow in its own namespace and sandbox, starting a minute from now on the simulator's clock. */
  private static StripeIngestionFlow sample(String file, String ns) {
    StripeIngestionFlow flow = stack.loadSample(file, StripeIngestionFlow.class);
    flow.getMetadata().setNamespace(ns);
    flow.getSpec().getPlatform().setSandbox(ns);
    if (flow.getSpec().getSchedule().getFrequency() != Frequency.ONCE) {
      flow.getSpec().getSchedule().setStartTime(
          sim.clock().now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS).toString());
    }
    return flow;
  }

  private static String message(StripeIngestionFlow flow, String type) {
    return FlowAssertions.condition(flow, type).map(Condition::getMessage).orElse("");
  }

  private static StripeIngestionFlow awaitReason(String ns, String name, String type, String reason) {
    return stack.await(ns, name, f -> FlowAssertions.hasReason(f, type, reason));
  }

  /** Lets the simulator's clock run fast until the flow reports a finished run. */
  private static StripeIngestionFlow awaitFinishedRun(String ns, String name) {
    sim.clock().advance(Duration.ofMinutes(2));
    try {
      sim.clock().speed(600);
      return stack.await(ns, name, f -> f.getStatus() != null && f.getStatus().getLastRun() != null
          && f.getStatus().getLastRun().getCompletedAt() != null);
    } finally {
      sim.clock().speed(1);
    }
  }

  private static JsonNode at(JsonNode row, String dotPath) {
    return row.at("/" + dotPath.replace('.', '/'));
  }

  private static String resolved(String destination) {
    return destination.startsWith("_tenant.") ? "_" + sim.tenantId() + destination.substring("_tenant".length())
        : destination;
  }

  @ParameterizedTest
  @ValueSource(strings = {"charges.yaml", "subscriptions.yaml", "refunds.yaml", "balance-transactions.yaml",
      "customers.yaml", "prices.yaml", "once.yaml", "existing-schema-and-dataset.yaml"})
  void everySampleLandsItsRecordsWithEveryMappedDestinationFilled(String file) {
    String ns = setUp("sample-" + file.replace(".yaml", "").replace('_', '-'));
    StripeIngestionFlow flow = sample(file, ns);
    // prices is committed disabled (the user enables it); enabled here so that it runs.
    flow.getSpec().setState(FlowState.ENABLED);
    if (flow.getSpec().getTarget().getSchema().getId() != null) {
      PlatformSession session = Flows.session(stack, ns);
      Schema schema = Flows.existingChargesSchema(session, "Existing " + ns);
      String dataset = session.catalog().createDataset(
          new DatasetRequest("Existing " + ns, "made by hand", SchemaRef.forDataset(schema.id()), Map.of()));
      flow.getSpec().getTarget().getSchema().setId(schema.id());
      flow.getSpec().getTarget().getDataset().setId(dataset);
    }
    String name = flow.getMetadata().getName();
    stack.create(flow);
    stack.awaitReady(ns, name);

    StripeIngestionFlow ran = awaitFinishedRun(ns, name);
    var run = ran.getStatus().getLastRun();
    assertThat(run.getStatus()).as("%s: %s", file, run.getErrors()).isEqualTo("success");
    assertThat(run.getRecordsRead()).isPositive();
    assertThat(run.getRecordsFailed()).isZero();
    assertThat(run.getRecordsWritten()).isEqualTo(run.getRecordsRead());
    assertThat(FlowAssertions.hasReason(stack.awaitReady(ns, name), FlowConditions.READY,
        FlowConditions.REASON_AVAILABLE)).isTrue();

    List<ObjectNode> rows = sim.datasetRows(ran.getStatus().getDataset().getId());
    assertThat(rows).isNotEmpty();
    for (MappingSpec m : flow.getSpec().getMapping()) {
      String destination = resolved(m.getDestination());
      assertThat(rows).as("%s: %s has a value in some row", file, destination)
          .anyMatch(row -> !at(row, destination).isMissingNode() && !at(row, destination).isNull());
    }
    boolean event = EXPERIENCE_EVENT.equals(flow.getSpec().getTarget().getSchema().getCreate() == null
        ? EXPERIENCE_EVENT : flow.getSpec().getTarget().getSchema().getCreate().getClassId());
    if (event) {
      assertThat(rows).allMatch(row -> row.hasNonNull("_id") && row.hasNonNull("timestamp"));
    }
  }

  @Test
  void createsAFieldGroupOfExactlyTheTenantDestinationsAndSaysWhatItAddedAndWhatThePreviewFilled() {
    String ns = setUp("fieldgroup");
    StripeIngestionFlow ready = createAndAwaitReady(Flows.charges(stack, ns, "charges"));

    String tenant = "_" + sim.tenantId();
    ObjectNode group = sim.inventory().get(Kind.FIELD_GROUP, ready.getStatus().getFieldGroup().getId()).orElseThrow();
    ObjectNode fields = (ObjectNode) group.at("/definitions").elements().next().at("/properties/" + tenant
        + "/properties/stripe/properties");
    List<String> names = new ArrayList<>();
    fields.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyInAnyOrder("chargeId", "amount", "currency", "status", "customerId",
        "cardBrand");
    assertThat(fields.at("/amount/type").asText()).isEqualTo("integer");
    assertThat(fields.at("/cardBrand/type").asText()).isEqualTo("string");
    ObjectNode schema = sim.inventory().get(Kind.SCHEMA, ready.getStatus().getSchema().getId()).orElseThrow();
    assertThat(schema.at("/allOf").findValuesAsText("$ref"))
        .containsExactly(EXPERIENCE_EVENT, ready.getStatus().getFieldGroup().getId());

    var mapping = ready.getStatus().getMapping();
    assertThat(mapping.getTenantNamespace()).isEqualTo(tenant);
    assertThat(mapping.getDefaultsAdded()).hasSize(2).anyMatch(d -> d.startsWith("_id <- data.id"))
        .anyMatch(d -> d.startsWith("timestamp <- dformat(data.created * 1000"));
    assertThat(mapping.getPreviewedRecords()).isPositive();
    assertThat(mapping.getDestinationsWithValue()).contains(tenant + ".stripe.amount", "_id", "timestamp");
  }

  @Test
  void flowsOfOneStripeAccountAndMappingShareOneExploreAndOneDataPrepVerdictButANewMappingIsCheckedAgain() {
    String ns = setUp("shared-checks");
    StripeIngestionFlow first = createAndAwaitReady(Flows.charges(stack, ns, "first"));
    StripeIngestionFlow second = createAndAwaitReady(Flows.charges(stack, ns, "second"));

    assertThat(second.getStatus().getBaseConnection().getId()).isNotEqualTo(first.getStatus().getBaseConnection().getId());
    assertThat(Flows.count(sim, ns, "GET", ".*/explore")).isEqualTo(1);
    assertThat(Flows.count(sim, ns, "POST", ".*/mappingSets/validate")).isEqualTo(1);
    assertThat(Flows.count(sim, ns, "POST", ".*/mappingSets/preview")).isEqualTo(1);
    assertThat(second.getStatus().getSource().getFields()).isEqualTo(first.getStatus().getSource().getFields());
    assertThat(second.getStatus().getMapping().getPreviewedRecords()).isPositive()
        .isEqualTo(first.getStatus().getMapping().getPreviewedRecords());
    assertThat(second.getStatus().getMapping().getDestinationsWithValue())
        .isEqualTo(first.getStatus().getMapping().getDestinationsWithValue());

    StripeIngestionFlow third = Flows.charges(stack, ns, "third");
    third.getSpec().getMapping().add(new MappingSpec("data.receipt_email", "_tenant.stripe.receiptEmail"));
    createAndAwaitReady(third);
    assertThat(Flows.count(sim, ns, "GET", ".*/explore")).isEqualTo(1);
    assertThat(Flows.count(sim, ns, "POST", ".*/mappingSets/validate")).isEqualTo(2);
    assertThat(Flows.count(sim, ns, "POST", ".*/mappingSets/preview")).isEqualTo(2);
    assertThat(Flows.count(sim, ns, "POST", ".*/mappingSets")).isEqualTo(3);
  }

  @Test
  void aMappingOfOnlyClassFieldsNeedsNoFieldGroup() {
    String ns = setUp("class-only");
    StripeIngestionFlow flow = Flows.charges(stack, ns, "charges");
    flow.getSpec().setMapping(new ArrayList<>(List.of(new MappingSpec("data.id", "_id"))));
    StripeIngestionFlow ready = createAndAwaitReady(flow);

    assertThat(ready.getStatus().getFieldGroup()).isNull();
    assertThat(Flows.count(sim, ns, "POST", ".*/tenant/fieldgroups")).isZero();
    ObjectNode schema = sim.inventory().get(Kind.SCHEMA, ready.getStatus().getSchema().getId()).orElseThrow();
    assertThat(schema.at("/allOf").findValuesAsText("$ref")).containsExactly(EXPERIENCE_EVENT);
    assertThat(ready.getStatus().getMapping().getDefaultsAdded()).singleElement().asString().startsWith("timestamp <- ");
  }

  @Test
  void aNewDestinationAddsAFieldAndKeepsTheFieldGroup() {
    String ns = setUp("additive");
    StripeIngestionFlow ready = createAndAwaitReady(Flows.charges(stack, ns, "charges"));
    String groupId = ready.getStatus().getFieldGroup().getId();

    StripeIngestionFlow edited = stack.edit(ns, "charges", addMapping(new MappingSpec("data.receipt_email",
        "_tenant.stripe.receiptEmail")));
    StripeIngestionFlow after = stack.await(ns, "charges", f -> FlowAssertions.readyForGeneration(f)
        && f.getMetadata().getGeneration().equals(edited.getMetadata().getGeneration()));
    assertThat(after.getStatus().getFieldGroup().getId()).isEqualTo(groupId);
    assertThat(after.getStatus().getFieldGroup().getVersion()).isNotEqualTo(ready.getStatus().getFieldGroup().getVersion());
    ObjectNode group = sim.inventory().get(Kind.FIELD_GROUP, groupId).orElseThrow();
    assertThat(group.toString()).contains("receiptEmail");
    assertThat(after.getStatus().getMappingSet().getVersion()).isEqualTo(1L);
  }

  @Test
  void identitiesBecomeDescriptorsOnTheCreatedSchemaAndLeaveWithIt() {
    String ns = setUp("identities");
    StripeIngestionFlow flow = sample("customers.yaml", ns);
    StripeIngestionFlow ready = createAndAwaitReady(flow);

    List<String> ids = ready.getStatus().getSchema().getIdentityDescriptors();
    assertThat(ids).hasSize(1);
    ObjectNode descriptor = sim.inventory().get(Kind.DESCRIPTOR, ids.get(0)).orElseThrow();
    assertThat(descriptor.path("xdm:sourceProperty").asText()).isEqualTo("/_" + sim.tenantId() + "/stripe/email");
    assertThat(descriptor.path("xdm:namespace").asText()).isEqualTo("Email");
    assertThat(descriptor.path("xdm:isPrimary").asBoolean()).isTrue();
    assertThat(sim.inventory().list(Kind.MAPPING_SET).stream()
        .filter(m -> m.path("id").asText().equals(ready.getStatus().getMappingSet().getId())).findFirst().orElseThrow()
        .toString()).doesNotContain("\"identity\":true");

    // A changed namespace is a new descriptor in place of the old one.
    stack.edit(ns, ready.getMetadata().getName(), f -> {
      f.getSpec().getTarget().getSchema().getCreate()
          .setIdentities(List.of(new IdentitySpec("_tenant.stripe.email", "Phone", true)));
      return f;
    });
    StripeIngestionFlow changed = stack.await(ns, ready.getMetadata().getName(), f -> FlowAssertions.readyForGeneration(f)
        && f.getStatus().getSchema().getIdentityDescriptors().size() == 1
        && !f.getStatus().getSchema().getIdentityDescriptors().equals(ids));
    String newId = changed.getStatus().getSchema().getIdentityDescriptors().get(0);
    assertThat(sim.inventory().get(Kind.DESCRIPTOR, ids.get(0))).isEmpty();
    assertThat(sim.inventory().get(Kind.DESCRIPTOR, newId).orElseThrow().path("xdm:namespace").asText())
        .isEqualTo("Phone");

    // customers deletes its managed schema with the flow (deleteManagedOnDelete): descriptors and field group go too.
    String schemaId = changed.getStatus().getSchema().getId();
    String groupId = changed.getStatus().getFieldGroup().getId();
    stack.client().resource(changed).delete();
    Awaitility.await().atMost(Duration.ofSeconds(60))
        .until(() -> stack.flow(ns, changed.getMetadata().getName()).isEmpty());
    assertThat(sim.inventory().get(Kind.DESCRIPTOR, newId)).isEmpty();
    assertThat(sim.inventory().get(Kind.SCHEMA, schemaId)).isEmpty();
    assertThat(sim.inventory().get(Kind.FIELD_GROUP, groupId)).isEmpty();
  }

  @Test
  void oneManifestLandsInTwoOrgsWithDifferentTenantIds() {
    try (EmbeddedStack acme = EmbeddedStack.startWithTenant("acme").startOperator();
        EmbeddedStack globex = EmbeddedStack.startWithTenant("globex").startOperator()) {
      for (EmbeddedStack org : List.of(acme, globex)) {
        org.namespace("payments");
        org.simulator().addSandbox("prod");
        org.platformSecret("payments");
        org.stripeSecret("payments", "sk_test_payments");
        org.applySample("charges.yaml", "payments", StripeIngestionFlow.class);
      }
      for (EmbeddedStack org : List.of(acme, globex)) {
        String tenant = "_" + org.simulator().tenantId();
        StripeIngestionFlow ready = org.awaitReady("payments", "stripe-charges");
        assertThat(ready.getStatus().getMapping().getTenantNamespace()).isEqualTo(tenant);
        ObjectNode group = org.simulator().inventory()
            .get(Kind.FIELD_GROUP, ready.getStatus().getFieldGroup().getId()).orElseThrow();
        assertThat(group.path("meta:tenantNamespace").asText()).isEqualTo(tenant);
        assertThat(group.at("/definitions").elements().next().at("/properties/" + tenant).isObject()).isTrue();
      }
    }
  }

  @Test
  void anUnknownSourceIsInvalidSpecBeforeTheFieldGroupSchemaOrMappingSetIsWritten() {
    String ns = setUp("bad-source");
    StripeIngestionFlow flow = Flows.charges(stack, ns, "charges");
    flow.getSpec().getMapping().add(new MappingSpec("data.amout_refunded", "_tenant.stripe.refunded"));
    stack.create(flow);

    StripeIngestionFlow refused = awaitReason(ns, "charges", FlowConditions.READY, FlowConditions.REASON_INVALID_SPEC);
    assertThat(message(refused, FlowConditions.READY)).contains("spec.mapping[6]", "data.amout_refunded",
        "closest: data.amount_refunded");
    assertThat(Flows.count(sim, ns, "POST", ".*/tenant/fieldgroups")).isZero();
    assertThat(Flows.count(sim, ns, "POST", ".*/tenant/schemas")).isZero();
    assertThat(Flows.count(sim, ns, "POST", ".*/mappingSets")).isZero();
  }

  @Test
  void aDestinationMissingFromAnExistingSchemaIsListedBeforeAnythingUsesTheSchema() {
    String ns = setUp("missing-dest");
    PlatformSession session = Flows.session(stack, ns);
    Schema schema = Flows.existingChargesSchema(session, "Existing " + ns);
    String dataset = session.catalog().createDataset(
        new DatasetRequest("Existing " + ns, "made by hand", SchemaRef.forDataset(schema.id()), Map.of()));
    StripeIngestionFlow flow = sample("existing-schema-and-dataset.yaml", ns);
    flow.getSpec().getTarget().getSchema().setId(schema.id());
    flow.getSpec().getTarget().getDataset().setId(dataset);
    flow.getSpec().getMapping().add(new MappingSpec("data.status", "_tenant.stripe.status"));
    stack.create(flow);

    StripeIngestionFlow refused = awaitReason(ns, flow.getMetadata().getName(), FlowConditions.READY,
        FlowConditions.REASON_INVALID_SPEC);
    assertThat(message(refused, FlowConditions.READY)).contains(schema.id(), "has no field for",
        "_" + sim.tenantId() + ".stripe.status");
    assertThat(Flows.count(sim, ns, "POST", ".*/targetConnections")).isZero();
    assertThat(Flows.count(sim, ns, "POST", ".*/mappingSets")).isZero();
    assertThat(Flows.count(sim, ns, "POST", ".*/flows")).isZero();
  }

  @Test
  void aTypeChangeOnAMappedFieldIsNotSentAndSaysHowToMoveOn() {
    String ns = setUp("type-change");
    StripeIngestionFlow ready = createAndAwaitReady(Flows.charges(stack, ns, "charges"));
    String version = ready.getStatus().getFieldGroup().getVersion();

    stack.edit(ns, "charges", f -> {
      f.getSpec().getMapping().stream().filter(m -> m.getSource().equals("data.amount")).findFirst().orElseThrow()
          .setType(XdmType.STRING);
      return f;
    });
    StripeIngestionFlow refused = awaitReason(ns, "charges", FlowConditions.SYNCED, FlowConditions.REASON_INVALID_SPEC);
    assertThat(message(refused, FlowConditions.SYNCED)).contains("_" + sim.tenantId() + ".stripe.amount",
        "from integer to string", "only additive changes", "new flow");
    assertThat(Flows.count(sim, ns, "PUT", ".*/tenant/fieldgroups/.*")).isZero();
    assertThat(sim.inventory().get(Kind.FIELD_GROUP, ready.getStatus().getFieldGroup().getId()).orElseThrow()
        .path("version").asText()).isEqualTo(version);
    // Nothing lost: the flow and its mapping set are as they were.
    assertThat(sim.inventory().get(Kind.FLOW, ready.getStatus().getFlow().getId())).isPresent();
    assertThat(refused.getStatus().getMappingSet().getVersion()).isZero();
  }

  @Test
  void anUnknownExpressionFunctionIsRefusedByTheValidateCallAndNoMappingSetIsWritten() {
    String ns = setUp("bad-function");
    StripeIngestionFlow flow = Flows.charges(stack, ns, "charges");
    flow.getSpec().getMapping().add(MappingSpec.expression("frobnicate(data.currency)", "_tenant.stripe.x", null));
    stack.create(flow);

    StripeIngestionFlow refused = awaitReason(ns, "charges", FlowConditions.READY, FlowConditions.REASON_INVALID_SPEC);
    assertThat(message(refused, FlowConditions.READY)).contains("Data Prep refused the mapping", "frobnicate");
    assertThat(Flows.count(sim, ns, "POST", ".*/mappingSets/validate")).isPositive();
    assertThat(Flows.count(sim, ns, "POST", ".*/mappingSets")).isZero();
  }

  @Test
  void aRunThatFailsRecordsMakesTheFlowNotReadyUntilAGoodRun() {
    String ns = setUp("failed-records");
    StripeIngestionFlow flow = Flows.charges(stack, ns, "charges");
    flow.getSpec().getSchedule().setStartTime(
        sim.clock().now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS).toString());
    // failure_code is null on most charges: _id is required, so those records fail.
    flow.getSpec().getMapping().add(new MappingSpec("data.failure_code", "_id"));
    createAndAwaitReady(flow);

    StripeIngestionFlow failed = awaitFinishedRun(ns, "charges");
    assertThat(failed.getStatus().getLastRun().getRecordsFailed()).isPositive();
    StripeIngestionFlow notReady = awaitReason(ns, "charges", FlowConditions.READY, FlowConditions.REASON_RUN_FAILED);
    assertThat(message(notReady, FlowConditions.READY)).contains(failed.getStatus().getLastRun().getId(),
        "INGEST-1555-400", "records failed");
    assertThat(FlowAssertions.hasReason(notReady, FlowConditions.SYNCED, FlowConditions.REASON_RECONCILE_SUCCESS))
        .isTrue();
    assertThat(stack.events(ns)).map(Event::getReason).contains(FlowConditions.REASON_RUN_FAILED);

    String failedRun = failed.getStatus().getLastRun().getId();
    stack.edit(ns, "charges", f -> {
      f.getSpec().getMapping().removeIf(m -> m.getDestination().equals("_id"));
      return f;
    });
    sim.clock().advance(Duration.ofMinutes(15));
    try {
      sim.clock().speed(600);
      stack.await(ns, "charges", f -> f.getStatus().getLastRun() != null
          && !f.getStatus().getLastRun().getId().equals(failedRun)
          && f.getStatus().getLastRun().getCompletedAt() != null
          && FlowAssertions.hasReason(f, FlowConditions.READY, FlowConditions.REASON_AVAILABLE));
    } finally {
      sim.clock().speed(1);
    }
  }

  @Test
  void partialIngestionLetsTheRunLandTheGoodRowsAndStillReportsTheFailedOnes() {
    String ns = setUp("partial");
    StripeIngestionFlow flow = Flows.charges(stack, ns, "charges");
    flow.getSpec().getSchedule().setStartTime(
        sim.clock().now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS).toString());
    flow.getSpec().getMapping().add(new MappingSpec("data.failure_code", "_id"));
    flow.getSpec().setIngestion(new IngestionSpec(100, null));
    StripeIngestionFlow ready = createAndAwaitReady(flow);
    ObjectNode remote = sim.inventory().get(Kind.FLOW, ready.getStatus().getFlow().getId()).orElseThrow();
    assertThat(remote.at("/options/partialIngestionPercent").asInt()).isEqualTo(100);
    assertThat(remote.at("/options/errorDiagnosticsEnabled").asBoolean()).isTrue();

    StripeIngestionFlow ran = awaitFinishedRun(ns, "charges");
    var run = ran.getStatus().getLastRun();
    assertThat(run.getStatus()).isEqualTo("success");
    assertThat(run.getRecordsFailed()).isPositive();
    assertThat(run.getRecordsWritten()).isEqualTo(run.getRecordsRead() - run.getRecordsFailed());
    assertThat(run.getErrors()).anyMatch(e -> e.startsWith("INGEST-1555-400 (") && e.endsWith(" records)"));
    StripeIngestionFlow notReady = awaitReason(ns, "charges", FlowConditions.READY, FlowConditions.REASON_RUN_FAILED);
    assertThat(message(notReady, FlowConditions.READY)).contains(run.getRecordsFailed() + " of "
        + run.getRecordsRead() + " records failed");
  }

  private static StripeIngestionFlow createAndAwaitReady(StripeIngestionFlow flow) {
    stack.create(flow);
    return stack.awaitReady(flow.getMetadata().getNamespace(), flow.getMetadata().getName());
  }

  private static UnaryOperator<StripeIngestionFlow> addMapping(MappingSpec mapping) {
    return f -> {
      f.getSpec().getMapping().add(mapping);
      return f;
    };
  }
}
