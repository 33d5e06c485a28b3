package dev.aep.operator.reconciler;

import static dev.aep.operator.testing.FlowAssertions.message;
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
import dev.aep.operator.testing.OperatorStackExtension;
import dev.aep.simulator.Kind;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a user means by Ready: the flow runs and every Stripe record lands as a valid row with the
 * values they mapped. The real operator against the Kubernetes mock server and the simulator, which
 * judges mapping sets, field groups and rows the way the Platform documents it.
 */
class DataPathTest {
  private static final String EXPERIENCE_EVENT = "https://ns.adobe.com/xdm/context/experienceevent";

  @RegisterExtension
  static final OperatorStackExtension stack = OperatorStackExtension.withOperator();

  /**
   * A sample as a flow in its own namespace and sandbox, starting a minute from now on the
   * simulator's clock.
   */
  private static StripeIngestionFlow sample(String file, String ns) {
    StripeIngestionFlow flow = stack.sampleFlow(file, ns);
    if (flow.getSpec().getSchedule().getFrequency() != Frequency.ONCE) {
      stack.startingIn(flow, Duration.ofMinutes(1), ChronoUnit.SECONDS);
    }
    return flow;
  }

  /**
   * The charges sample, first run a minute ahead, also mapping failure_code to _id: failure_code is
   * null on most charges and _id is required, so those records fail.
   */
  private static StripeIngestionFlow failingRecords(String ns) {
    return stack.startingIn(
        chargesAlsoMapping(ns, new MappingSpec("data.failure_code", "_id")),
        Duration.ofMinutes(1),
        ChronoUnit.SECONDS);
  }

  /** The charges sample as flow "charges" in {@code ns}, with one more mapping. */
  private static StripeIngestionFlow chargesAlsoMapping(String ns, MappingSpec extra) {
    StripeIngestionFlow flow = stack.charges(ns, "charges");
    flow.getSpec().getMapping().add(extra);
    return flow;
  }

  /** Lets the simulator's clock run fast until the flow reports a finished run. */
  private static StripeIngestionFlow awaitFinishedRun(String ns, String name) {
    stack.simulator().clock().advance(Duration.ofMinutes(2));
    try {
      stack.simulator().clock().speed(600);
      return stack.await(
          ns,
          name,
          f ->
              f.getStatus() != null
                  && f.getStatus().getLastRun() != null
                  && f.getStatus().getLastRun().getCompletedAt() != null);
    } finally {
      stack.simulator().clock().speed(1);
    }
  }

  /** Points the flow at a schema and a dataset made by hand in its sandbox; returns the schema. */
  private static Schema existingTarget(StripeIngestionFlow flow, String ns) {
    PlatformSession session = stack.session(ns);
    Schema schema = Flows.existingChargesSchema(session, "Existing " + ns);
    String dataset =
        session
            .catalog()
            .createDataset(
                new DatasetRequest(
                    "Existing " + ns, "made by hand", SchemaRef.forDataset(schema.id()), Map.of()));
    flow.getSpec().getTarget().getSchema().setId(schema.id());
    flow.getSpec().getTarget().getDataset().setId(dataset);
    return schema;
  }

  private static JsonNode at(JsonNode row, String dotPath) {
    return row.at("/" + dotPath.replace('.', '/'));
  }

  private static String resolved(String destination) {
    return destination.startsWith("_tenant.")
        ? "_" + stack.simulator().tenantId() + destination.substring("_tenant".length())
        : destination;
  }

  /** Every flow sample, the one that uses an existing schema and dataset too. */
  static Stream<String> everySample() {
    return Stream.concat(Flows.SAMPLES.stream(), Stream.of("existing-schema-and-dataset.yaml"));
  }

