package dev.aep.simulator.api;

import static dev.aep.simulator.api.FlowServiceApi.Collection.CONNECTIONS;
import static dev.aep.simulator.api.FlowServiceApi.Collection.FLOWS;
import static dev.aep.simulator.api.FlowServiceApi.Collection.RUNS;
import static dev.aep.simulator.api.FlowServiceApi.Collection.SOURCE_CONNECTIONS;
import static dev.aep.simulator.api.FlowServiceApi.Collection.TARGET_CONNECTIONS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.Faults;
import dev.aep.simulator.Kind;
import dev.aep.simulator.RunScheduler;
import dev.aep.simulator.SimClock;
import dev.aep.simulator.StripeSource;
import dev.aep.simulator.http.ApiError;
import dev.aep.simulator.http.Caller;
import dev.aep.simulator.http.Json;
import dev.aep.simulator.http.Problems;
import dev.aep.simulator.http.Request;
import dev.aep.simulator.http.Response;
import dev.aep.simulator.http.Route;
import dev.aep.simulator.http.Router;
import dev.aep.simulator.http.Service;
import dev.aep.simulator.store.Entity;
import dev.aep.simulator.store.Store;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Flow Service (platform-api.md 2): base connections with Stripe explore, source and target
 * connections, flows with schedule rules and enable/disable actions, and runs. Every object has a
 * quoted etag that changes on each write; PATCH demands a current If-Match.
 */
