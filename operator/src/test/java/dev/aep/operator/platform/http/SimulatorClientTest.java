package dev.aep.operator.platform.http;

import static dev.aep.operator.platform.http.PlatformSessionFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.platform.BaseConnection;
import dev.aep.operator.platform.BaseConnectionRequest;
import dev.aep.operator.platform.CatalogClient;
import dev.aep.operator.platform.DataPrepClient;
import dev.aep.operator.platform.Dataset;
import dev.aep.operator.platform.DatasetRequest;
import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.FieldGroup;
import dev.aep.operator.platform.FieldGroupRequest;
import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.FlowRequest;
import dev.aep.operator.platform.FlowRun;
import dev.aep.operator.platform.FlowServiceClient;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.Mapping;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.MappingSetRequest;
import dev.aep.operator.platform.MappingSetVersion;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.ScheduleParams;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SchemaRef;
import dev.aep.operator.platform.SchemaRegistryClient;
import dev.aep.operator.platform.SchemaRequest;
import dev.aep.operator.platform.SourceConnection;
import dev.aep.operator.platform.SourceConnectionRequest;
import dev.aep.operator.platform.SourceSchema;
import dev.aep.operator.platform.SpecRef;
import dev.aep.operator.platform.TargetConnection;
import dev.aep.operator.platform.TargetConnectionRequest;
import dev.aep.operator.platform.Transformation;
import dev.aep.operator.testing.SimulatorAccount;
import dev.aep.simulator.Accounts;
import dev.aep.simulator.Faults;
import dev.aep.simulator.Kind;
import dev.aep.simulator.PlatformSimulator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every client method against the Platform simulator over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatorClientTest {

  static final PlatformAccount SIM_ACCOUNT = SimulatorAccount.DEFAULT;
  static final String PROFILE = "https://ns.adobe.com/xdm/context/profile";
  static final String FIELD_GROUP_PREFIX = "https://ns.adobe.com/simtenant/mixins/";

  PlatformSimulator sim;
  HttpPlatform platform;
  PlatformSession session;
  FlowServiceClient fs;
  SchemaRegistryClient schemas;
  CatalogClient catalog;
  DataPrepClient dataPrep;

  @BeforeAll
  void startSimulator() {
    sim = PlatformSimulator.start();
    platform =
        new HttpPlatform(
            PlatformEndpoints.single(sim.baseUrl(), true),
            FakePlatformServer.fastOptions(),
            new SimpleMeterRegistry());
    session = platform.session(SIM_ACCOUNT, "prod");
    fs = session.flowService();
    schemas = session.schemaRegistry();
    catalog = session.catalog();
    dataPrep = session.dataPrep();
  }

  @AfterAll
  void stopSimulator() {
    platform.close();
    sim.close();
  }

  @BeforeEach
  void reset() {
    sim.reset();
  }

  // --- builders of the provisioning chain through the client under test ---

  EntityRef baseConnection(String name) {
    return fs.baseConnections()
        .create(BaseConnectionRequest.stripe(name, "uid-1", "sk_test_abc123"));
  }

  EntityRef sourceConnection(String name, String baseId) {
    return fs.sourceConnections()
        .create(SourceConnectionRequest.stripe(name, "uid-1", baseId, "charges"));
  }

  /** A Profile schema with a tenant field group holding the fields the mappings below write. */
  Schema schema(String title) {
    FieldGroup group =
        schemas.createFieldGroup(
            new FieldGroupRequest(
                title + " fields",
                "uid-1",
                PROFILE,
                Map.of(
                    "_simtenant.stripe.chargeId",
                    "string",
                    "_simtenant.stripe.currency",
                    "string",
                    "_simtenant.stripe.amount",
                    "integer")));
    return schemas.createSchema(new SchemaRequest(title, "uid-1", PROFILE, List.of(group.id())));
  }

  String dataset(String name, Schema schema) {
    return catalog.createDataset(
        new DatasetRequest(name, "uid-1", SchemaRef.forDataset(schema.id()), Map.of()));
  }

  EntityRef targetConnection(String name, Schema schema, String datasetId) {
    return fs.targetConnections()
        .create(
            TargetConnectionRequest.dataLake(
                name, "uid-1", schema.id(), schema.version(), datasetId));
  }

  MappingSetRequest mappings(Schema schema, String name) {
    return new MappingSetRequest(
        name,
        SchemaRef.forMapping(schema.id()),
        List.of(
            Mapping.attribute("data.id", "_simtenant.stripe.chargeId"),
            Mapping.expression("lower(data.currency)", "_simtenant.stripe.currency")));
  }

  /** Deleting {@code id} answers true, the object is gone, and deleting it again answers false. */
  static void assertDeletedOnceThenGone(
      Function<String, Boolean> delete, Function<String, Optional<?>> get, String id) {
    assertThat(delete.apply(id)).as("first delete").isTrue();
    assertThat(get.apply(id)).as("read after the delete").isEmpty();
    assertThat(delete.apply(id)).as("second delete").isFalse();
  }

  /** The whole chain up to a flow starting in one hour, every 15 minutes. */
  record Chain(
      EntityRef base,
      EntityRef source,
      Schema schema,
      String datasetId,
      EntityRef target,
      MappingSetVersion mapping,
      EntityRef flow,
      long startTime) {}

  Chain chain(String name) {
    EntityRef base = baseConnection(name + "-base");
    EntityRef source = sourceConnection(name + "-source", base.id());
    Schema schema = schema(name + " schema");
    String datasetId = dataset(name + "-dataset", schema);
    EntityRef target = targetConnection(name + "-target", schema, datasetId);
    MappingSetVersion mapping = dataPrep.createMappingSet(mappings(schema, name + "-mapping"));
    long start = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
    EntityRef flow =
        fs.flows()
            .create(
                FlowRequest.stripe(
                    name + "-flow",
                    "uid-1",
                    source.id(),
                    target.id(),
                    Transformation.mapping(mapping.id(), mapping.version()),
                    new ScheduleParams("minute", 15, start, true)));
    return new Chain(base, source, schema, datasetId, target, mapping, flow, start);
  }

  /** IMS: token requests and renewal when the simulator expires tokens. */
  @Nested
  class Ims {

    @Test
    void requestTokenReturnsABearerTokenWithExpiresInSeconds() {
      Instant before = Instant.now();
      var token = platform.ims().requestToken(SIM_ACCOUNT);
      assertThat(token.value()).isNotBlank();
      assertThat(token.expiresAt())
          .isAfter(before.plus(Duration.ofHours(23)))
          .isBefore(Instant.now().plus(Duration.ofHours(25)));
    }

    @Test
    void tokenExpiredBehindTheClientsBackIsRenewedOnce() {
      fs.flows().list(ListQuery.all());
      long tokensBefore = sim.requestLog().count(Kind.TOKEN);
      sim.faults().expireTokens();
      assertThat(fs.flows().list(ListQuery.all())).isEmpty();
      assertThat(sim.requestLog().count(Kind.TOKEN) - tokensBefore).isEqualTo(1);
      assertThat(sim.requestLog().entries())
          .filteredOn(e -> e.path().endsWith("/flows"))
          .extracting(e -> e.status())
          .containsExactly(200, 401, 200);
    }

    @Test
    void wrongSecretIsAnAuthFailureFromIms() {
      PlatformAccount wrong =
          new PlatformAccount(
              Accounts.DEFAULT_CLIENT_ID, "not-the-secret", Accounts.DEFAULT_ORG_ID, null, null);
      PlatformException e =
          failure(() -> platform.session(wrong, "prod").flowService().flows().get("f"));
      assertThat(e)
          .extracting(PlatformException::isAuthFailure, PlatformException::service)
          .containsExactly(true, "ims");
    }
  }

  /** Base connections: create, get, list, page, find, patch, delete, explore. */
  @Nested
  class BaseConnections {

    @Test
    void createReturnsIdAndQuotedEtag() {
      EntityRef ref = baseConnection("b");
      assertThat(ref.id()).isNotBlank();
      assertThat(ref.etag()).startsWith("\"").endsWith("\"");
      assertThat(sim.inventory().get(Kind.CONNECTION, ref.id())).isPresent();
    }

    @Test
    void getReadsTheConnectionWithoutCredentials() {
      EntityRef ref = baseConnection("b");
      BaseConnection c = fs.baseConnections().get(ref.id()).orElseThrow();
      assertThat(c.name()).isEqualTo("b");
      assertThat(c.description()).isEqualTo("uid-1");
      assertThat(c.etag()).isEqualTo(ref.etag());
      assertThat(c.connectionSpec().id()).isEqualTo(SpecRef.STRIPE_SOURCE.id());
      assertThat(c.authSpecName()).isEqualTo("OAuth2 Refresh Code");
      assertThat(c.state()).isEqualTo("enabled");
      assertThat(fs.baseConnections().get("00000000-0000-0000-0000-000000000000")).isEmpty();
    }

    @Test
    void listFiltersWithPropertyExpressions() {
      baseConnection("a");
      baseConnection("b");
      assertThat(fs.baseConnections().list(ListQuery.all())).hasSize(2);
      assertThat(fs.baseConnections().list(ListQuery.where("name==b")))
          .extracting(BaseConnection::name)
          .containsExactly("b");
    }

    @Test
    void listFollowsContinuationTokensAcrossPages() {
      for (int i = 0; i < 5; i++) {
        baseConnection("c" + i);
      }
      assertThat(fs.baseConnections().list(ListQuery.all().orderBy("name").limit(2)))
          .extracting(BaseConnection::name)
          .containsExactly("c0", "c1", "c2", "c3", "c4");
      assertThat(
              sim.requestLog()
                  .count(e -> e.method().equals("GET") && e.path().endsWith("/connections")))
          .isEqualTo(3);
    }

    @Test
    void pagedListReturnsOnePageWithAToken() {
      for (int i = 0; i < 3; i++) {
        baseConnection("p" + i);
      }
      Page<BaseConnection> first = fs.baseConnections().listPage(ListQuery.all().limit(2), null);
      assertThat(first.items()).hasSize(2);
      assertThat(first.hasNext()).isTrue();
      Page<BaseConnection> second =
          fs.baseConnections().listPage(ListQuery.all().limit(2), first.nextPageToken());
      assertThat(second.items()).hasSize(1);
      assertThat(second.hasNext()).isFalse();
    }

    @Test
    void findByNameAdoptsAnOrphan() {
      EntityRef ref = baseConnection("sif-ns-name-base");
      baseConnection("other");
      assertThat(fs.baseConnections().findByName("sif-ns-name-base"))
          .extracting(BaseConnection::id)
          .containsExactly(ref.id());
    }

    @Test
    void patchWithCurrentEtagRotatesCredentialsAndRenamesAndStaleEtagIs412() {
      EntityRef ref = baseConnection("b");
      EntityRef patched =
          fs.baseConnections()
              .patch(
                  ref.id(),
                  ref.etag(),
                  List.of(
                      JsonPatchOp.replace("/auth/params", Map.of("accessToken", "sk_test_rotated")),
                      JsonPatchOp.replace("/name", "renamed")));
      assertThat(patched.etag()).isNotEqualTo(ref.etag());
      assertThat(fs.baseConnections().get(ref.id()).orElseThrow().name()).isEqualTo("renamed");
      PlatformException e =
          failure(
              () ->
                  fs.baseConnections()
                      .patch(ref.id(), ref.etag(), List.of(JsonPatchOp.replace("/name", "again"))));
      assertThat(e.isPreconditionFailed()).isTrue();
      assertThat(e.hasErrorCode("1404-412")).isTrue();
    }

    @Test
    void deleteIsRefusedWhileAFlowUsesItThenSucceeds() {
      Chain c = chain("d");
      PlatformException e = failure(() -> fs.baseConnections().delete(c.base().id()));
      assertThat(e.isBadRequest()).isTrue();
      assertThat(e.hasErrorCode("1418-400")).isTrue();
      assertThat(fs.flows().delete(c.flow().id())).isTrue();
      assertThat(fs.sourceConnections().delete(c.source().id())).isTrue();
      assertThat(fs.baseConnections().delete(c.base().id())).isTrue();
      assertThat(fs.baseConnections().delete(c.base().id())).isFalse();
      assertThat(sim.inventory().get(Kind.CONNECTION, c.base().id())).isEmpty();
    }

    @Test
    void exploreListsTheStripeFieldsUnderTheDataRootWithSamples() {
      EntityRef ref = baseConnection("b");
      SourceSchema explored = fs.explore(ref.id(), "charges");
      assertThat(explored.fields())
          .containsKeys("data", "data.id", "data.amount", "data.currency", "data.status");
      assertThat(explored.fields()).containsEntry("data.amount", "integer");
      assertThat(explored.samples()).isNotEmpty();
    }

    @Test
    void exploreWithARejectedStripeKeyIsABadRequest() {
      EntityRef ref = baseConnection("b");
      sim.stripe().rejectToken("sk_test_abc123");
      PlatformException e = failure(() -> fs.explore(ref.id(), "charges"));
      assertThat(e.isBadRequest()).isTrue();
      assertThat(e.getMessage()).doesNotContain("sk_test_abc123");
    }
  }

  /** Source connections: create, get, list, page, find, patch, delete. */
  @Nested
  class SourceConnections {

    @Test
    void createAndGetCarryResourcePathAndBaseConnection() {
      EntityRef base = baseConnection("b");
      EntityRef ref = sourceConnection("s", base.id());
      SourceConnection s = fs.sourceConnections().get(ref.id()).orElseThrow();
      assertThat(s.etag()).isEqualTo(ref.etag());
      assertThat(s.baseConnectionId()).isEqualTo(base.id());
      assertThat(s.resourcePath()).isEqualTo("charges");
      assertThat(s.dataFormat()).isEqualTo("json");
      assertThat(s.connectionSpec()).isEqualTo(SpecRef.STRIPE_SOURCE);
    }

    @Test
    void listFindAndPageFilterByParams() {
      EntityRef base = baseConnection("b");
      sourceConnection("s1", base.id());
      EntityRef s2 = sourceConnection("s2", base.id());
      assertThat(fs.sourceConnections().list(ListQuery.where("baseConnectionId==" + base.id())))
          .hasSize(2);
      assertThat(fs.sourceConnections().list(ListQuery.where("params.resourcePath==charges")))
          .hasSize(2);
      assertThat(fs.sourceConnections().findByName("s2"))
          .extracting(SourceConnection::id)
          .containsExactly(s2.id());
      Page<SourceConnection> page = fs.sourceConnections().listPage(ListQuery.all().limit(1), null);
      assertThat(page.items()).hasSize(1);
      assertThat(page.hasNext()).isTrue();
    }

    @Test
    void patchRenamesAndDeleteRemoves() {
      EntityRef ref = sourceConnection("s", baseConnection("b").id());
      EntityRef patched =
          fs.sourceConnections()
              .patch(ref.id(), ref.etag(), List.of(JsonPatchOp.replace("/description", "new")));
      assertThat(patched.etag()).isNotEqualTo(ref.etag());
      assertThat(fs.sourceConnections().get(ref.id()).orElseThrow().description()).isEqualTo("new");
      assertDeletedOnceThenGone(
          fs.sourceConnections()::delete, fs.sourceConnections()::get, ref.id());
    }
  }

  /** Target connections: create, get, list, page, find, patch, delete. */
  @Nested
  class TargetConnections {

    @Test
    void createAndGetCarrySchemaAndDataset() {
      Schema schema = schema("T");
      String ds = dataset("ds", schema);
      EntityRef ref = targetConnection("t", schema, ds);
      TargetConnection t = fs.targetConnections().get(ref.id()).orElseThrow();
      assertThat(t.dataSetId()).isEqualTo(ds);
      assertThat(t.schemaId()).isEqualTo(schema.id());
      assertThat(t.schemaVersion()).endsWith("version=" + schema.version());
      assertThat(t.dataFormat()).isEqualTo("parquet_xdm");
    }

    @Test
    void listFindPagePatchAndDelete() {
      Schema schema = schema("T");
      String ds = dataset("ds", schema);
      EntityRef t1 = targetConnection("t1", schema, ds);
      targetConnection("t2", schema, ds);
      assertThat(fs.targetConnections().list(ListQuery.where("params.dataSetId==" + ds)))
          .hasSize(2);
      assertThat(fs.targetConnections().findByName("t1"))
          .extracting(TargetConnection::id)
          .containsExactly(t1.id());
      assertThat(fs.targetConnections().listPage(ListQuery.all().limit(1), null).hasNext())
          .isTrue();
      EntityRef patched =
          fs.targetConnections()
              .patch(t1.id(), t1.etag(), List.of(JsonPatchOp.replace("/name", "t1-renamed")));
      assertThat(fs.targetConnections().get(t1.id()).orElseThrow().etag())
          .isEqualTo(patched.etag());
      assertDeletedOnceThenGone(
          fs.targetConnections()::delete, fs.targetConnections()::get, t1.id());
    }
  }

  /** Flows: create, get, list, page, find, patch, enable/disable, delete. */
  @Nested
  class Flows {
    private Chain c;

    @BeforeEach
    void provisionAChain() {
      c = chain("f");
    }

    @Test
    void createAndGetCarryScheduleTransformationsAndConnections() {
      Flow flow = fs.flows().get(c.flow().id()).orElseThrow();
      assertThat(flow.etag()).isEqualTo(c.flow().etag());
      assertThat(flow.isEnabled()).isTrue();
      assertThat(flow.flowSpec()).isEqualTo(SpecRef.STRIPE_FLOW);
      assertThat(flow.sourceConnectionIds()).containsExactly(c.source().id());
      assertThat(flow.targetConnectionIds()).containsExactly(c.target().id());
      assertThat(flow.scheduleParams())
          .isEqualTo(new ScheduleParams("minute", 15, c.startTime(), true));
      assertThat(flow.mapping()).contains(Transformation.mapping(c.mapping().id(), 0));
    }

    @Test
    void listFindAndPage() {
      assertThat(fs.flows().list(ListQuery.where("flowSpec.id==" + SpecRef.STRIPE_FLOW.id())))
          .extracting(Flow::id)
          .containsExactly(c.flow().id());
      assertThat(fs.flows().list(ListQuery.where("sourceConnectionIds[]==" + c.source().id())))
          .hasSize(1);
      assertThat(fs.flows().findByName("f-flow"))
          .extracting(Flow::id)
          .containsExactly(c.flow().id());
      assertThat(fs.flows().findByName("f-flow-other")).isEmpty();
      assertThat(fs.flows().listPage(ListQuery.all().limit(5), null).items()).hasSize(1);
    }

    @Test
    void patchScheduleAndMappingVersionWithIfMatch() {
      MappingSet v1 =
          dataPrep.updateMappingSet(c.mapping().id(), mappings(c.schema(), "f-mapping"));
      EntityRef patched =
          fs.flows()
              .patch(
                  c.flow().id(),
                  c.flow().etag(),
                  List.of(
                      JsonPatchOp.replace("/scheduleParams/interval", 30),
                      JsonPatchOp.replace(
                          "/transformations/0", Transformation.mapping(v1.id(), v1.version())),
                      JsonPatchOp.replace("/description", "uid-1 changed")));
      Flow flow = fs.flows().get(c.flow().id()).orElseThrow();
      assertThat(flow.etag()).isEqualTo(patched.etag());
      assertThat(flow.scheduleParams().interval()).isEqualTo(30);
      assertThat(flow.mapping().orElseThrow().mappingVersion()).isEqualTo(1);
      assertThat(flow.description()).isEqualTo("uid-1 changed");
    }

    @Test
    void patchWithAnEtagChangedBehindTheClientsBackIs412() {
      sim.faults().bumpEtag(Kind.FLOW, c.flow().id());
      PlatformException e =
          failure(
              () ->
                  fs.flows()
                      .patch(
                          c.flow().id(),
                          c.flow().etag(),
                          List.of(JsonPatchOp.replace("/name", "x"))));
      assertThat(e.isPreconditionFailed()).isTrue();
      assertThat(e.errorCode()).isEqualTo("FLOW-1404-412");
    }

    @Test
    void disableAndEnableChangeStateAndEtag() {
      EntityRef disabled = fs.disableFlow(c.flow().id());
      assertThat(disabled.etag()).isNotEqualTo(c.flow().etag());
      // Each action leaves the flow transitional for a while (platform-api.md 16).
      assertThat(fs.flows().get(c.flow().id()).orElseThrow().state()).isEqualTo("disabling");
      sim.clock().advance(Faults.DEFAULT_FLOW_TRANSITION);
      assertThat(fs.flows().get(c.flow().id()).orElseThrow().state()).isEqualTo("disabled");
      EntityRef enabled = fs.enableFlow(c.flow().id());
      sim.clock().advance(Faults.DEFAULT_FLOW_TRANSITION);
      Flow flow = fs.flows().get(c.flow().id()).orElseThrow();
      assertThat(flow.state()).isEqualTo("enabled");
      assertThat(flow.etag()).isEqualTo(enabled.etag());
    }

    @Test
    void deleteRemovesTheFlowAndA404FollowsAsFalse() {
      assertDeletedOnceThenGone(fs.flows()::delete, fs.flows()::get, c.flow().id());
      assertThat(sim.inventory().count(Kind.FLOW)).isZero();
    }
  }

  /** Runs: newest first, paged, by id, with metrics and errors. */
  @Nested
  class Runs {
    private Chain c;

    @BeforeEach
    void provisionAChain() {
      c = chain("r");
    }

    @Test
    void listRunsReturnsTheNewestFirstWithMetrics() {
      sim.clock().advance(Duration.ofHours(1).plusMinutes(40));
      List<FlowRun> runs = fs.listRuns(c.flow().id(), 2);
      assertThat(runs).hasSize(2);
      assertThat(runs.get(0).flowId()).isEqualTo(c.flow().id());
      assertThat(runs.get(0).createdAt()).isAfter(runs.get(1).createdAt());
      FlowRun older = runs.get(1);
      assertThat(older.isTerminal()).isTrue();
      assertThat(older.recordsRead()).isNotNull();
      assertThat(older.startedAt()).isNotNull();
    }

    @Test
    void runsPageAndGetById() {
      sim.clock().advance(Duration.ofHours(1).plusMinutes(40));
      Page<FlowRun> page =
          fs.listRunsPage(ListQuery.where("flowId==" + c.flow().id()).limit(2), null);
      assertThat(page.items()).hasSize(2);
      assertThat(page.hasNext()).isTrue();
      FlowRun first = page.items().get(0);
      assertThat(fs.getRun(first.id())).get().extracting(FlowRun::flowId).isEqualTo(c.flow().id());
      assertThat(fs.getRun("00000000-0000-0000-0000-000000000000")).isEmpty();
    }

    @Test
    void failedRunsCarryTheirErrors() {
      sim.faults().failRuns(true);
      sim.clock().advance(Duration.ofHours(2));
      // The newest run may still be in progress; the newest finished one has failed.
      FlowRun run =
          fs.listRuns(c.flow().id(), 3).stream()
              .filter(FlowRun::isTerminal)
              .findFirst()
              .orElseThrow();
      assertThat(run.isFailed()).isTrue();
      assertThat(run.errors()).isNotEmpty();
    }
  }

  /** Tenant schemas: create, get, find by title, list, page, delete. */
  @Nested
  class Schemas {

    @Test
    void createReturnsIdVersionAndClass() {
      Schema s = schema("Stripe Charges");
      assertThat(s.id()).startsWith("https://ns.adobe.com/simtenant/schemas/");
      assertThat(s.altId()).startsWith("_simtenant.schemas.");
      assertThat(s.version()).isEqualTo("1.0");
      assertThat(s.classId()).isEqualTo(PROFILE);
      assertThat(s.fieldGroupIds()).singleElement().asString().startsWith(FIELD_GROUP_PREFIX);
    }

    @Test
    void duplicateTitleIsABadRequest() {
      schema("Same");
      PlatformException e = failure(() -> schema("Same"));
      assertThat(e.isBadRequest()).isTrue();
      assertThat(e.errorCode()).startsWith("XDM-");
    }

    @Test
    void getByIdOrAltIdReadsTheFullSchema() {
      Schema s = schema("Stripe Charges");
      Schema byId = schemas.getSchema(s.id()).orElseThrow();
      assertThat(byId.title()).isEqualTo("Stripe Charges");
      assertThat(byId.description()).isEqualTo("uid-1");
      assertThat(byId.classId()).isEqualTo(PROFILE);
      assertThat(schemas.getSchema(s.altId()).orElseThrow().id()).isEqualTo(s.id());
      assertThat(schemas.getSchema("https://ns.adobe.com/simtenant/schemas/nope")).isEmpty();
    }

    @Test
    void findByTitleListsAndPages() {
      Schema s = schema("Stripe Charges");
      schema("Stripe Refunds");
      schema("Stripe Prices");
      assertThat(schemas.schemas().findByName("Stripe Charges").stream().findFirst())
          .get()
          .extracting(Schema::id)
          .isEqualTo(s.id());
      assertThat(schemas.schemas().findByName("Missing").stream().findFirst()).isEmpty();
      assertThat(schemas.schemas().list(ListQuery.all().limit(1)))
          .extracting(Schema::title)
          .containsExactly("Stripe Charges", "Stripe Prices", "Stripe Refunds");
      Page<Schema> page = schemas.schemas().listPage(ListQuery.all().limit(2), null);
      assertThat(page.items()).hasSize(2);
      assertThat(page.nextPageToken()).isEqualTo("Stripe Refunds");
    }

    @Test
    void deleteRemovesAndA404FollowsAsFalse() {
      Schema s = schema("Gone");
      assertDeletedOnceThenGone(schemas::deleteSchema, schemas::getSchema, s.id());
    }
  }

  /** Datasets: create, get, find by name, list, page, delete. */
  @Nested
  class Datasets {

    @Test
    void createParsesTheIdAndGetReadsTheKeyedObject() {
      Schema schema = schema("S");
      String id =
          catalog.createDataset(
              new DatasetRequest(
                  "ds",
                  "uid-1",
                  SchemaRef.forDataset(schema.id()),
                  Map.of("managedBy", List.of("uid-1"))));
      assertThat(id).matches("[0-9a-f]{24}");
      Dataset ds = catalog.getDataset(id).orElseThrow();
      assertThat(ds.id()).isEqualTo(id);
      assertThat(ds.name()).isEqualTo("ds");
      assertThat(ds.description()).isEqualTo("uid-1");
      assertThat(ds.schemaRef().id()).isEqualTo(schema.id());
      assertThat(ds.tags()).containsEntry("managedBy", List.of("uid-1"));
      assertThat(catalog.getDataset("5c8c3c555033b814b69f947f")).isEmpty();
    }

    @Test
    void findByNameListAndPage() {
      Schema schema = schema("S");
      String a = dataset("a", schema);
      dataset("b", schema);
      dataset("c", schema);
      assertThat(catalog.datasets().findByName("a")).extracting(Dataset::id).containsExactly(a);
      assertThat(catalog.datasets().list(ListQuery.all().limit(2))).hasSize(3);
      Page<Dataset> page = catalog.datasets().listPage(ListQuery.all().limit(2), null);
      assertThat(page.items()).hasSize(2);
      assertThat(page.nextPageToken()).isEqualTo("2");
      assertThat(catalog.datasets().listPage(ListQuery.all().limit(2), "2").items()).hasSize(1);
    }

    @Test
    void deleteAnswers200AndDeletingAgainIsFalse() {
      String id = dataset("ds", schema("S"));
      assertDeletedOnceThenGone(catalog::deleteDataset, catalog::getDataset, id);
      assertThat(sim.requestLog().entries())
          .filteredOn(e -> e.method().equals("DELETE"))
          .extracting(e -> e.status())
          .containsOnly(200);
    }
  }

  /** Mapping sets: create, versioned get, PUT, find by name, page. */
  @Nested
  class MappingSets {

    @Test
    void createAnswersIdAndVersionZero() {
      MappingSetVersion v = dataPrep.createMappingSet(mappings(schema("S"), "m"));
      assertThat(v.id()).matches("[0-9a-f]{32}");
      assertThat(v.version()).isZero();
      assertThat(sim.requestLog().entries())
          .filteredOn(e -> e.method().equals("POST") && e.path().endsWith("/mappingSets"))
          .extracting(e -> e.status())
          .containsExactly(200);
    }

    @Test
    void putCreatesANewVersionAndOldVersionsStayReadable() {
      Schema schema = schema("S");
      MappingSetVersion v0 = dataPrep.createMappingSet(mappings(schema, "m"));
      MappingSet v1 =
          dataPrep.updateMappingSet(
              v0.id(),
              new MappingSetRequest(
                  "m",
                  SchemaRef.forMapping(schema.id()),
                  List.of(Mapping.attribute("data.amount", "_simtenant.stripe.amount"))));
      assertThat(v1.id()).isEqualTo(v0.id());
      assertThat(v1.version()).isEqualTo(1);
      assertThat(dataPrep.getMappingSet(v0.id(), 0).orElseThrow().mappings())
          .extracting(Mapping::source)
          .containsExactly("data.id", "lower(data.currency)");
      MappingSet latest = dataPrep.getMappingSet(v0.id()).orElseThrow();
      assertThat(latest.version()).isEqualTo(1);
      assertThat(latest.mappings())
          .containsExactly(new Mapping("ATTRIBUTE", "data.amount", "_simtenant.stripe.amount"));
      assertThat(latest.outputSchema().id()).isEqualTo(schema.id());
      assertThat(dataPrep.getMappingSet(v0.id(), 7)).isEmpty();
    }

    @Test
    void expressionMappingsKeepTheirType() {
      MappingSetVersion v = dataPrep.createMappingSet(mappings(schema("S"), "m"));
      assertThat(dataPrep.getMappingSet(v.id(), 0).orElseThrow().mappings())
          .extracting(Mapping::sourceType)
          .containsExactly("ATTRIBUTE", "EXPRESSION");
    }

    @Test
    void findByNameAndPage() {
      Schema schema = schema("S");
      MappingSetVersion a = dataPrep.createMappingSet(mappings(schema, "sif-a"));
      dataPrep.createMappingSet(mappings(schema, "sif-b"));
      assertThat(dataPrep.mappingSets().findByName("sif-a"))
          .extracting(MappingSet::id)
          .containsExactly(a.id());
      assertThat(dataPrep.mappingSets().listPage(ListQuery.all(), null).items()).hasSize(2);
    }
  }
}