  @ParameterizedTest
  @MethodSource("everySample")
  void everySampleLandsItsRecordsWithEveryMappedDestinationFilled(String file) {
    String ns = stack.isolatedNamespace("sample-" + file.replace(".yaml", "").replace('_', '-'));
    StripeIngestionFlow flow = sample(file, ns);
    // prices is committed disabled (the user enables it); enabled here so that it runs.
    flow.getSpec().setState(FlowState.ENABLED);
    if (flow.getSpec().getTarget().getSchema().getId() != null) {
      existingTarget(flow, ns);
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
    assertThat(
            FlowAssertions.hasReason(
                stack.awaitReady(ns, name), FlowConditions.READY, FlowConditions.REASON_AVAILABLE))
        .isTrue();

    List<ObjectNode> rows = stack.simulator().datasetRows(ran.getStatus().getDataset().getId());
    assertThat(rows).isNotEmpty();
    for (MappingSpec m : flow.getSpec().getMapping()) {
      String destination = resolved(m.getDestination());
      assertThat(rows)
          .as("%s: %s has a value in some row", file, destination)
          .anyMatch(row -> !at(row, destination).isMissingNode() && !at(row, destination).isNull());
    }
    boolean event =
        EXPERIENCE_EVENT.equals(
            flow.getSpec().getTarget().getSchema().getCreate() == null
                ? EXPERIENCE_EVENT
                : flow.getSpec().getTarget().getSchema().getCreate().getClassId());
    if (event) {
      assertThat(rows).allMatch(row -> row.hasNonNull("_id") && row.hasNonNull("timestamp"));
    }
  }

  @Test
  void createsAFieldGroupOfExactlyTheTenantDestinationsAndSaysWhatItAddedAndWhatThePreviewFilled() {
    String ns = stack.isolatedNamespace("fieldgroup");
    StripeIngestionFlow ready = stack.createAndAwaitReady(stack.charges(ns, "charges"));

    String tenant = "_" + stack.simulator().tenantId();
    ObjectNode group = stack.remote(Kind.FIELD_GROUP, ready.getStatus().getFieldGroup().getId());
    ObjectNode fields =
        (ObjectNode)
            group
                .at("/definitions")
                .elements()
                .next()
                .at("/properties/" + tenant + "/properties/stripe/properties");
    List<String> names = new ArrayList<>();
    fields.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactlyInAnyOrder(
            "chargeId", "amount", "currency", "status", "customerId", "cardBrand");
    assertThat(fields.at("/amount/type").asText()).isEqualTo("integer");
    assertThat(fields.at("/cardBrand/type").asText()).isEqualTo("string");
    ObjectNode schema = stack.remote(Kind.SCHEMA, ready.getStatus().getSchema().getId());
    assertThat(schema.at("/allOf").findValuesAsText("$ref"))
        .containsExactly(EXPERIENCE_EVENT, ready.getStatus().getFieldGroup().getId());

    var mapping = ready.getStatus().getMapping();
    assertThat(mapping.getTenantNamespace()).isEqualTo(tenant);
    assertThat(mapping.getDefaultsAdded())
        .hasSize(2)
        .anyMatch(d -> d.startsWith("_id <- data.id"))
        .anyMatch(d -> d.startsWith("timestamp <- dformat(data.created * 1000"));
    assertThat(mapping.getPreviewedRecords()).isPositive();
    assertThat(mapping.getDestinationsWithValue())
        .contains(tenant + ".stripe.amount", "_id", "timestamp");
  }

  @Test
  void
      flowsOfOneStripeAccountAndMappingShareOneExploreAndOneDataPrepVerdictButANewMappingIsCheckedAgain() {
    String ns = stack.isolatedNamespace("shared-checks");
    StripeIngestionFlow first = stack.createAndAwaitReady(stack.charges(ns, "first"));
    StripeIngestionFlow second = stack.createAndAwaitReady(stack.charges(ns, "second"));

    assertThat(second.getStatus().getBaseConnection().getId())
        .isNotEqualTo(first.getStatus().getBaseConnection().getId());
    assertThat(stack.count(ns, "GET", ".*/explore")).isEqualTo(1);
    assertThat(stack.count(ns, "POST", ".*/mappingSets/validate")).isEqualTo(1);
    assertThat(stack.count(ns, "POST", ".*/mappingSets/preview")).isEqualTo(1);
    assertThat(second.getStatus().getSource().getFields())
        .isEqualTo(first.getStatus().getSource().getFields());
    assertThat(second.getStatus().getMapping().getPreviewedRecords())
        .isPositive()
        .isEqualTo(first.getStatus().getMapping().getPreviewedRecords());
    assertThat(second.getStatus().getMapping().getDestinationsWithValue())
        .isEqualTo(first.getStatus().getMapping().getDestinationsWithValue());

    StripeIngestionFlow third = stack.charges(ns, "third");
    third
        .getSpec()
        .getMapping()
        .add(new MappingSpec("data.receipt_email", "_tenant.stripe.receiptEmail"));
    stack.createAndAwaitReady(third);
    assertThat(stack.count(ns, "GET", ".*/explore")).isEqualTo(1);
    assertThat(stack.count(ns, "POST", ".*/mappingSets/validate")).isEqualTo(2);
    assertThat(stack.count(ns, "POST", ".*/mappingSets/preview")).isEqualTo(2);
    assertThat(stack.count(ns, "POST", ".*/mappingSets")).isEqualTo(3);
  }

  @Test
  void aMappingOfOnlyClassFieldsNeedsNoFieldGroup() {
    String ns = stack.isolatedNamespace("class-only");
    StripeIngestionFlow flow = stack.charges(ns, "charges");
    flow.getSpec().setMapping(new ArrayList<>(List.of(new MappingSpec("data.id", "_id"))));
    StripeIngestionFlow ready = stack.createAndAwaitReady(flow);

    assertThat(ready.getStatus().getFieldGroup()).isNull();
    assertThat(stack.count(ns, "POST", ".*/tenant/fieldgroups")).isZero();
    ObjectNode schema = stack.remote(Kind.SCHEMA, ready.getStatus().getSchema().getId());
    assertThat(schema.at("/allOf").findValuesAsText("$ref")).containsExactly(EXPERIENCE_EVENT);
    assertThat(ready.getStatus().getMapping().getDefaultsAdded())
        .singleElement()
        .asString()
        .startsWith("timestamp <- ");
  }

  @Test
  void aNewDestinationAddsAFieldAndKeepsTheFieldGroup() {
    String ns = stack.isolatedNamespace("additive");
    StripeIngestionFlow ready = stack.createAndAwaitReady(stack.charges(ns, "charges"));
    String groupId = ready.getStatus().getFieldGroup().getId();

    StripeIngestionFlow edited =
        stack.edit(
            ns,
            "charges",
            addMapping(new MappingSpec("data.receipt_email", "_tenant.stripe.receiptEmail")));
    StripeIngestionFlow after =
        stack.awaitReadyAnd(
            ns,
            "charges",
            f -> f.getMetadata().getGeneration().equals(edited.getMetadata().getGeneration()));
    assertThat(after.getStatus().getFieldGroup().getId()).isEqualTo(groupId);
    assertThat(after.getStatus().getFieldGroup().getVersion())
        .isNotEqualTo(ready.getStatus().getFieldGroup().getVersion());
    ObjectNode group = stack.remote(Kind.FIELD_GROUP, groupId);
    assertThat(group.toString()).contains("receiptEmail");
    assertThat(after.getStatus().getMappingSet().getVersion()).isEqualTo(1L);
  }

  @Test
  void identitiesBecomeDescriptorsOnTheCreatedSchemaAndLeaveWithIt() {
    String ns = stack.isolatedNamespace("identities");
    StripeIngestionFlow flow = sample("customers.yaml", ns);
    StripeIngestionFlow ready = stack.createAndAwaitReady(flow);

    List<String> ids = ready.getStatus().getSchema().getIdentityDescriptors();
    assertThat(ids).hasSize(1);
    ObjectNode descriptor = stack.remote(Kind.DESCRIPTOR, ids.get(0));
    assertThat(descriptor.path("xdm:sourceProperty").asText())
        .isEqualTo("/_" + stack.simulator().tenantId() + "/stripe/email");
    assertThat(descriptor.path("xdm:namespace").asText()).isEqualTo("Email");
    assertThat(descriptor.path("xdm:isPrimary").asBoolean()).isTrue();
    assertThat(
            stack.simulator().inventory().list(Kind.MAPPING_SET).stream()
                .filter(
                    m -> m.path("id").asText().equals(ready.getStatus().getMappingSet().getId()))
                .findFirst()
                .orElseThrow()
                .toString())
        .doesNotContain("\"identity\":true");

    // A changed namespace is a new descriptor in place of the old one.
    stack.change(
        ns,
        ready.getMetadata().getName(),
        f ->
            f.getSpec()
                .getTarget()
                .getSchema()
                .getCreate()
                .setIdentities(List.of(new IdentitySpec("_tenant.stripe.email", "Phone", true))));
    StripeIngestionFlow changed =
        stack.awaitReadyAnd(
            ns,
            ready.getMetadata().getName(),
            f ->
                f.getStatus().getSchema().getIdentityDescriptors().size() == 1
                    && !f.getStatus().getSchema().getIdentityDescriptors().equals(ids));
    String newId = changed.getStatus().getSchema().getIdentityDescriptors().get(0);
    assertThat(stack.simulator().inventory().get(Kind.DESCRIPTOR, ids.get(0))).isEmpty();
    assertThat(stack.remote(Kind.DESCRIPTOR, newId).path("xdm:namespace").asText())
        .isEqualTo("Phone");

    // customers deletes its managed schema with the flow (deleteManagedOnDelete): descriptors and
    // field group go too.
    String schemaId = changed.getStatus().getSchema().getId();
    String groupId = changed.getStatus().getFieldGroup().getId();
    stack.client().resource(changed).delete();
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> stack.flow(ns, changed.getMetadata().getName()).isEmpty());
    assertThat(stack.simulator().inventory().get(Kind.DESCRIPTOR, newId)).isEmpty();
    assertThat(stack.simulator().inventory().get(Kind.SCHEMA, schemaId)).isEmpty();
    assertThat(stack.simulator().inventory().get(Kind.FIELD_GROUP, groupId)).isEmpty();
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
        ObjectNode group =
            org.simulator()
                .inventory()
                .get(Kind.FIELD_GROUP, ready.getStatus().getFieldGroup().getId())
                .orElseThrow();
        assertThat(group.path("meta:tenantNamespace").asText()).isEqualTo(tenant);
        assertThat(
                group.at("/definitions").elements().next().at("/properties/" + tenant).isObject())
            .isTrue();
      }
    }
  }

  @Test
  void anUnknownSourceIsInvalidSpecBeforeTheFieldGroupSchemaOrMappingSetIsWritten() {
    String ns = stack.isolatedNamespace("bad-source");
    stack.create(
        chargesAlsoMapping(ns, new MappingSpec("data.amout_refunded", "_tenant.stripe.refunded")));

    StripeIngestionFlow refused =
        stack.awaitReason(ns, "charges", FlowConditions.READY, FlowConditions.REASON_INVALID_SPEC);
    assertThat(message(refused, FlowConditions.READY))
        .contains("spec.mapping[6]", "data.amout_refunded", "closest: data.amount_refunded");
    assertNothingPosted(ns, ".*/tenant/fieldgroups", ".*/tenant/schemas", ".*/mappingSets");
  }

  @Test
  void aDestinationMissingFromAnExistingSchemaIsListedBeforeAnythingUsesTheSchema() {
    String ns = stack.isolatedNamespace("missing-dest");
    StripeIngestionFlow flow = sample("existing-schema-and-dataset.yaml", ns);
    Schema schema = existingTarget(flow, ns);
    flow.getSpec().getMapping().add(new MappingSpec("data.status", "_tenant.stripe.status"));
    stack.create(flow);

    StripeIngestionFlow refused =
        stack.awaitReason(
            ns,
            flow.getMetadata().getName(),
            FlowConditions.READY,
            FlowConditions.REASON_INVALID_SPEC);
    assertThat(message(refused, FlowConditions.READY))
        .contains(
            schema.id(), "has no field for", "_" + stack.simulator().tenantId() + ".stripe.status");
    assertNothingPosted(ns, ".*/targetConnections", ".*/mappingSets", ".*/flows");
  }

  @Test
  void aTypeChangeOnAMappedFieldIsNotSentAndSaysHowToMoveOn() {
    String ns = stack.isolatedNamespace("type-change");
    StripeIngestionFlow ready = stack.createAndAwaitReady(stack.charges(ns, "charges"));
    String version = ready.getStatus().getFieldGroup().getVersion();

    stack.change(
        ns,
        "charges",
        f ->
            f.getSpec().getMapping().stream()
                .filter(m -> m.getSource().equals("data.amount"))
                .findFirst()
                .orElseThrow()
                .setType(XdmType.STRING));
    StripeIngestionFlow refused =
        stack.awaitReason(ns, "charges", FlowConditions.SYNCED, FlowConditions.REASON_INVALID_SPEC);
    assertThat(message(refused, FlowConditions.SYNCED))
        .contains(
            "_" + stack.simulator().tenantId() + ".stripe.amount",
            "from integer to string",
            "only additive changes",
            "new flow");
    assertThat(stack.count(ns, "PUT", ".*/tenant/fieldgroups/.*")).isZero();
    assertThat(
            stack
                .remote(Kind.FIELD_GROUP, ready.getStatus().getFieldGroup().getId())
                .path("version")
                .asText())
        .isEqualTo(version);
    // Nothing lost: the flow and its mapping set are as they were.
    assertThat(stack.simulator().inventory().get(Kind.FLOW, ready.getStatus().getFlow().getId()))
        .isPresent();
    assertThat(refused.getStatus().getMappingSet().getVersion()).isZero();
  }

  @Test
  void anUnknownExpressionFunctionIsRefusedByTheValidateCallAndNoMappingSetIsWritten() {
    String ns = stack.isolatedNamespace("bad-function");
    stack.create(
        chargesAlsoMapping(
            ns, MappingSpec.expression("frobnicate(data.currency)", "_tenant.stripe.x", null)));

    StripeIngestionFlow refused =
        stack.awaitReason(ns, "charges", FlowConditions.READY, FlowConditions.REASON_INVALID_SPEC);
    assertThat(message(refused, FlowConditions.READY))
        .contains("Data Prep refused the mapping", "frobnicate");
    assertThat(stack.count(ns, "POST", ".*/mappingSets/validate")).isPositive();
    assertThat(stack.count(ns, "POST", ".*/mappingSets")).isZero();
  }

  @Test
  void aRunThatFailsRecordsMakesTheFlowNotReadyUntilAGoodRun() {
    String ns = stack.isolatedNamespace("failed-records");
    StripeIngestionFlow flow = failingRecords(ns);
    stack.createAndAwaitReady(flow);

    StripeIngestionFlow failed = awaitFinishedRun(ns, "charges");
    assertThat(failed.getStatus().getLastRun().getRecordsFailed()).isPositive();
    StripeIngestionFlow notReady =
        stack.awaitReason(ns, "charges", FlowConditions.READY, FlowConditions.REASON_RUN_FAILED);
    assertThat(message(notReady, FlowConditions.READY))
        .contains(failed.getStatus().getLastRun().getId(), "INGEST-1555-400", "records failed");
    assertThat(
            FlowAssertions.hasReason(
                notReady, FlowConditions.SYNCED, FlowConditions.REASON_RECONCILE_SUCCESS))
        .isTrue();
    assertThat(stack.events(ns)).map(Event::getReason).contains(FlowConditions.REASON_RUN_FAILED);

    String failedRun = failed.getStatus().getLastRun().getId();
    stack.change(
        ns,
        "charges",
        f -> f.getSpec().getMapping().removeIf(m -> m.getDestination().equals("_id")));
    stack.simulator().clock().advance(Duration.ofMinutes(15));
    try {
      stack.simulator().clock().speed(600);
      stack.await(
          ns,
          "charges",
          f ->
              f.getStatus().getLastRun() != null
                  && !f.getStatus().getLastRun().getId().equals(failedRun)
                  && f.getStatus().getLastRun().getCompletedAt() != null
                  && FlowAssertions.hasReason(
                      f, FlowConditions.READY, FlowConditions.REASON_AVAILABLE));
    } finally {
      stack.simulator().clock().speed(1);
    }
  }

  @Test
  void partialIngestionLetsTheRunLandTheGoodRowsAndStillReportsTheFailedOnes() {
    String ns = stack.isolatedNamespace("partial");
    StripeIngestionFlow flow = failingRecords(ns);
    flow.getSpec().setIngestion(new IngestionSpec(100, null));
    StripeIngestionFlow ready = stack.createAndAwaitReady(flow);
    ObjectNode remote = stack.remote(Kind.FLOW, ready.getStatus().getFlow().getId());
    assertThat(remote.at("/options/partialIngestionPercent").asInt()).isEqualTo(100);
    assertThat(remote.at("/options/errorDiagnosticsEnabled").asBoolean()).isTrue();

    StripeIngestionFlow ran = awaitFinishedRun(ns, "charges");
    var run = ran.getStatus().getLastRun();
    assertThat(run.getStatus()).isEqualTo("success");
    assertThat(run.getRecordsFailed()).isPositive();
    assertThat(run.getRecordsWritten()).isEqualTo(run.getRecordsRead() - run.getRecordsFailed());
    assertThat(run.getErrors())
        .anyMatch(e -> e.startsWith("INGEST-1555-400 (") && e.endsWith(" records)"));
    StripeIngestionFlow notReady =
        stack.awaitReason(ns, "charges", FlowConditions.READY, FlowConditions.REASON_RUN_FAILED);
    assertThat(message(notReady, FlowConditions.READY))
        .contains(run.getRecordsFailed() + " of " + run.getRecordsRead() + " records failed");
  }

  /** No POST to any of these paths reached the sandbox (each checked on its own). */
  private static void assertNothingPosted(String sandbox, String... pathRegexes) {
    for (String path : pathRegexes) {
      assertThat(stack.count(sandbox, "POST", path)).as("POST " + path).isZero();
    }
  }

  private static UnaryOperator<StripeIngestionFlow> addMapping(MappingSpec mapping) {
    return f -> {
      f.getSpec().getMapping().add(mapping);
      return f;
    };
  }
}