public record FlowServiceApi(
    Store store, SimClock clock, StripeSource stripe, RunScheduler scheduler, Faults faults) {
  public static final String STRIPE_CONNECTION_SPEC = "cc2c31d6-7b8c-4581-b49f-5c8698aa3ab3";
  public static final String STRIPE_FLOW_SPEC = "6499120c-0b15-42dc-936e-847ea3c24d72";
  public static final String DATA_LAKE_CONNECTION_SPEC = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";
  public static final String STRIPE_AUTH_SPEC = "OAuth2 Refresh Code";

  /** What GET shows instead of the Stripe key. [INF] Real responses are "a partial view". */
  public static final String MASK = "****************";

  private static final String BASE = Service.FLOW_SERVICE.basePath();
  private static final Set<String> FLOW_SCHEDULE_FIELDS =
      Set.of("frequency", "interval", "startTime", "backfill");

  /** A flow's transitional states (platform-api.md 2.1, 16). */
  public static final String UPDATING = "updating";

  public static final String DISABLING = "disabling";
  public static final String DELETE_FINALIZING = "delete-finalizing";
  private static final Pattern TRANSFORMATION_INDEX =
      Pattern.compile("/transformations/(0|[1-9][0-9]*)");

  /**
   * The Flow Service collections, each described once: its path segment and the kind it stores.
   * Lists, GETs and deletes are the same code for all; what a kind checks on create, PATCH and
   * delete is handed to {@link #crud} beside it.
   */
  enum Collection {
    CONNECTIONS("connections", Kind.CONNECTION),
    SOURCE_CONNECTIONS("sourceConnections", Kind.SOURCE_CONNECTION),
    TARGET_CONNECTIONS("targetConnections", Kind.TARGET_CONNECTION),
    FLOWS("flows", Kind.FLOW),
    RUNS("runs", Kind.RUN);

    final String path;
    final Kind kind;

    Collection(String path, Kind kind) {
      this.path = path;
      this.kind = kind;
    }

    /** A 400 with a documented code about this collection, before an object has an id. */
    ApiError badRequest(String code, String detail) {
      return badRequest(code, detail, null);
    }

    ApiError badRequest(String code, String detail, String id) {
      return Problems.flowBadRequest(code, detail, path, id);
    }
  }

  public void register(Router r) {
    BiConsumer<Request, Entity> none = (req, e) -> {};
    crud(
        r,
        CONNECTIONS,
        this::createConnection,
        req -> patchConnection(req, CONNECTIONS),
        this::refuseDeleteInUse);
    add(r, Kind.EXPLORE, "GET", "/connections/{id}/explore", this::explore);
    add(r, Kind.CONNECTION, "GET", "/connections/{id}/test", this::testConnection);
    crud(
        r,
        SOURCE_CONNECTIONS,
        this::createSourceConnection,
        req -> patchConnection(req, SOURCE_CONNECTIONS),
        none);
    crud(
        r,
        TARGET_CONNECTIONS,
        this::createTargetConnection,
        req -> patchConnection(req, TARGET_CONNECTIONS),
        none);
    crud(r, FLOWS, this::createFlow, this::patchFlow, (req, e) -> refuseWhileBusy(e, "delete"));
    add(r, Kind.ACTION, "POST", "/flows/{id}/action", this::flowAction);
    add(r, Kind.RUN, "GET", "/runs", req -> list(req, RUNS));
    add(r, Kind.RUN, "GET", "/runs/{id}", req -> get(req, RUNS));
  }

  private static void add(Router r, Kind kind, String method, String path, Route.Handler h) {
    r.add(Service.FLOW_SERVICE, kind, method, path, h);
  }

  /**
   * List, create, GET, PATCH and DELETE of a collection: list, GET and DELETE are shared; {@code
   * deleteCheck} throws to refuse a delete.
   */
  private void crud(
      Router r,
      Collection col,
      Route.Handler create,
      Route.Handler patch,
      BiConsumer<Request, Entity> deleteCheck) {
    String path = "/" + col.path;
    add(r, col.kind, "GET", path, req -> list(req, col));
    add(r, col.kind, "POST", path, create);
    add(r, col.kind, "GET", path + "/{id}", req -> get(req, col));
    add(r, col.kind, "PATCH", path + "/{id}", patch);
    add(r, col.kind, "DELETE", path + "/{id}", req -> delete(req, col, deleteCheck));
  }

  // ---- generic reads, deletes ----

  private Response list(Request req, Collection col) {
    finishDeletes(col.kind);
    return FlowLists.answer(
        req, store.list(col.kind, req.caller()).stream().map(this::view).toList(), col.path);
  }

  private Response get(Request req, Collection col) {
    ObjectNode body = Json.obj();
    body.putArray("items").add(view(require(req, col)));
    return Response.json(200, body);
  }

  private Response delete(Request req, Collection col, BiConsumer<Request, Entity> check) {
    Entity e = require(req, col);
    check.accept(req, e);
    store.remove(col.kind, e.id());
    return Response.empty(204);
  }

  /**
   * What a GET shows: a flow in a transitional state shows that state (platform-api.md 16). [INF]
   */
  private ObjectNode view(Entity e) {
    ObjectNode doc = scheduler.present(e);
    String busy = e.kind() == Kind.FLOW ? e.transitionAt(clock.nowMillis()) : null;
    if (busy != null) {
      doc.put("state", busy);
    }
    return doc;
  }

  /**
   * The object the {id} path parameter names in the caller's sandbox, else the collection's 404.
   */
  private Entity require(Request req, Collection col) {
    finishDeletes(col.kind);
    String id = req.param("id");
    return store.find(col.kind, id, req.caller()).orElseThrow(() -> missing(col, id));
  }

  /** The object to PATCH: If-Match is required (1403) and must be its current etag (1404). */
  private Entity requireCurrent(Request req, Collection col) {
    String ifMatch = requireIfMatch(req);
    Entity e = require(req, col);
    checkEtag(ifMatch, e);
    return e;
  }

  /** Flows whose delete-finalizing window has ended are gone (the delete completed). */
  private void finishDeletes(Kind kind) {
    if (kind != Kind.FLOW) {
      return;
    }
    long now = clock.nowMillis();
    for (Entity f : store.all(Kind.FLOW)) {
      if (DELETE_FINALIZING.equals(f.lastTransition()) && f.transitionAt(now) == null) {
        store.remove(Kind.FLOW, f.id());
      }
    }
  }

  /**
   * The answer for a missing object. Flows use the documented FLOW-1439-404 or, when switched,
   * another code the catalogue lists for a missing id: 1439 as 400, or 1101-404 (platform-api.md
   * 2.2). [INF] Connections and runs use 1101-404 ("resource with given id does not exist"), as the
   * exact code is not documented for them.
   */
  private ApiError missing(Collection col, String id) {
    if (col != FLOWS) {
      return Problems.flow(
          "1101-404",
          "Resource not found",
          "The requested " + col.path + " resource " + id + " does not exist.",
          col.path,
          id);
    }
    String code = faults.missingFlowCode();
    return Problems.flow(
        code,
        code.endsWith("-404") ? "Resource not found" : "Bad Request",
        "The requested flows resource "
            + id
            + " is not found. Verify the resource ID before trying again.",
        "flows",
        id);
  }

  /**
   * Refuses a change of a flow in a transitional state with the documented codes (platform-api.md
   * 16): PATCH of a disabling flow 1420, action of an updating flow 1421, other actions 1422, PATCH
   * and DELETE of a delete-finalizing flow 1457 and 1458. [INF] A PATCH of an updating flow answers
   * 1421 (the entity cannot change while updating); DELETE is refused only while delete-finalizing,
   * the one delete refusal the catalogue lists for flows.
   */
  private void refuseWhileBusy(Entity e, String change) {
    String busy = e.transitionAt(clock.nowMillis());
    if (busy == null) {
      return;
    }
    String code =
        switch (change) {
          case "update" ->
              busy.equals(DELETE_FINALIZING)
                  ? "1457-400"
                  : busy.equals(DISABLING) ? "1420-400" : "1421-400";
          case "delete" -> busy.equals(DELETE_FINALIZING) ? "1458-400" : null;
          default -> busy.equals(UPDATING) ? "1421-400" : "1422-400";
        };
    if (code == null) {
      return;
    }
    String detail =
        switch (code) {
          case "1420-400", "1457-400" -> "The entity in state " + busy + " cannot be updated.";
          case "1421-400" -> "The entity in state " + busy + " cannot change state or be updated.";
          case "1458-400" -> "The entity in state " + busy + " cannot be deleted.";
          default -> "Action " + change + " is not allowed in the current state " + busy + ".";
        };
    throw FLOWS.badRequest(code, detail, e.id());
  }

  /** Starts the transitional window after a change, when one is configured. */
  private void startTransition(Entity e, String state) {
    long window = faults.flowTransition().toMillis();
    if (window > 0) {
      e.transition(state, clock.nowMillis() + window);
    }
  }

  // ---- base connections ----

  private Response createConnection(Request req) {
    ObjectNode body = body(req);
    String name = requireText(body, "name");
    ObjectNode spec =
        requireSpec(
            body,
            "connectionSpec",
            true,
            STRIPE_CONNECTION_SPEC,
            ": only the Stripe source is available",
            CONNECTIONS);
    JsonNode auth = body.get("auth");
    if (auth == null
        || !auth.isObject()
        || !Json.hasText(auth, "specName")
        || !auth.path("params").isObject()) {
      throw Problems.flowBadRequest("auth.specName and auth.params are required");
    }
    if (!STRIPE_AUTH_SPEC.equals(auth.get("specName").asText())) {
      throw CONNECTIONS.badRequest(
          "1415-400",
          "AuthSpec name '" + auth.get("specName").asText() + "' not found for the connectionSpec");
    }
    String token = stripeToken(auth.get("params"));
    ObjectNode doc = newDoc(body, name);
    doc.set("connectionSpec", specInfo(spec));
    doc.put("state", "enabled");
    doc.set("auth", maskedAuth());
    return create(
        CONNECTIONS, UUID.randomUUID().toString(), doc, req.caller(), e -> e.secret = token);
  }

  private String stripeToken(JsonNode params) {
    if (params == null || !params.isObject() || !Json.hasText(params, "accessToken")) {
      throw Problems.flowBadRequest("auth.params.accessToken is required for the Stripe source");
    }
    String token = params.get("accessToken").asText();
    if (stripe.isRejected(token)) {
      throw stripeRejected();
    }
    return token;
  }

  /**
   * [INF] What a refused Stripe key looks like: the connector's credential test fails. The real
   * code is undocumented; this uses a Flow Service 400 problem so clients do not mistake it for
   * their own IMS token being bad (which is what 401 means at the gateway).
   */
  private static ApiError stripeRejected() {
    return CONNECTIONS.badRequest(
        "1911-400",
        "Connection test failed: the source rejected the credentials (Stripe: Invalid API Key provided)");
  }

  private static ObjectNode maskedAuth() {
    ObjectNode auth = Json.obj().put("specName", STRIPE_AUTH_SPEC);
    auth.putObject("params").put("accessToken", MASK);
    return auth;
  }

  /**
   * Connection PATCH: /name and /description (DOC:UPD-CONN), never the connectionSpec (1414); a
   * base connection also takes replace /auth/params, a new Stripe key. [INF] Source and target
   * connections take nothing else: the docs advise against changing the connections of a live flow;
   * a new connection pair and flow is the way.
   */
  private Response patchConnection(Request req, Collection col) {
    Entity e = requireCurrent(req, col);
    ObjectNode doc = e.doc().deepCopy();
    String newSecret = null;
    for (JsonPatch.Op op : patchOps(req)) {
      if (op.path().startsWith("/connectionSpec")) {
        throw col.badRequest(
            "1414-400", "The connectionSpec of a connection cannot be updated", e.id());
      } else if (col == CONNECTIONS
          && op.path().equals("/auth/params")
          && op.op().equals("replace")) {
        newSecret = stripeToken(op.value());
      } else if (!namePath(op)) {
        throw notPatchable(op, col.path, e.id());
      } else {
        applyOp(doc, op, col.path, e.id());
      }
    }
    if (newSecret != null) {
      e.secret = newSecret;
    }
    return updated(e, doc, req.caller());
  }

  /** A base connection that flows still use cannot be deleted (1418). */
  private void refuseDeleteInUse(Request req, Entity e) {
    List<String> users =
        store.list(Kind.FLOW, req.caller()).stream()
            .filter(
                f ->
                    PropertyFilter.leaves(
                            f.doc(), "inheritedAttributes.sourceConnections[].baseConnection.id")
                        .contains(e.id()))
            .map(Entity::id)
            .toList();
    if (!users.isEmpty()) {
      throw CONNECTIONS.badRequest(
          "1418-400",
          "The base connection "
              + e.id()
              + " is used by one or more flows "
              + users
              + ". Delete the flows first and try again.",
          e.id());
    }
  }

  private Response explore(Request req) {
    Entity e = require(req, CONNECTIONS);
    String objectType = req.query("objectType");
    if (objectType != null && !objectType.equalsIgnoreCase("rest")) {
      throw Problems.flowBadRequest(
          "objectType " + objectType + " is not supported by the Stripe source; use rest");
    }
    String sourceParams = req.query("sourceParams");
    if (sourceParams == null || sourceParams.isBlank()) {
      throw Problems.flowBadRequest(
          "sourceParams is required: Base64 of {\"resourcePath\": \"...\"}");
    }
    String resourcePath;
    try {
      byte[] raw = Base64.getMimeDecoder().decode(sourceParams.replace('-', '+').replace('_', '/'));
      resourcePath = Json.text(Json.parse(raw), "resourcePath");
    } catch (IllegalArgumentException ex) {
      throw Problems.flowBadRequest("sourceParams is not Base64-encoded JSON");
    }
    if (resourcePath == null || !StripeCatalog.RESOURCE_PATHS.contains(resourcePath)) {
      throw Problems.flowBadRequest(
          "Invalid resourcePath '" + resourcePath + "' for the Stripe source");
    }
    if (stripe.isRejected(e.secret)) {
      throw stripeRejected();
    }
    return Response.json(
        200, StripeCatalog.explore(resourcePath, "true".equalsIgnoreCase(req.query("preview"))));
  }

  private Response testConnection(Request req) {
    Entity e = require(req, CONNECTIONS);
    return Response.json(200, Json.obj().put("result", !stripe.isRejected(e.secret)));
  }

  // ---- source and target connections ----

  private Response createSourceConnection(Request req) {
    ObjectNode body = body(req);
    String name = requireText(body, "name");
    JsonNode data = requireObject(body, "data");
    ObjectNode spec =
        requireSpec(body, "connectionSpec", true, STRIPE_CONNECTION_SPEC, "", SOURCE_CONNECTIONS);
    String baseId = requireText(body, "baseConnectionId");
    Entity base =
        store
            .find(Kind.CONNECTION, baseId, req.caller())
            .orElseThrow(
                () -> Problems.flowBadRequest("Base connection " + baseId + " does not exist"));
    if (!"json".equals(Json.text(data, "format"))) {
      throw Problems.flowBadRequest("data.format must be json for the Stripe source");
    }
    String resourcePath = Json.text(body.path("params"), "resourcePath");
    if (resourcePath == null || !StripeCatalog.RESOURCE_PATHS.contains(resourcePath)) {
      throw Problems.flowBadRequest(
          "params.resourcePath must be one of " + StripeCatalog.RESOURCE_PATHS);
    }
    ObjectNode doc = withData(newDoc(body, name).put("baseConnectionId", baseId), body, data, spec);
    doc.put("providerRefId", UUID.randomUUID().toString());
    ObjectNode inherited = doc.putObject("inheritedAttributes");
    inherited
        .putObject("baseConnection")
        .put("id", baseId)
        .set("connectionSpec", base.doc().get("connectionSpec"));
    return create(SOURCE_CONNECTIONS, UUID.randomUUID().toString(), doc, req.caller(), e -> {});
  }

  private Response createTargetConnection(Request req) {
    ObjectNode body = body(req);
    String name = requireText(body, "name");
    JsonNode data = requireObject(body, "data");
    ObjectNode spec =
        requireSpec(
            body,
            "connectionSpec",
            false,
            DATA_LAKE_CONNECTION_SPEC,
            ": the data lake target is " + DATA_LAKE_CONNECTION_SPEC,
            TARGET_CONNECTIONS);
    if (!"parquet_xdm".equals(Json.text(data, "format"))) {
      throw Problems.flowBadRequest("data.format must be parquet_xdm for the data lake");
    }
    String schemaId = requireText(body, "data.schema.id");
    String dataSetId = requireText(body, "params.dataSetId");
    Entity dataset =
        store
            .find(Kind.DATASET, dataSetId, req.caller())
            .orElseThrow(() -> Problems.flowBadRequest("Dataset " + dataSetId + " does not exist"));
    String datasetSchema = Json.text(dataset.doc().path("schemaRef"), "id");
    if (!schemaId.equals(datasetSchema)) {
      throw TARGET_CONNECTIONS.badRequest(
          "1425-400",
          "Schema "
              + schemaId
              + " differs from the schema "
              + datasetSchema
              + " of dataset "
              + dataSetId);
    }
    ObjectNode doc = withData(newDoc(body, name), body, data, spec);
    return create(TARGET_CONNECTIONS, UUID.randomUUID().toString(), doc, req.caller(), e -> {});
  }

  /**
   * What source and target connections store after their name: data, params, connectionSpec and
   * state.
   */
  private static ObjectNode withData(
      ObjectNode doc, JsonNode body, JsonNode data, ObjectNode spec) {
    doc.set("data", data.deepCopy());
    doc.set("params", body.get("params").deepCopy());
    doc.set("connectionSpec", specInfo(spec));
    return doc.put("state", "enabled");
  }

  // ---- flows ----

  private Response createFlow(Request req) {
    ObjectNode body = body(req);
    if (body.has("state")) {
      throw FLOWS.badRequest("1410-400", "state is not allowed in a create flow request");
    }
    ObjectNode flowSpec = requireSpec(body, "flowSpec", false, STRIPE_FLOW_SPEC, "", FLOWS);
    String name = requireText(body, "name");
    Caller c = req.caller();
    List<Entity> sources = connections(body, "sourceConnectionIds", Kind.SOURCE_CONNECTION, c);
    List<Entity> targets = connections(body, "targetConnectionIds", Kind.TARGET_CONNECTION, c);
    for (Entity s : sources) {
      if (!STRIPE_CONNECTION_SPEC.equals(Json.text(s.doc().path("connectionSpec"), "id"))) {
        throw FLOWS.badRequest(
            "1413-400", "Source connection " + s.id() + " does not match the flow spec");
      }
    }
    for (Entity t : targets) {
      String ds = Json.text(t.doc().path("params"), "dataSetId");
      if (store.find(Kind.DATASET, ds, c).isEmpty()) {
        throw Problems.flowBadRequest(
            "Dataset " + ds + " of target connection " + t.id() + " does not exist");
      }
    }
    JsonNode transformations = body.get("transformations");
    if (transformations == null || !transformations.isArray() || transformations.isEmpty()) {
      throw Problems.flowBadRequest("transformations is required: a Mapping transformation");
    }
    ArrayNode transOut = Json.arr();
    for (JsonNode t : transformations) {
      transOut.add(mapping(t, targets, c));
    }
    ObjectNode schedule = schedule(body.get("scheduleParams"));
    String id = UUID.randomUUID().toString();
    ObjectNode doc = newDoc(body, name);
    doc.set("flowSpec", specInfo(flowSpec));
    doc.put("state", "enabled");
    ArrayNode srcIds = doc.putArray("sourceConnectionIds");
    sources.forEach(s -> srcIds.add(s.id()));
    ArrayNode tgtIds = doc.putArray("targetConnectionIds");
    targets.forEach(t -> tgtIds.add(t.id()));
    ObjectNode inherited = doc.putObject("inheritedAttributes");
    ArrayNode inhSrc = inherited.putArray("sourceConnections");
    for (Entity s : sources) {
      ObjectNode o = inhSrc.addObject().put("id", s.id());
      o.set("connectionSpec", s.doc().get("connectionSpec"));
      String baseId = Json.text(s.doc(), "baseConnectionId");
      ObjectNode b = o.putObject("baseConnection").put("id", baseId);
      b.set(
          "connectionSpec",
          s.doc().path("inheritedAttributes").path("baseConnection").get("connectionSpec"));
    }
    ArrayNode inhTgt = inherited.putArray("targetConnections");
    for (Entity t : targets) {
      inhTgt.addObject().put("id", t.id()).set("connectionSpec", t.doc().get("connectionSpec"));
    }
    doc.set("scheduleParams", schedule);
    doc.set("transformations", transOut);
    doc.put("runs", "/runs?property=flowId==" + id);
    doc.set("lastOperation", lastOperation("create", Json.arr()));
    if (body.has("labels")) {
      doc.set("labels", body.get("labels").deepCopy());
    }
    if (body.has("options")) {
      // [INF] CreateFlowRequest has no options (SPEC:FS); accepted as a PATCH would set them.
      doc.set("options", FlowOptions.normalize(body.get("options")));
    }
    return create(FLOWS, id, doc, c, scheduler::flowEnabled);
  }

  private List<Entity> connections(ObjectNode body, String field, Kind kind, Caller c) {
    JsonNode ids = body.get(field);
    if (ids == null || !ids.isArray() || ids.isEmpty()) {
      throw Problems.flowBadRequest(field + " is required and must not be empty");
    }
    List<Entity> out = new ArrayList<>();
    for (JsonNode n : ids) {
      out.add(
          store
              .find(kind, n.asText(), c)
              .orElseThrow(
                  () ->
                      Problems.flowBadRequest(
                          field + ": connection " + n.asText() + " does not exist")));
    }
    return out;
  }

  /**
   * Validates a Mapping transformation: mapping set and version exist (1412), schemas agree (1425).
   */
  private ObjectNode mapping(JsonNode t, List<Entity> targets, Caller c) {
    if (!t.isObject() || !"Mapping".equals(Json.text(t, "name"))) {
      throw Problems.flowBadRequest("only the Mapping transformation is supported");
    }
    String mappingId = Json.text(t.path("params"), "mappingId");
    String versionText = Json.text(t.path("params"), "mappingVersion");
    int version;
    try {
      version = versionText == null ? 0 : Integer.parseInt(versionText.trim());
    } catch (NumberFormatException e) {
      version = -1;
    }
    Entity ms = mappingId == null ? null : store.find(Kind.MAPPING_SET, mappingId, c).orElse(null);
    if (ms == null || version < 0 || version >= ms.versions().size()) {
      throw FLOWS.badRequest(
          "1412-400",
          "Invalid mapping version: mapping set "
              + mappingId
              + " version "
              + versionText
              + " does not exist");
    }
    String mappingSchema = DataPrepApi.outputSchemaId(ms.versions().get(version));
    for (Entity target : targets) {
      String targetSchema = Json.text(target.doc().path("data").path("schema"), "id");
      if (mappingSchema != null && !mappingSchema.equals(targetSchema)) {
        throw FLOWS.badRequest(
            "1425-400",
            "The schema in the target dataset ("
                + targetSchema
                + ") differs from the schema in the mapping ("
                + mappingSchema
                + ")");
      }
    }
    ObjectNode out = Json.obj().put("name", "Mapping");
    // Echoed as a string, the way the documented GET shows it (platform-api.md 2.1).
    out.putObject("params")
        .put("mappingId", mappingId)
        .put("mappingVersion", Integer.toString(version));
    return out;
  }

  private ObjectNode schedule(JsonNode params) {
    try {
      return Schedules.normalize(params, clock.now().getEpochSecond());
    } catch (IllegalArgumentException e) {
      throw Problems.flowBadRequest("Invalid scheduleParams: " + e.getMessage());
    }
  }

  private Response patchFlow(Request req) {
    Entity e = requireCurrent(req, FLOWS);
    refuseWhileBusy(e, "update");
    List<JsonPatch.Op> ops = patchOps(req);
    ObjectNode doc = e.doc().deepCopy();
    ArrayNode applied = Json.arr();
    List<Entity> targets = new ArrayList<>();
    for (JsonNode tid : doc.path("targetConnectionIds")) {
      store.find(Kind.TARGET_CONNECTION, tid.asText(), req.caller()).ifPresent(targets::add);
    }
    for (JsonPatch.Op op : ops) {
      String p = op.path();
      if (TRANSFORMATION_INDEX.matcher(p).matches() && op.op().equals("replace")
          || p.equals("/transformations/-") && op.op().equals("add")) {
        // /transformations/{n} is the array position (JSON Pointer, platform-api.md 16).
        applyOp(
            doc,
            new JsonPatch.Op(op.op(), p, mapping(op.value(), targets, req.caller())),
            "flows",
            e.id());
      } else if (flowPatchable(op)) {
        applyOp(doc, op, "flows", e.id());
      } else {
        throw notPatchable(op, "flows", e.id());
      }
      ObjectNode a = applied.addObject().put("op", op.op()).put("path", p);
      if (op.value() != null) {
        a.set("value", op.value());
      }
    }
    if (doc.has("options")) {
      doc.set("options", FlowOptions.normalize(doc.get("options")));
    }
    ObjectNode oldSchedule = (ObjectNode) e.doc().get("scheduleParams");
    ObjectNode newSchedule = schedule(doc.get("scheduleParams"));
    long now = clock.nowMillis();
    if (!Json.text(oldSchedule, "startTime").equals(Json.text(newSchedule, "startTime"))
        && Schedules.startMillis(oldSchedule) <= now) {
      throw Problems.flowBadRequest(
          "scheduleParams.startTime cannot be changed once the start time has passed");
    }
    doc.set("scheduleParams", newSchedule);
    doc.set("lastOperation", lastOperation("update", applied));
    Response resp = updated(e, doc, req.caller());
    startTransition(e, UPDATING);
    if (!oldSchedule.equals(newSchedule) && "enabled".equals(Json.text(doc, "state"))) {
      scheduler.flowEnabled(e);
    }
    return resp;
  }

  /**
   * Flow fields a PATCH may change as sent: /name and /description, the schedule fields, add
   * /labels, and /options; add /options and add /options/errorDiagnosticsEnabled are documented
   * [DOC:PARTIAL].
   */
  private static boolean flowPatchable(JsonPatch.Op op) {
    String p = op.path();
    return namePath(op)
        || p.startsWith("/scheduleParams/") && FLOW_SCHEDULE_FIELDS.contains(p.substring(16))
        || p.equals("/labels") && op.op().equals("add")
        || p.equals("/options")
        || p.startsWith("/options/");
  }

  private ObjectNode lastOperation(String operation, ArrayNode ops) {
    long now = clock.nowMillis();
    ObjectNode lo = Json.obj().put("started", now).put("updated", now).put("percentCompleted", 100);
    lo.putObject("status").put("value", "completed").putArray("errors");
    lo.set("ops", ops);
    lo.put("operation", operation);
    return lo;
  }

  /**
   * POST /flows/{id}/action?op=enable|disable. [INF] op is matched case-insensitively, subOp is
   * optional, If-Match is optional but must be current when sent; repeating the current state is
   * accepted and still counts as a write (new etag).
   */
  private Response flowAction(Request req) {
    String op = req.query("op");
    if (op == null || op.isBlank()) {
      throw Problems.flowBadRequest("query parameter op is required (enable or disable)");
    }
    String o = op.toLowerCase(Locale.ROOT);
    if (!o.equals("enable") && !o.equals("disable")) {
      throw FLOWS.badRequest(
          "1422-400", "Action " + op + " is not allowed on a source flow", req.param("id"));
    }
    String subOp = req.query("subOp");
    if (subOp != null && subOp.equalsIgnoreCase("progress")) {
      throw FLOWS.badRequest(
          "1436-400", "subOp PROGRESS is unsupported for op " + op, req.param("id"));
    }
    Entity e = require(req, FLOWS);
    String ifMatch = req.header("If-Match");
    if (ifMatch != null) {
      checkEtag(ifMatch, e);
    }
    refuseWhileBusy(e, o);
    ObjectNode doc = e.doc().deepCopy();
    doc.put("state", o.equals("enable") ? "enabled" : "disabled");
    Response resp = updated(e, doc, req.caller());
    // [INF] Enabling passes through updating (2.1 lists "enabling" only for connections).
    startTransition(e, o.equals("enable") ? UPDATING : DISABLING);
    if (o.equals("enable")) {
      scheduler.flowEnabled(e);
    } else {
      scheduler.flowDisabled(e);
    }
    return resp;
  }

  // ---- shared helpers ----

  /** A new object's document: its name and, when sent, its description. */
  private static ObjectNode newDoc(JsonNode body, String name) {
    ObjectNode doc = Json.obj().put("name", name);
    if (body.hasNonNull("description")) {
      doc.put("description", body.get("description").asText());
    }
    return doc;
  }

  /**
   * Stores a new object with the server-set fields (id, timestamps, creator, sandbox, etag), lets
   * {@code then} finish it (a secret, a schedule) and answers 201 {id, etag} with its Location.
   */
  private Response create(
      Collection col, String id, ObjectNode doc, Caller c, Consumer<Entity> then) {
    long now = clock.nowMillis();
    ObjectNode out = Json.obj().put("id", id);
    out.setAll(doc);
    out.put("createdAt", now).put("updatedAt", now);
    out.put("createdBy", c.userId()).put("updatedBy", c.userId());
    out.put("createdClient", c.clientId()).put("updatedClient", c.clientId());
    out.put("sandboxId", sandboxId(c)).put("sandboxName", c.sandbox()).put("imsOrgId", c.orgId());
    String etag = store.newEtag(now);
    out.put("etag", etag).put("version", etag);
    Entity e = store.create(col.kind, id, c, out);
    then.accept(e);
    return Response.json(201, Json.obj().put("id", id).put("etag", etag))
        .withHeader("Location", BASE + "/" + col.path + "/" + id);
  }

  public static String sandboxId(Caller c) {
    return UUID.nameUUIDFromBytes((c.orgId() + "/" + c.sandbox()).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** Stores the new document with a new etag and answers 200 {id, etag}. */
  private Response updated(Entity e, ObjectNode doc, Caller c) {
    long now = clock.nowMillis();
    String etag = store.newEtag(now);
    doc.put("updatedAt", now).put("updatedBy", c.userId()).put("updatedClient", c.clientId());
    doc.put("etag", etag).put("version", etag);
    e.doc(doc);
    return Response.json(200, Json.obj().put("id", e.id()).put("etag", etag));
  }

  private static String requireIfMatch(Request req) {
    String ifMatch = req.header("If-Match");
    if (ifMatch == null || ifMatch.isBlank()) {
      throw Problems.flowBadRequest("1403-400", "The header 'If-Match' is missing", null, null);
    }
    return ifMatch;
  }

  /** Compares after stripping W/ and surrounding quotes, so both documented forms work (2.8). */
  private static void checkEtag(String ifMatch, Entity e) {
    String current = Json.text(e.doc(), "etag");
    if (!bare(ifMatch).equals(bare(current))) {
      throw Problems.flow(
          "1404-412",
          "Precondition Failed",
          "Supplied version=["
              + ifMatch
              + "] does not match the current version on entity=["
              + current
              + "]",
          null,
          e.id());
    }
  }

  private static String bare(String etag) {
    String t = etag.trim();
    if (t.startsWith("W/")) {
      t = t.substring(2);
    }
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      t = t.substring(1, t.length() - 1);
    }
    return t;
  }

  private static List<JsonPatch.Op> patchOps(Request req) {
    if (!req.hasBody()) {
      throw emptyBody();
    }
    List<JsonPatch.Op> ops = JsonPatch.parse(req, why -> invalidPatch(why, null, null));
    for (JsonPatch.Op op : ops) {
      JsonPatch.requireSupported(
          op,
          name ->
              Problems.flowBadRequest(
                  "1434-400",
                  "Unsupported patch operation "
                      + name
                      + ": only add, replace and remove are supported",
                  null,
                  null));
    }
    return ops;
  }

  /**
   * /name may be replaced; /description added, replaced or removed (DOC:UPD-CONN, DOC:UPD-FLOW).
   */
  private static boolean namePath(JsonPatch.Op op) {
    return (op.path().equals("/name") && op.op().equals("replace"))
        || op.path().equals("/description");
  }

  private static ApiError notPatchable(JsonPatch.Op op, String collection, String id) {
    return invalidPatch(
        op.op() + " " + op.path() + " is not supported on " + collection, collection, id);
  }

  private static ApiError invalidPatch(String why, String collection, String id) {
    return Problems.flowBadRequest("1455-400", "Invalid patch instruction: " + why, collection, id);
  }

  private static void applyOp(ObjectNode doc, JsonPatch.Op op, String collection, String id) {
    JsonPatch.apply(doc, op, why -> invalidPatch(why, collection, id));
  }

  private static ObjectNode body(Request req) {
    JsonNode n = req.json(Problems::flowBadRequest);
    if (n == null || n.isNull() || (n.isObject() && n.isEmpty())) {
      throw emptyBody();
    }
    if (!n.isObject()) {
      throw Problems.flowBadRequest("The request body must be a JSON object");
    }
    return (ObjectNode) n;
  }

  private static ApiError emptyBody() {
    return Problems.flowBadRequest("1405-400", "The request body is null or empty", null, null);
  }

  /**
   * The text at a dotted path of the body (e.g. "params.dataSetId"), else 400 "<path> is required".
   */
  private static String requireText(JsonNode body, String path) {
    int dot = path.lastIndexOf('.');
    JsonNode parent = dot < 0 ? body : body.at("/" + path.substring(0, dot).replace('.', '/'));
    String text = Json.text(parent, path.substring(dot + 1));
    if (text == null || text.isBlank()) {
      throw Problems.flowBadRequest(path + " is required");
    }
    return text;
  }

  private static JsonNode requireObject(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || !n.isObject()) {
      throw Problems.flowBadRequest(field + " is required");
    }
    return n;
  }

  /**
   * A {id, version} spec reference naming the one spec the collection takes, else 1413 ("Invalid
   * connection spec id ..." for connectionSpec, "Invalid flow spec id ..." for flowSpec, then
   * {@code hint}). SpecInfoDTO marks both fields required, other bodies only the id.
   */
  private static ObjectNode requireSpec(
      JsonNode body,
      String field,
      boolean versionRequired,
      String expected,
      String hint,
      Collection col) {
    JsonNode n = requireObject(body, field);
    if (!Json.hasText(n, "id")) {
      throw Problems.flowBadRequest(field + ".id is required");
    }
    if (versionRequired && !Json.hasText(n, "version")) {
      throw Problems.flowBadRequest(field + ".version is required");
    }
    String id = n.get("id").asText();
    if (!expected.equals(id)) {
      throw col.badRequest(
          "1413-400", "Invalid " + field.replace("Spec", "") + " spec id " + id + hint);
    }
    return (ObjectNode) n;
  }

  /** The stored spec reference: the id and the version sent, "1.0" when none was. */
  private static ObjectNode specInfo(ObjectNode spec) {
    return Json.obj()
        .put("id", spec.get("id").asText())
        .put("version", spec.hasNonNull("version") ? spec.get("version").asText() : "1.0");
  }
}
