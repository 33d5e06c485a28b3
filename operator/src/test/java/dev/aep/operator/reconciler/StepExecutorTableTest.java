package dev.aep.operator.reconciler;

import static dev.aep.operator.reconciler.StepExecutorTableTest.Row.CLEANUP_DELETE;
import static dev.aep.operator.reconciler.StepExecutorTableTest.Row.CLEANUP_DELETE_MANAGED;
import static dev.aep.operator.reconciler.StepExecutorTableTest.Row.CLEANUP_ORPHAN;
import static dev.aep.operator.reconciler.StepExecutorTableTest.Row.CRASH_ADOPTED;
import static dev.aep.operator.reconciler.StepExecutorTableTest.Row.CREATED;
import static dev.aep.operator.reconciler.StepExecutorTableTest.Row.DELETED;
import static dev.aep.operator.reconciler.StepExecutorTableTest.Row.DRIFTED;
import static dev.aep.operator.reconciler.StepExecutorTableTest.Row.IN_SYNC;
import static dev.aep.operator.reconciler.StepExecutorTableTest.Row.SPEC_CHANGED;
import static dev.aep.operator.reconciler.StepExecutorTableTest.Row.STALE_ETAG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.operator.api.v1alpha1.DeletionPolicy;
import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.MappingSpec;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.platform.BaseConnection;
import dev.aep.operator.platform.FieldGroup;
import dev.aep.operator.platform.FieldGroupRequest;
import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.Mapping;
import dev.aep.operator.platform.MappingSetRequest;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.SchemaRef;
import dev.aep.operator.platform.SourceConnection;
import dev.aep.operator.platform.TargetConnection;
import dev.aep.operator.reconciler.ExecutorBench.Call;
import dev.aep.operator.reconciler.ExecutorBench.End;
import dev.aep.operator.reconciler.ExecutorBench.Operator;
import dev.aep.operator.reconciler.ExecutorBench.Pass;
import dev.aep.operator.reconciler.observe.Observation;
import dev.aep.operator.reconciler.steps.FlowSteps;
import dev.aep.operator.reconciler.steps.RemoteObserver;
import dev.aep.operator.reconciler.steps.Step;
import dev.aep.simulator.Kind;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The step executor as a table: for every kind of Platform object a flow owns (rows of {@link Obj},
 * in creation order) and every situation a pass can meet it in ({@link Row}), what the executor
 * does, driven directly ({@link StepExecutor#apply} and {@link StepExecutor#delete}) with the
 * production steps, the production bulk observation and the real HTTP client against the in-process
 * Platform simulator, without Kubernetes. Each cell is one named test; a cell that does not apply
 * to a kind is reported as skipped with the reason the code gives.
 *
 * <pre>
 *                       created  in-sync  drifted  spec-chg  stale-etag  deleted  crash  Delete  Delete+managed  Orphan
 *   base connection       x        x      PATCH      -        412       recreate  adopt   del       del           keep
 *   source connection     x        x      PATCH      -        412       recreate  adopt   del       del           keep
 *   field group           x        x    unseen     PUT        -         unseen    adopt   keep      del           keep
 *   schema                x        x    left       -          -         report    adopt   keep      del           keep
 *   dataset               x        x      -        -          -         recreate  adopt   keep      del           keep
 *   target connection     x        x      PATCH      -        412       recreate  adopt   del       del           keep
 *   mapping set           x        x    left      PUT         -         recreate  adopt   keep      keep          keep
 *   flow                  x        x      PATCH    PATCH      412       recreate  adopt   del       del           keep
 * </pre>
 *
 * Every pass runs on a fresh observation (as after a resync) unless a cell needs a stale one, and
 * every test asserts the outcome a user sees: the ids and etags in status, the objects on the
 * Platform (simulator inventory) and the calls sent (simulator request log with the If-Match header
 * each carried). Nothing waits on time: the operator's clock is fixed, schedules start in 2099 and
 * flows leave {@code updating} at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StepExecutorTableTest {

  /** The kinds of Platform object a flow owns, in the order the executor creates them. */
  enum Obj {
    BASE_CONNECTION("base connection", "baseConnection", Kind.CONNECTION),
    SOURCE_CONNECTION("source connection", "sourceConnection", Kind.SOURCE_CONNECTION),
    FIELD_GROUP("field group", "fieldGroup", Kind.FIELD_GROUP),
    SCHEMA("schema", "schema", Kind.SCHEMA),
    DATASET("dataset", "dataset", Kind.DATASET),
    TARGET_CONNECTION("target connection", "targetConnection", Kind.TARGET_CONNECTION),
    MAPPING_SET("mapping set", "mappingSet", Kind.MAPPING_SET),
    FLOW("flow", "flow", Kind.FLOW);

    final String words;
    final String step;
    final Kind kind;

    Obj(String words, String step, Kind kind) {
      this.words = words;
      this.step = step;
      this.kind = kind;
    }

    /** Flow Service objects carry an etag and are patched with If-Match. */
    boolean flowService() {
      return this == BASE_CONNECTION
          || this == SOURCE_CONNECTION
          || this == TARGET_CONNECTION
          || this == FLOW;
    }

    String recordedId(StripeIngestionFlowStatus s) {
      return switch (this) {
        case BASE_CONNECTION ->
            s.getBaseConnection() == null ? null : s.getBaseConnection().getId();
        case SOURCE_CONNECTION ->
            s.getSourceConnection() == null ? null : s.getSourceConnection().getId();
        case FIELD_GROUP -> s.getFieldGroup() == null ? null : s.getFieldGroup().getId();
        case SCHEMA -> s.getSchema() == null ? null : s.getSchema().getId();
        case DATASET -> s.getDataset() == null ? null : s.getDataset().getId();
        case TARGET_CONNECTION ->
            s.getTargetConnection() == null ? null : s.getTargetConnection().getId();
        case MAPPING_SET -> s.getMappingSet() == null ? null : s.getMappingSet().getId();
        case FLOW -> s.getFlow() == null ? null : s.getFlow().getId();
      };
    }

    /**
     * What status records to tell one state of the object from the next: the etag of a Flow Service
     * object, the version of a registry object or mapping set, nothing for a dataset.
     */
    String recordedEtag(StripeIngestionFlowStatus s) {
      return switch (this) {
        case BASE_CONNECTION -> s.getBaseConnection().getEtag();
        case SOURCE_CONNECTION -> s.getSourceConnection().getEtag();
        case FIELD_GROUP -> s.getFieldGroup().getVersion();
        case SCHEMA -> s.getSchema().getVersion();
        case DATASET -> null;
        case TARGET_CONNECTION -> s.getTargetConnection().getEtag();
        case MAPPING_SET -> String.valueOf(s.getMappingSet().getVersion());
        case FLOW -> s.getFlow().getEtag();
      };
    }

    /** The same for the object as the Platform holds it now (a mapping set's latest version). */
    String remoteEtag(ObjectNode doc) {
      return switch (this) {
        case BASE_CONNECTION, SOURCE_CONNECTION, TARGET_CONNECTION, FLOW ->
            doc.path("etag").asText(null);
        case FIELD_GROUP, SCHEMA, MAPPING_SET -> doc.path("version").asText(null);
        case DATASET -> null;
      };
    }

    @Override
    public String toString() {
      return words;
    }
  }

  /** The situations a pass meets an object in. */
  enum Row {
    CREATED("missing"),
    IN_SYNC("present and in sync"),
    DRIFTED("drifted out of band"),
    SPEC_CHANGED("spec changed"),
    STALE_ETAG("stale etag"),
    DELETED("deleted out of band"),
    CRASH_ADOPTED("unrecorded copy (crash between POST and status write)"),
    CLEANUP_DELETE("cleanup, deletionPolicy Delete"),
    CLEANUP_DELETE_MANAGED("cleanup, Delete + target.deleteManagedOnDelete"),
    CLEANUP_ORPHAN("cleanup, deletionPolicy Orphan");

    final String words;

    Row(String words) {
      this.words = words;
    }
  }

  /**
   * One cell: what the executor does with {@code obj} in situation {@code row}, or why it does not
   * apply.
   */
  record Cell(Obj obj, Row row, String outcome, boolean applies) {
    @Override
    public String toString() {
      return obj.words + ": " + row.words + " -> " + (applies ? outcome : "n/a (" + outcome + ")");
    }
  }

  private static Cell does(Obj obj, Row row, String outcome) {
    return new Cell(obj, row, outcome, true);
  }

  private static Cell na(Obj obj, Row row, String why) {
    return new Cell(obj, row, why, false);
  }

  /** The table, kind by kind. Every (kind, row) pair has exactly one cell. */
  static List<Cell> table() {
    List<Cell> cells = new ArrayList<>();
    for (Obj o : Obj.values()) {
      cells.add(
          does(
              o,
              CREATED,
              "created once, id"
                  + (o == Obj.DATASET ? "" : o.flowService() ? " and etag" : " and version")
                  + " recorded in status"));
      cells.add(
          does(
              o,
              IN_SYNC,
              o == Obj.FIELD_GROUP
                  ? "no write and not even a read (recorded digest)"
                  : "no write"));
    }
    String patchedBack = "one PATCH with If-Match of the current etag";
    cells.add(does(Obj.BASE_CONNECTION, DRIFTED, "renamed: " + patchedBack));
    cells.add(does(Obj.SOURCE_CONNECTION, DRIFTED, "description changed: " + patchedBack));
    cells.add(
        does(
            Obj.FIELD_GROUP,
            DRIFTED,
            "field added: not seen (steady state reads nothing; the registry allows only additions), no write"));
    cells.add(
        does(
            Obj.SCHEMA,
            DRIFTED,
            "description changed: left alone (no If-Match, never patched back), status takes the new version"));
    cells.add(
        na(
            Obj.DATASET,
            DRIFTED,
            "Catalog has no dataset update; the step only checks the dataset's schema"));
    cells.add(does(Obj.TARGET_CONNECTION, DRIFTED, "renamed: " + patchedBack));
    cells.add(
        does(
            Obj.MAPPING_SET,
            DRIFTED,
            "new version PUT: the flow keeps the recorded version (versions never change), no write"));
    cells.add(does(Obj.FLOW, DRIFTED, "schedule changed: " + patchedBack));

    String derived =
        "name and description derive from namespace, name and uid; a new link replaces it";
    cells.add(na(Obj.BASE_CONNECTION, SPEC_CHANGED, derived));
    cells.add(na(Obj.SOURCE_CONNECTION, SPEC_CHANGED, derived));
    cells.add(
        does(
            Obj.FIELD_GROUP,
            SPEC_CHANGED,
            "new destination: one PUT without If-Match, digest and version recorded"));
    cells.add(na(Obj.SCHEMA, SPEC_CHANGED, "target.schema is immutable (CEL rule)"));
    cells.add(na(Obj.DATASET, SPEC_CHANGED, "target.dataset is immutable (CEL rule)"));
    cells.add(na(Obj.TARGET_CONNECTION, SPEC_CHANGED, derived));
    cells.add(
        does(
            Obj.MAPPING_SET,
            SPEC_CHANGED,
            "mapping changed: one PUT (new version), then the flow moves to it with If-Match"));
    cells.add(does(Obj.FLOW, SPEC_CHANGED, "schedule changed: " + patchedBack));

    String staleRetry = "412, re-read, one more PATCH with the new etag";
    cells.add(does(Obj.BASE_CONNECTION, STALE_ETAG, staleRetry));
    cells.add(does(Obj.SOURCE_CONNECTION, STALE_ETAG, staleRetry));
    cells.add(na(Obj.FIELD_GROUP, STALE_ETAG, "replaced by PUT; Schema Registry has no If-Match"));
    cells.add(na(Obj.SCHEMA, STALE_ETAG, "never updated; Schema Registry has no If-Match"));
    cells.add(na(Obj.DATASET, STALE_ETAG, "never updated; Catalog datasets carry no etag"));
    cells.add(does(Obj.TARGET_CONNECTION, STALE_ETAG, staleRetry));
    cells.add(na(Obj.MAPPING_SET, STALE_ETAG, "a PUT makes a new version; Data Prep has no etag"));
    cells.add(does(Obj.FLOW, STALE_ETAG, staleRetry));

    cells.add(
        does(
            Obj.BASE_CONNECTION,
            DELETED,
            "Flow Service refuses (a flow uses it); if it vanished anyway it is recreated, the source connection "
                + "and flow are replaced to use it and the old source connection swept"));
    cells.add(does(Obj.SOURCE_CONNECTION, DELETED, "recreated; the flow is replaced to use it"));
    cells.add(
        does(
            Obj.FIELD_GROUP,
            DELETED,
            "the registry refuses (a schema uses it); if it vanished anyway it is not seen (no read), no write"));
    cells.add(
        does(
            Obj.SCHEMA,
            DELETED,
            "the registry refuses (a dataset uses it); if it vanished anyway it is recreated and the dataset, "
                + "bound to the old schema, is reported InvalidSpec"));
    cells.add(
        does(
            Obj.DATASET,
            DELETED,
            "recreated; the target connection and flow are replaced to use it, the old target swept"));
    cells.add(does(Obj.TARGET_CONNECTION, DELETED, "recreated; the flow is replaced to use it"));
    cells.add(
        does(
            Obj.MAPPING_SET,
            DELETED,
            "Data Prep has no delete; if it vanished anyway it is recreated and the flow moved to it with If-Match"));
    cells.add(does(Obj.FLOW, DELETED, "recreated"));

    for (Obj o : Obj.values()) {
      cells.add(
          does(
              o,
              CRASH_ADOPTED,
              o == Obj.BASE_CONNECTION
                  ? "adopted by name and uid, not duplicated; the Stripe key is pushed again (one PATCH)"
                  : "adopted by name and uid, not duplicated"));
    }
    for (Obj o : Obj.values()) {
      boolean owned = o.flowService();
      cells.add(
          does(
              o,
              CLEANUP_DELETE,
              o == Obj.MAPPING_SET
                  ? "kept (Data Prep has no delete)"
                  : owned
                      ? "deleted, in reverse creation order"
                      : "kept (holds or shapes customer data)"));
      cells.add(
          does(
              o,
              CLEANUP_DELETE_MANAGED,
              o == Obj.MAPPING_SET
                  ? "kept (Data Prep has no delete)"
                  : "deleted, in reverse creation order"));
      cells.add(does(o, CLEANUP_ORPHAN, "kept, and no call at all"));
    }
    return cells;
  }

  /**
   * The cells that apply; the others are checked by {@link
   * #everyKindAndRowHasOneCellAndEveryGapSaysWhy}.
   */
  static Stream<Cell> cells() {
    return table().stream()
        .filter(Cell::applies)
        .sorted(
            (a, b) ->
                a.obj() != b.obj()
                    ? Integer.compare(a.obj().ordinal(), b.obj().ordinal())
                    : Integer.compare(a.row().ordinal(), b.row().ordinal()));
  }

  private ExecutorBench bench;

  @BeforeAll
  void start() {
    bench = new ExecutorBench();
  }

  @AfterAll
  void stop() {
    bench.close();
  }

  @BeforeEach
  void reset() {
    bench.reset();
  }

  @Test
  void everyKindHasExactlyOneCellPerRow() {
    Map<Obj, List<Row>> rows = new LinkedHashMap<>();
    table().forEach(c -> rows.computeIfAbsent(c.obj(), o -> new ArrayList<>()).add(c.row()));
    assertThat(rows.keySet()).containsExactly(Obj.values());
    rows.forEach((obj, r) -> assertThat(r).as(obj.words).containsExactlyInAnyOrder(Row.values()));
    // The table as it ran, in the test's output file: x applies, - does not.
    StringBuilder grid = new StringBuilder(String.format("%-18s", ""));
    for (Row row : Row.values()) {
      grid.append(String.format(" %-3s", row.ordinal() + 1));
    }
    cells()
        .forEach(
            c -> {
              if (c.row().ordinal() == 0) {
                grid.append(String.format("%n%-18s", c.obj().words));
              }
              grid.append(String.format(" %-3s", c.applies() ? "x" : "-"));
            });
    grid.append(String.format("%n"));
    for (Row row : Row.values()) {
      grid.append(String.format("%n%2d %s", row.ordinal() + 1, row.words));
    }
    System.out.println(grid);
  }

  /**
   * Row (d) at its bound: an object that changes under every PATCH is re-read and re-sent
   * maxConflictRetries times, then the pass ends with RemoteConflict; the next pass gets through.
   */
  @Test
  void anObjectThatKeepsChangingEndsThePassWithRemoteConflictAfterTheRetryBound() {
    Operator op = created();
    String id = op.status.getFlow().getId();
    op.flow.getSpec().getSchedule().setInterval(30);
    bench
        .sim
        .faults()
        .failNext(ExecutorBench.MAX_CONFLICT_RETRIES + 1, "PATCH", "/flowservice/flows/" + id, 412);

    Pass refused = op.reconcile();

    assertThat(refused.end()).isEqualTo(End.FAILED);
    assertThat(refused.reason()).isEqualTo(FlowConditions.REASON_REMOTE_CONFLICT);
    assertThat(refused.writes())
        .hasSize(ExecutorBench.MAX_CONFLICT_RETRIES + 1)
        .allSatisfy(
            c -> {
              assertThat(c.method()).isEqualTo("PATCH");
              assertThat(c.status()).isEqualTo(412);
              assertThat(c.ifMatch()).isEqualTo(op.status.getFlow().getEtag());
            });

    Pass next = succeeded(op.reconcile());
    assertOnePatch(next, op.status, Obj.FLOW, id, refused.writes().get(0).ifMatch());
    assertStatusMatchesPlatform(op.status);
  }

  @Test
  void everyKindAndRowHasOneCellAndEveryGapSaysWhy() {
    List<Cell> table = table();
    assertThat(table).hasSize(Obj.values().length * Row.values().length);
    assertThat(table.stream().map(c -> c.obj() + "/" + c.row()).distinct().count())
        .isEqualTo(table.size());
    assertThat(table)
        .filteredOn(c -> !c.applies())
        .allSatisfy(c -> assertThat(c.outcome()).isNotBlank());
  }

  @Test
  void theKindsAreTheExecutorsStepsThatOwnPlatformObjectsInTheirOrder() {
    List<String> names = FlowSteps.tutorialOrder().stream().map(Step::name).toList();
    List<Integer> positions = Stream.of(Obj.values()).map(o -> names.indexOf(o.step)).toList();
    assertThat(positions).doesNotContain(-1).isSorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cells")
  void cell(Cell cell) {
    try {
      switch (cell.row()) {
        case CREATED -> created(cell.obj());
        case IN_SYNC -> inSync(cell.obj());
        case DRIFTED -> drifted(cell.obj());
        case SPEC_CHANGED -> specChanged(cell.obj());
        case STALE_ETAG -> staleEtag(cell.obj());
        case DELETED -> deleted(cell.obj());
        case CRASH_ADOPTED -> crashAdopted(cell.obj());
        case CLEANUP_DELETE, CLEANUP_DELETE_MANAGED, CLEANUP_ORPHAN ->
            cleanup(cell.obj(), cell.row());
      }
    } catch (AssertionError e) {
      // Surefire's report names parameterized tests by index: say which cell failed.
      throw new AssertionError("[" + cell + "] " + e.getMessage(), e);
    }
  }

  // --- rows ---

  private void created(Obj obj) {
    Operator op = bench.new Operator(ExecutorBench.sample());
    Pass pass = succeeded(op.reconcile());

    List<Call> posts = pass.writes(obj.kind);
    assertThat(posts)
        .as("writes of the %s", obj)
        .hasSize(1)
        .allSatisfy(c -> assertThat(c.method()).isEqualTo("POST"));
    String id = obj.recordedId(op.status);
    assertThat(objects(obj)).as("%s on the Platform", obj).containsOnlyKeys(id);
    if (obj != Obj.DATASET) {
      assertThat(obj.recordedEtag(op.status))
          .as("recorded etag/version of the %s", obj)
          .isNotBlank()
          .isEqualTo(obj.remoteEtag(objects(obj).get(id)));
    }
    assertThat(pass.changes())
        .contains(
            obj == Obj.MAPPING_SET
                ? "Created: mapping set " + id + " version 0"
                : "Created: " + obj.words + " " + id);
    assertStatusMatchesPlatform(op.status);
  }

  private void inSync(Obj obj) {
    Operator op = created();
    StripeIngestionFlowStatus before = ExecutorBench.copy(op.status);

    Pass pass = succeeded(op.reconcile());

    assertThat(pass.writes()).as("writes of a pass over an unchanged chain").isEmpty();
    assertThat(obj.recordedId(op.status)).isEqualTo(obj.recordedId(before));
    assertThat(obj == Obj.DATASET ? null : obj.recordedEtag(op.status))
        .isEqualTo(obj == Obj.DATASET ? null : obj.recordedEtag(before));
    if (obj == Obj.FIELD_GROUP) {
      assertThat(pass.of(obj.kind)).as("field group calls in steady state").isEmpty();
    } else {
      assertThat(pass.of(obj.kind)).as("reads of the %s", obj).isNotEmpty();
    }
    assertThat(pass.changes()).isEmpty();
  }

  private void drifted(Obj obj) {
    Operator op = created();
    String id = obj.recordedId(op.status);
    switch (obj) {
      case BASE_CONNECTION, TARGET_CONNECTION -> {
        String wanted = name(obj, id);
        String etag = outOfBand(obj, id, JsonPatchOp.replace("/name", "renamed in the UI"));
        expectOnePatchBack(op, obj, id, etag);
        assertThat(name(obj, id)).isEqualTo(wanted);
      }
      case SOURCE_CONNECTION -> {
        String wanted = objects(obj).get(id).path("description").asText();
        String etag = outOfBand(obj, id, JsonPatchOp.replace("/description", "edited in the UI"));
        expectOnePatchBack(op, obj, id, etag);
        assertThat(objects(obj).get(id).path("description").asText()).isEqualTo(wanted);
      }
      case FLOW -> {
        String etag = outOfBand(obj, id, JsonPatchOp.replace("/scheduleParams/interval", 30));
        assertThat(objects(obj).get(id).path("scheduleParams").path("interval").asText())
            .isEqualTo("30");
        expectOnePatchBack(op, obj, id, etag);
        assertThat(objects(obj).get(id).path("scheduleParams").path("interval").asText())
            .isEqualTo("15");
      }
      case FIELD_GROUP -> {
        FieldGroup group = bench.session.schemaRegistry().getFieldGroup(id).orElseThrow();
        Map<String, String> fields = new HashMap<>(group.fields());
        fields.put("_simtenant.stripe.addedInTheUi", "string");
        bench
            .session
            .schemaRegistry()
            .replaceFieldGroup(
                id,
                new FieldGroupRequest(
                    group.title(), group.description(), group.classIds().get(0), fields));
        Pass pass = succeeded(op.reconcile());
        assertThat(pass.writes()).isEmpty();
        assertThat(pass.of(Kind.FIELD_GROUP)).as("field group calls").isEmpty();
        assertThat(bench.session.schemaRegistry().getFieldGroup(id).orElseThrow().fields())
            .containsKey("_simtenant.stripe.addedInTheUi");
      }
      case SCHEMA -> {
        String before = op.status.getSchema().getVersion();
        rawPatchSchema(id, "Edited in the Platform UI");
        Pass pass = succeeded(op.reconcile());
        assertThat(pass.writes()).isEmpty();
        assertThat(objects(obj).get(id).path("description").asText())
            .isEqualTo("Edited in the Platform UI");
        assertThat(op.status.getSchema().getVersion())
            .isNotEqualTo(before)
            .isEqualTo(objects(obj).get(id).path("version").asText());
      }
      case MAPPING_SET -> {
        MappingSetRequest other =
            new MappingSetRequest(
                "edited in the UI",
                SchemaRef.forMapping(op.status.getSchema().getId()),
                List.of(
                    Mapping.attribute("data.id", "_id"),
                    Mapping.expression(
                        "dformat(data.created * 1000, \"yyyy-MM-dd'T'HH:mm:ss.SSSX\")",
                        "timestamp")));
        assertThat(bench.session.dataPrep().updateMappingSet(id, other).version()).isEqualTo(1);
        Pass pass = succeeded(op.reconcile());
        assertThat(pass.writes()).isEmpty();
        assertThat(op.status.getMappingSet().getVersion()).isZero();
        assertThat(transformation(op.status).path("mappingVersion").asText()).isEqualTo("0");
      }
      case DATASET -> throw new IllegalStateException("not applicable");
    }
    assertStatusMatchesPlatform(op.status);
  }

  private void specChanged(Obj obj) {
    Operator op = created();
    String id = obj.recordedId(op.status);
    switch (obj) {
      case FIELD_GROUP -> {
        String digest = op.status.getFieldGroup().getFieldsDigest();
        op.flow
            .getSpec()
            .getMapping()
            .add(new MappingSpec("data.description", "_tenant.stripe.description"));
        Pass pass = succeeded(op.reconcile());
        List<Call> puts = pass.writes(Kind.FIELD_GROUP);
        assertThat(puts).as("field group writes").hasSize(1);
        assertThat(puts.get(0).method()).isEqualTo("PUT");
        assertThat(decoded(puts.get(0).path())).endsWith(id);
        assertThat(puts.get(0).ifMatch()).as("If-Match of a registry PUT").isNull();
        assertThat(op.status.getFieldGroup().getId()).isEqualTo(id);
        assertThat(op.status.getFieldGroup().getFieldsDigest()).isNotEqualTo(digest);
        assertThat(bench.session.schemaRegistry().getFieldGroup(id).orElseThrow().fields())
            .containsEntry("_simtenant.stripe.description", "string");
        // The mapping set follows with a new version and the flow moves to it.
        assertThat(pass.writes(Kind.MAPPING_SET)).extracting(Call::method).containsExactly("PUT");
        assertThat(op.status.getMappingSet().getVersion()).isEqualTo(1L);
      }
      case MAPPING_SET -> {
        String flowEtag = op.status.getFlow().getEtag();
        op.flow.getSpec().getMapping().stream()
            .filter(m -> m.getSource().equals("lower(data.currency)"))
            .forEach(m -> m.setSource("upper(data.currency)"));
        Pass pass = succeeded(op.reconcile());
        List<Call> puts = pass.writes(Kind.MAPPING_SET);
        assertThat(puts).as("mapping set writes").hasSize(1);
        assertThat(puts.get(0).method()).isEqualTo("PUT");
        assertThat(puts.get(0).path()).endsWith("/mappingSets/" + id);
        assertThat(puts.get(0).ifMatch()).as("If-Match of a Data Prep PUT").isNull();
        assertThat(op.status.getMappingSet().getId()).isEqualTo(id);
        assertThat(op.status.getMappingSet().getVersion()).isEqualTo(1L);
        assertThat(objects(obj).get(id).path("mappings").toString())
            .contains("upper(data.currency)");
        List<Call> flowPatches = pass.writes(Kind.FLOW);
        assertThat(flowPatches).as("flow writes").hasSize(1);
        assertThat(flowPatches.get(0).method()).isEqualTo("PATCH");
        assertThat(flowPatches.get(0).ifMatch()).isEqualTo(flowEtag);
        assertThat(transformation(op.status).path("mappingVersion").asText()).isEqualTo("1");
        assertThat(pass.writes()).hasSize(2);
      }
      case FLOW -> {
        String etag = op.status.getFlow().getEtag();
        op.flow.getSpec().getSchedule().setInterval(30);
        Pass pass = succeeded(op.reconcile());
        assertOnePatch(pass, op.status, obj, id, etag);
        assertThat(objects(obj).get(id).path("scheduleParams").path("interval").asText())
            .isEqualTo("30");
      }
      default -> throw new IllegalStateException("not applicable");
    }
    assertStatusMatchesPlatform(op.status);
  }

  private void staleEtag(Obj obj) {
    Operator op = created();
    String id = obj.recordedId(op.status);
    // Drift the object, let a shared snapshot see it (as another pass's list would), then let
    // someone else write it once more: the pass holds a stale etag.
    JsonPatchOp drift =
        obj == Obj.FLOW
            ? JsonPatchOp.replace("/scheduleParams/interval", 30)
            : JsonPatchOp.replace("/name", "renamed in the UI");
    String seen = outOfBand(obj, id, drift);
    Observation observation = op.observation();
    RemoteObserver observer = observation.open(bench.session).observer();
    switch (obj) {
      case BASE_CONNECTION -> assertThat(observer.get(BaseConnection.KIND, id)).isPresent();
      case SOURCE_CONNECTION -> assertThat(observer.get(SourceConnection.KIND, id)).isPresent();
      case TARGET_CONNECTION -> assertThat(observer.get(TargetConnection.KIND, id)).isPresent();
      case FLOW -> assertThat(observer.get(Flow.KIND, id)).isPresent();
      default -> throw new IllegalStateException("not applicable");
    }
    bench.sim.faults().bumpEtag(obj.kind, id);
    String current = obj.remoteEtag(objects(obj).get(id));
    assertThat(current).isNotEqualTo(seen);

    Pass pass = succeeded(op.reconcile(observation));

    List<Call> patches = pass.writes(obj.kind);
    assertThat(patches)
        .as("writes of the %s", obj)
        .hasSize(2)
        .allSatisfy(
            c -> {
              assertThat(c.method()).isEqualTo("PATCH");
              assertThat(decoded(c.path())).endsWith("/" + id);
            });
    assertThat(patches.get(0).ifMatch()).isEqualTo(seen);
    assertThat(patches.get(0).status()).isEqualTo(412);
    assertThat(patches.get(1).ifMatch()).isEqualTo(current);
    assertThat(patches.get(1).status()).isEqualTo(200);
    assertThat(pass.calls().indexOf(patches.get(1)) - pass.calls().indexOf(patches.get(0)))
        .as("calls between the refused PATCH and the next one (the re-read)")
        .isGreaterThan(1);
    assertThat(pass.writes()).hasSize(2);
    assertThat(pass.changes()).filteredOn(c -> c.startsWith("Updated: ")).hasSize(1);
    assertThat(obj.recordedEtag(op.status))
        .isNotEqualTo(current)
        .isEqualTo(obj.remoteEtag(objects(obj).get(id)));
    assertStatusMatchesPlatform(op.status);
  }

  private void deleted(Obj obj) {
    Operator op = created();
    StripeIngestionFlowStatus before = ExecutorBench.copy(op.status);
    String id = obj.recordedId(before);
    switch (obj) {
      case FIELD_GROUP -> {
        assertThatThrownBy(() -> bench.session.schemaRegistry().deleteFieldGroup(id))
            .isInstanceOfSatisfying(
                PlatformException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
        bench.sim.faults().deleteBehindBack(obj.kind, id);
        Pass pass = succeeded(op.reconcile());
        assertThat(pass.writes()).isEmpty();
        assertThat(pass.of(Kind.FIELD_GROUP)).isEmpty();
        assertThat(op.status.getFieldGroup().getId()).isEqualTo(id);
        return;
      }
      case SCHEMA -> {
        assertThatThrownBy(() -> bench.session.schemaRegistry().deleteSchema(id))
            .isInstanceOfSatisfying(
                PlatformException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
        bench.sim.faults().deleteBehindBack(obj.kind, id);
        Pass pass = op.reconcile();
        assertThat(pass.end()).isEqualTo(End.FAILED);
        assertThat(pass.reason()).isEqualTo(FlowConditions.REASON_INVALID_SPEC);
        assertThat(pass.failure())
            .hasMessageContaining("Dataset " + before.getDataset().getId())
            .hasMessageContaining("cannot change");
        assertThat(pass.writes())
            .extracting(Call::kind, Call::method)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.SCHEMA, "POST"));
        String recreated = op.status.getSchema().getId();
        assertThat(recreated).isNotEqualTo(id);
        assertThat(objects(obj)).containsOnlyKeys(recreated);
        return;
      }
      case BASE_CONNECTION -> {
        assertThatThrownBy(() -> bench.session.flowService().baseConnections().delete(id))
            .isInstanceOfSatisfying(
                PlatformException.class, e -> assertThat(e.errorCode()).contains("1418"));
        bench.sim.faults().deleteBehindBack(obj.kind, id);
      }
      default -> bench.sim.faults().deleteBehindBack(obj.kind, id);
    }
    Pass pass = succeeded(op.reconcile());

    String replacement = obj.recordedId(op.status);
    assertThat(replacement).isNotEqualTo(id);
    assertThat(pass.writes(obj.kind))
        .as("writes of the %s", obj)
        .extracting(Call::method)
        .containsExactly("POST");
    // Whatever linked the old object was replaced, the flow last.
    Set<Obj> replaced =
        switch (obj) {
          case BASE_CONNECTION -> Set.of(Obj.SOURCE_CONNECTION, Obj.FLOW);
          case SOURCE_CONNECTION, TARGET_CONNECTION -> Set.of(Obj.FLOW);
          case DATASET -> Set.of(Obj.TARGET_CONNECTION, Obj.FLOW);
          default -> Set.of();
        };
    for (Obj other : Obj.values()) {
      if (other == obj) {
        continue;
      }
      if (replaced.contains(other)) {
        assertThat(other.recordedId(op.status))
            .as("%s replaced", other)
            .isNotEqualTo(other.recordedId(before));
        assertThat(pass.writes(other.kind))
            .as("writes of the %s", other)
            .extracting(Call::method)
            .containsExactlyInAnyOrder("POST", "DELETE");
        assertThat(deleteOf(pass, other.kind))
            .as("the old %s is deleted", other)
            .satisfies(c -> assertThat(decoded(c.path())).endsWith("/" + other.recordedId(before)));
      } else if (!(obj == Obj.MAPPING_SET && other == Obj.FLOW)) {
        assertThat(other.recordedId(op.status))
            .as("%s kept", other)
            .isEqualTo(other.recordedId(before));
        assertThat(pass.writes(other.kind)).as("writes of the %s", other).isEmpty();
      }
    }
    if (obj == Obj.MAPPING_SET) {
      List<Call> flowWrites = pass.writes(Kind.FLOW);
      assertThat(flowWrites).extracting(Call::method).containsExactly("PATCH");
      assertThat(flowWrites.get(0).ifMatch()).isEqualTo(before.getFlow().getEtag());
      assertThat(transformation(op.status).path("mappingId").asText()).isEqualTo(replacement);
    }
    if (replaced.contains(Obj.FLOW)) {
      // Nothing references a flow: the old one goes before its successor is created.
      List<Call> flowWrites = pass.writes(Kind.FLOW);
      assertThat(flowWrites).extracting(Call::method).containsExactly("DELETE", "POST");
    }
    assertStatusMatchesPlatform(op.status);
  }

  private void crashAdopted(Obj obj) {
    StripeIngestionFlowStatus nothing = new StripeIngestionFlowStatus();
    Map<String, String> made = new LinkedHashMap<>();
    CreationObserver crashAfter =
        (step, id) -> {
          made.put(step, id);
          if (step.equals(obj.step)) {
            throw new ExecutorBench.Crash(step, id);
          }
        };
    Operator first = bench.new Operator(ExecutorBench.sample(), nothing, crashAfter);
    Pass crashed = first.reconcile();
    assertThat(crashed.end()).isEqualTo(End.CRASHED);
    assertThat(first.status.getBaseConnection()).as("status written by the crashed pass").isNull();
    String id = made.get(obj.step);
    assertThat(objects(obj)).containsOnlyKeys(id);

    // A new process starts from the status as it was before the crashed pass.
    Operator restarted =
        bench
        .new Operator(ExecutorBench.sample(), ExecutorBench.copy(nothing), CreationObserver.NONE);
    Pass pass = succeeded(restarted.reconcile());

    assertThat(obj.recordedId(restarted.status)).as("adopted %s", obj).isEqualTo(id);
    assertThat(objects(obj)).containsOnlyKeys(id);
    for (Obj earlier : Obj.values()) {
      if (earlier.ordinal() > obj.ordinal()) {
        assertThat(pass.writes(earlier.kind))
            .as("writes of the %s", earlier)
            .extracting(Call::method)
            .containsExactly("POST");
        continue;
      }
      assertThat(earlier.recordedId(restarted.status)).isEqualTo(made.get(earlier.step));
      if (earlier == Obj.BASE_CONNECTION) {
        // Whether the key reached the adopted connection is unknown after a crash: it is pushed
        // again.
        List<Call> writes = pass.writes(Kind.CONNECTION);
        assertThat(writes).extracting(Call::method).containsExactly("PATCH");
        assertThat(writes.get(0).ifMatch()).isNotNull();
        assertThat(restarted.status.getBaseConnection().getCredentialsVersion())
            .isEqualTo(ExecutorBench.CREDENTIALS.stripeSecretVersion());
      } else {
        assertThat(pass.writes(earlier.kind)).as("writes of the adopted %s", earlier).isEmpty();
      }
    }
    assertStatusMatchesPlatform(restarted.status);
  }

  private void cleanup(Obj obj, Row row) {
    Operator op = created();
    StripeIngestionFlowStatus before = ExecutorBench.copy(op.status);
    switch (row) {
      case CLEANUP_DELETE -> op.flow.getSpec().setDeletionPolicy(DeletionPolicy.DELETE);
      case CLEANUP_DELETE_MANAGED -> {
        op.flow.getSpec().setDeletionPolicy(DeletionPolicy.DELETE);
        op.flow.getSpec().getTarget().setDeleteManagedOnDelete(true);
      }
      case CLEANUP_ORPHAN -> {
        op.flow.getSpec().setDeletionPolicy(DeletionPolicy.ORPHAN);
        op.flow.getSpec().getTarget().setDeleteManagedOnDelete(true);
      }
      default -> throw new IllegalStateException(row.name());
    }

    Pass pass = succeeded(op.cleanup());

    List<Obj> deletes = expectedDeletes(row);
    assertThat(pass.writes()).allSatisfy(c -> assertThat(c.method()).isEqualTo("DELETE"));
    assertThat(pass.writes())
        .as("DELETEs, in order")
        .extracting(Call::kind)
        .containsExactlyElementsOf(deletes.stream().map(o -> o.kind).toList());
    String id = obj.recordedId(before);
    if (deletes.contains(obj)) {
      assertThat(objects(obj)).as("%s on the Platform", obj).isEmpty();
      assertThat(decoded(deleteOf(pass, obj.kind).path())).endsWith("/" + id);
    } else {
      assertThat(objects(obj)).as("%s on the Platform", obj).containsOnlyKeys(id);
    }
    if (row == CLEANUP_ORPHAN) {
      assertThat(pass.calls()).as("calls of an Orphan cleanup").isEmpty();
    }
  }

  /** The kinds cleanup deletes under a policy, in the order it must: the reverse of creation. */
  private static List<Obj> expectedDeletes(Row row) {
    List<Obj> out = new ArrayList<>();
    for (int i = Obj.values().length - 1; i >= 0; i--) {
      Obj o = Obj.values()[i];
      boolean deleted =
          switch (row) {
            case CLEANUP_DELETE -> o.flowService();
            case CLEANUP_DELETE_MANAGED -> o != Obj.MAPPING_SET;
            default -> false;
          };
      if (deleted) {
        out.add(o);
      }
    }
    return out;
  }

  // --- helpers ---

  /** A flow whose first pass created the whole chain. */
  private Operator created() {
    Operator op = bench.new Operator(ExecutorBench.sample());
    succeeded(op.reconcile());
    assertStatusMatchesPlatform(op.status);
    return op;
  }

  private static Pass succeeded(Pass pass) {
    assertThat(pass.end())
        .as("pass ended (%s), calls %s", pass.failure(), pass.calls())
        .isEqualTo(End.SUCCEEDED);
    return pass;
  }

  /** The objects of a kind on the Platform, by id. */
  private Map<String, ObjectNode> objects(Obj obj) {
    return bench.sim.inventory().byId(obj.kind);
  }

  private String name(Obj obj, String id) {
    return objects(obj).get(id).path("name").asText();
  }

  /**
   * Someone else PATCHes a Flow Service object with its current etag; returns the etag it then has.
   */
  private String outOfBand(Obj obj, String id, JsonPatchOp op) {
    String etag = obj.remoteEtag(objects(obj).get(id));
    var flowService = bench.session.flowService();
    var collection =
        switch (obj) {
          case BASE_CONNECTION -> flowService.baseConnections();
          case SOURCE_CONNECTION -> flowService.sourceConnections();
          case TARGET_CONNECTION -> flowService.targetConnections();
          case FLOW -> flowService.flows();
          default -> throw new IllegalArgumentException(obj + " is not a Flow Service object");
        };
    collection.patch(id, etag, List.of(op));
    String now = obj.remoteEtag(objects(obj).get(id));
    assertThat(now).isNotEqualTo(etag);
    return now;
  }

  /** The next pass patches the object back once, with If-Match of the etag it has now. */
  private void expectOnePatchBack(Operator op, Obj obj, String id, String etag) {
    Pass pass = succeeded(op.reconcile());
    assertOnePatch(pass, op.status, obj, id, etag);
  }

  private void assertOnePatch(
      Pass pass, StripeIngestionFlowStatus status, Obj obj, String id, String etag) {
    assertThat(pass.writes()).as("writes").hasSize(1);
    Call patch = pass.writes().get(0);
    assertThat(patch.kind()).isEqualTo(obj.kind);
    assertThat(patch.method()).isEqualTo("PATCH");
    assertThat(patch.path()).endsWith("/" + id);
    assertThat(patch.ifMatch()).as("If-Match").isEqualTo(etag);
    assertThat(patch.status()).isEqualTo(200);
    assertThat(pass.changes())
        .singleElement()
        .asString()
        .startsWith("Updated: " + obj.words + " " + id);
    String now = obj.remoteEtag(objects(obj).get(id));
    assertThat(now).isNotEqualTo(etag);
    assertThat(obj.recordedEtag(status)).as("recorded etag").isEqualTo(now);
  }

  private Call deleteOf(Pass pass, Kind kind) {
    return pass.writes(kind).stream()
        .filter(c -> c.method().equals("DELETE"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no DELETE of " + kind + " in " + pass.calls()));
  }

  private JsonNode transformation(StripeIngestionFlowStatus status) {
    ObjectNode flow = bench.sim.inventory().byId(Kind.FLOW).get(status.getFlow().getId());
    return flow.path("transformations").path(0).path("params");
  }

  /**
   * The schema PATCH the operator never sends, as the Platform UI would (Schema Registry has no
   * If-Match).
   */
  private void rawPatchSchema(String id, String description) {
    String url =
        bench.proxy.baseUrl()
            + "/data/foundation/schemaregistry/tenant/schemas/"
            + URLEncoder.encode(id, StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .method(
                "PATCH",
                HttpRequest.BodyPublishers.ofString(
                    "[{\"op\":\"replace\",\"path\":\"/description\",\"value\":\""
                        + description
                        + "\"}]"))
            .header(
                "Authorization", "Bearer " + bench.platform.tokens().token(ExecutorBench.ACCOUNT))
            .header("x-api-key", ExecutorBench.ACCOUNT.clientId())
            .header("x-gw-ims-org-id", ExecutorBench.ACCOUNT.orgId())
            .header("x-sandbox-name", ExecutorBench.SANDBOX)
            .header("Content-Type", "application/json")
            .build();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("schema PATCH: %s", response.body()).isEqualTo(200);
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static String decoded(String path) {
    return URLDecoder.decode(path, StandardCharsets.UTF_8);
  }

  /**
   * Status and Platform agree: exactly one object of each kind, the one status records, with the
   * recorded etag, and every link between them as status says.
   */
  private void assertStatusMatchesPlatform(StripeIngestionFlowStatus s) {
    Map<Obj, ObjectNode> docs = new LinkedHashMap<>();
    for (Obj o : Obj.values()) {
      String id = o.recordedId(s);
      Map<String, ObjectNode> objects = objects(o);
      assertThat(objects).as("%s on the Platform", o).containsOnlyKeys(id);
      docs.put(o, objects.get(id));
      if (o.flowService()) {
        assertThat(o.recordedEtag(s))
            .as("recorded etag of the %s", o)
            .isEqualTo(o.remoteEtag(objects.get(id)));
      }
    }
    Function<Obj, String> id = o -> o.recordedId(s);
    assertThat(docs.get(Obj.SOURCE_CONNECTION).path("baseConnectionId").asText())
        .isEqualTo(id.apply(Obj.BASE_CONNECTION));
    assertThat(docs.get(Obj.TARGET_CONNECTION).path("params").path("dataSetId").asText())
        .isEqualTo(id.apply(Obj.DATASET));
    assertThat(docs.get(Obj.TARGET_CONNECTION).path("data").path("schema").path("id").asText())
        .isEqualTo(id.apply(Obj.SCHEMA));
    assertThat(docs.get(Obj.DATASET).path("schemaRef").path("id").asText())
        .isEqualTo(id.apply(Obj.SCHEMA));
    assertThat(docs.get(Obj.SCHEMA).path("allOf").toString()).contains(id.apply(Obj.FIELD_GROUP));
    assertThat(docs.get(Obj.FLOW).path("sourceConnectionIds").toString())
        .isEqualTo("[\"" + id.apply(Obj.SOURCE_CONNECTION) + "\"]");
    assertThat(docs.get(Obj.FLOW).path("targetConnectionIds").toString())
        .isEqualTo("[\"" + id.apply(Obj.TARGET_CONNECTION) + "\"]");
    JsonNode mapping = docs.get(Obj.FLOW).path("transformations").path(0).path("params");
    assertThat(mapping.path("mappingId").asText()).isEqualTo(id.apply(Obj.MAPPING_SET));
    assertThat(mapping.path("mappingVersion").asText())
        .isEqualTo(String.valueOf(s.getMappingSet().getVersion()));
    assertThat(s.getFlow().getState()).isEqualTo(docs.get(Obj.FLOW).path("state").asText());
  }
}
