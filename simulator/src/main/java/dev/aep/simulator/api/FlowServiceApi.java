package dev.aep.simulator.api;

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
import java.util.regex.Pattern;

/**
 * Flow Service (platform-api.md 2): base connections with Stripe explore, source and target
 * connections, flows with schedule rules and enable/disable actions, and runs. Every object has
 * a quoted etag that changes on each write; PATCH demands a current If-Match.
 */
public final class FlowServiceApi {
  public static final String STRIPE_CONNECTION_SPEC = "cc2c31d6-7b8c-4581-b49f-5c8698aa3ab3";
  public static final String STRIPE_FLOW_SPEC = "6499120c-0b15-42dc-936e-847ea3c24d72";
  public static final String DATA_LAKE_CONNECTION_SPEC = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";
  public static final String STRIPE_AUTH_SPEC = "OAuth2 Refresh Code";
  /** What GET shows instead of the Stripe key. [INF] Real responses are "a partial view". */
  public static final String MASK = "****************";

  private static final String BASE = Service.FLOW_SERVICE.basePath();
  private static final Set<String> FLOW_SCHEDULE_FIELDS = Set.of("frequency", "interval", "startTime", "backfill");
  /** A flow's transitional states (platform-api.md 2.1, 16). */
  public static final String UPDATING = "updating";
  public static final String DISABLING = "disabling";
  public static final String DELETE_FINALIZING = "delete-finalizing";
  private static final Pattern TRANSFORMATION_INDEX = Pattern.compile("/transformations/(0|[1-9][0-9]*)");

  private final Store store;
  private final SimClock clock;
  private final StripeSource stripe;
  private final RunScheduler scheduler;
  private final Faults faults;

  public FlowServiceApi(Store store, SimClock clock, StripeSource stripe, RunScheduler scheduler, Faults faults) {
    this.store = store;
    this.clock = clock;
    this.stripe = stripe;
    this.scheduler = scheduler;
    this.faults = faults;
  }

  public void register(Router r) {
    add(r, "GET", "/connections", Kind.CONNECTION, false, req -> list(req, Kind.CONNECTION, "connections"));
    add(r, "POST", "/connections", Kind.CONNECTION, true, this::createConnection);
    add(r, "GET", "/connections/{id}", Kind.CONNECTION, false, req -> get(req, Kind.CONNECTION, "connections"));
    add(r, "PATCH", "/connections/{id}", Kind.CONNECTION, true, this::patchConnection);
    add(r, "DELETE", "/connections/{id}", Kind.CONNECTION, true, this::deleteConnection);
    add(r, "GET", "/connections/{id}/explore", Kind.EXPLORE, false, this::explore);
    add(r, "GET", "/connections/{id}/test", Kind.CONNECTION, false, this::testConnection);
    add(r, "GET", "/sourceConnections", Kind.SOURCE_CONNECTION, false,
        req -> list(req, Kind.SOURCE_CONNECTION, "sourceConnections"));
    add(r, "POST", "/sourceConnections", Kind.SOURCE_CONNECTION, true, this::createSourceConnection);
    add(r, "GET", "/sourceConnections/{id}", Kind.SOURCE_CONNECTION, false,
        req -> get(req, Kind.SOURCE_CONNECTION, "sourceConnections"));
    add(r, "PATCH", "/sourceConnections/{id}", Kind.SOURCE_CONNECTION, true,
        req -> patchNamesOnly(req, Kind.SOURCE_CONNECTION, "sourceConnections"));
    add(r, "DELETE", "/sourceConnections/{id}", Kind.SOURCE_CONNECTION, true,
        req -> delete(req, Kind.SOURCE_CONNECTION, "sourceConnections"));
    add(r, "GET", "/targetConnections", Kind.TARGET_CONNECTION, false,
        req -> list(req, Kind.TARGET_CONNECTION, "targetConnections"));
    add(r, "POST", "/targetConnections", Kind.TARGET_CONNECTION, true, this::createTargetConnection);
    add(r, "GET", "/targetConnections/{id}", Kind.TARGET_CONNECTION, false,
        req -> get(req, Kind.TARGET_CONNECTION, "targetConnections"));
    add(r, "PATCH", "/targetConnections/{id}", Kind.TARGET_CONNECTION, true,
        req -> patchNamesOnly(req, Kind.TARGET_CONNECTION, "targetConnections"));
    add(r, "DELETE", "/targetConnections/{id}", Kind.TARGET_CONNECTION, true,
        req -> delete(req, Kind.TARGET_CONNECTION, "targetConnections"));
    add(r, "GET", "/flows", Kind.FLOW, false, req -> list(req, Kind.FLOW, "flows"));
    add(r, "POST", "/flows", Kind.FLOW, true, this::createFlow);
    add(r, "GET", "/flows/{id}", Kind.FLOW, false, req -> get(req, Kind.FLOW, "flows"));
    add(r, "PATCH", "/flows/{id}", Kind.FLOW, true, this::patchFlow);
    add(r, "DELETE", "/flows/{id}", Kind.FLOW, true, this::deleteFlow);
    add(r, "POST", "/flows/{id}/action", Kind.ACTION, true, this::flowAction);
    add(r, "GET", "/runs", Kind.RUN, false, req -> list(req, Kind.RUN, "runs"));
    add(r, "GET", "/runs/{id}", Kind.RUN, false, req -> get(req, Kind.RUN, "runs"));
  }

  private static void add(Router r, String method, String path, Kind kind, boolean write, Route.Handler h) {
    r.add(new Route(method, BASE + path, Service.FLOW_SERVICE, kind, write, h));
  }

  // ---- generic reads, deletes ----

  private Response list(Request req, Kind kind, String collection) {
    finishDeletes(kind);
    List<ObjectNode> docs = new ArrayList<>();
    for (Entity e : store.list(kind, req.caller())) {
      docs.add(view(e));
    }
    return FlowLists.answer(req, docs, collection);
  }

  private Response get(Request req, Kind kind, String collection) {
    Entity e = require(kind, req.param("id"), req.caller(), collection);
    ObjectNode body = Json.obj();
    body.putArray("items").add(view(e));
    return Response.json(200, body);
  }

  private Response delete(Request req, Kind kind, String collection) {
    Entity e = require(kind, req.param("id"), req.caller(), collection);
    store.remove(kind, e.id());
    return Response.empty(204);
  }

  /** What a GET shows: a flow in a transitional state shows that state (platform-api.md 16). [INF] */
  private ObjectNode view(Entity e) {
    ObjectNode doc = scheduler.present(e);
    String busy = e.kind() == Kind.FLOW ? e.transitionAt(clock.nowMillis()) : null;
    if (busy != null) {
      doc.put("state", busy);
    }
    return doc;
  }

  private Entity require(Kind kind, String id, Caller caller, String collection) {
    finishDeletes(kind);
    return store.find(kind, id, caller).orElseThrow(() -> missing(collection, id));
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

  /** The 404 (or, when switched, 400) of a missing object; flows answer with the chosen code. */
  private ApiError missing(String collection, String id) {
    if (!collection.equals("flows")) {
      return notFound(collection, id);
    }
    String code = faults.missingFlowCode();
    if (code.equals(Faults.DEFAULT_MISSING_FLOW_CODE)) {
      return Problems.flowNotFound(collection, id);
    }
    // The catalogue lists 1439 as 400 and 1101-404 for any missing id (platform-api.md 2.2).
    return Problems.flow(code, code.endsWith("-404") ? "Resource not found" : "Bad Request",
        "The requested " + collection + " resource " + id + " is not found. Verify the resource ID before trying again.",
        collection, id);
  }

  /**
   * Refuses a change of a flow in a transitional state with the documented codes (platform-api.md
   * 16): PATCH of a disabling flow 1420, action of an updating flow 1421, other actions 1422,
   * PATCH and DELETE of a delete-finalizing flow 1457 and 1458. [INF] A PATCH of an updating flow
   * answers 1421 (the entity cannot change while updating); DELETE is refused only while
   * delete-finalizing, the one delete refusal the catalogue lists for flows.
   */
  private void refuseWhileBusy(Entity e, String change) {
    String busy = e.transitionAt(clock.nowMillis());
    if (busy == null) {
      return;
    }
    String code = switch (change) {
      case "update" -> busy.equals(DELETE_FINALIZING) ? "1457-400" : busy.equals(DISABLING) ? "1420-400" : "1421-400";
      case "delete" -> busy.equals(DELETE_FINALIZING) ? "1458-400" : null;
      default -> busy.equals(UPDATING) ? "1421-400" : "1422-400";
    };
    if (code == null) {
      return;
    }
    String detail = switch (code) {
      case "1420-400" -> "The entity in state " + busy + " cannot be updated.";
      case "1421-400" -> "The entity in state " + busy + " cannot change state or be updated.";
      case "1457-400" -> "The entity in state " + busy + " cannot be updated.";
      case "1458-400" -> "The entity in state " + busy + " cannot be deleted.";
      default -> "Action " + change + " is not allowed in the current state " + busy + ".";
    };
    throw Problems.flow(code, "Bad Request", detail, "flows", e.id());
  }

  /** Starts the transitional window after a change, when one is configured. */
  private void startTransition(Entity e, String state) {
    long window = faults.flowTransition().toMillis();
    if (window > 0) {
      e.transition(state, clock.nowMillis() + window);
    }
  }

  /**
   * 404 body. Flows use the documented FLOW-1439-404; [INF] connections and runs use 1101-404
   * ("resource with given id does not exist"), as the exact code is not documented for them.
   */
  static ApiError notFound(String collection, String id) {
    if (collection.equals("flows")) {
      return Problems.flowNotFound(collection, id);
    }
    return Problems.flow(
        "1101-404", "Resource not found",
        "The requested " + collection + " resource " + id + " does not exist.", collection, id);
  }

  // ---- base connections ----

  private Response createConnection(Request req) {
    ObjectNode body = body(req);
    String name = requireText(body, "name");
    ObjectNode spec = requireSpec(body, "connectionSpec", true);
    if (!STRIPE_CONNECTION_SPEC.equals(spec.get("id").asText())) {
      throw Problems.flow("1413-400", "Bad Request",
          "Invalid connection spec id " + spec.get("id").asText() + ": only the Stripe source is available",
          "connections", null);
    }
    JsonNode auth = body.get("auth");
    if (auth == null || !auth.isObject() || !Json.hasText(auth, "specName") || !auth.path("params").isObject()) {
      throw Problems.flowBadRequest("auth.specName and auth.params are required");
    }
    if (!STRIPE_AUTH_SPEC.equals(auth.get("specName").asText())) {
      throw Problems.flow("1415-400", "Bad Request",
          "AuthSpec name '" + auth.get("specName").asText() + "' not found for the connectionSpec", "connections", null);
    }
    String token = stripeToken(auth.get("params"));
    Caller c = req.caller();
    String id = UUID.randomUUID().toString();
    ObjectNode doc = Json.obj().put("name", name);
    copyText(body, doc, "description");
    doc.set("connectionSpec", specInfo(spec));
    doc.put("state", "enabled");
    doc.set("auth", maskedAuth());
    Entity e = store.create(Kind.CONNECTION, id, c, serverFields(doc, id, c));
    e.secret(token);
    return created(e);
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
  static ApiError stripeRejected() {
    return Problems.flow("1911-400", "Bad Request",
        "Connection test failed: the source rejected the credentials (Stripe: Invalid API Key provided)",
        "connections", null);
  }

  private static ObjectNode maskedAuth() {
    ObjectNode auth = Json.obj().put("specName", STRIPE_AUTH_SPEC);
    auth.putObject("params").put("accessToken", MASK);
    return auth;
  }

  private Response patchConnection(Request req) {
    String ifMatch = requireIfMatch(req);
    Entity e = require(Kind.CONNECTION, req.param("id"), req.caller(), "connections");
    checkEtag(ifMatch, e);
    List<JsonPatch.Op> ops = patchOps(req);
    ObjectNode doc = e.doc().deepCopy();
    String newSecret = null;
    for (JsonPatch.Op op : ops) {
      String path = op.path();
      if (path.startsWith("/connectionSpec")) {
        throw Problems.flow("1414-400", "Bad Request", "The connectionSpec of a connection cannot be updated",
            "connections", e.id());
      } else if (path.equals("/auth/params") && op.op().equals("replace")) {
        newSecret = stripeToken(op.value());
      } else if (!namePath(op)) {
        throw notPatchable(op, "connections", e.id());
      } else {
        applyOp(doc, op, "connections", e.id());
      }
    }
    doc.set("auth", maskedAuth());
    if (newSecret != null) {
      e.secret(newSecret);
    }
    return updated(e, doc, req.caller());
  }

  private Response deleteConnection(Request req) {
    Entity e = require(Kind.CONNECTION, req.param("id"), req.caller(), "connections");
    List<String> users = new ArrayList<>();
    for (Entity f : store.list(Kind.FLOW, req.caller())) {
      if (PropertyFilter.leaves(f.doc(), "inheritedAttributes.sourceConnections[].baseConnection.id")
          .contains(e.id())) {
        users.add(f.id());
      }
    }
    if (!users.isEmpty()) {
      throw Problems.flow("1418-400", "Bad Request",
          "The base connection " + e.id() + " is used by one or more flows " + users
              + ". Delete the flows first and try again.", "connections", e.id());
    }
    store.remove(Kind.CONNECTION, e.id());
    return Response.empty(204);
  }

  private Response explore(Request req) {
    Entity e = require(Kind.CONNECTION, req.param("id"), req.caller(), "connections");
    String objectType = req.query("objectType");
    if (objectType != null && !objectType.equalsIgnoreCase("rest")) {
      throw Problems.flowBadRequest("objectType " + objectType + " is not supported by the Stripe source; use rest");
    }
    String sourceParams = req.query("sourceParams");
    if (sourceParams == null || sourceParams.isBlank()) {
      throw Problems.flowBadRequest("sourceParams is required: Base64 of {\"resourcePath\": \"...\"}");
    }
    String resourcePath;
    try {
      byte[] raw = Base64.getMimeDecoder().decode(sourceParams.replace('-', '+').replace('_', '/'));
      resourcePath = Json.text(Json.parse(raw), "resourcePath");
    } catch (IllegalArgumentException ex) {
      throw Problems.flowBadRequest("sourceParams is not Base64-encoded JSON");
    }
    if (resourcePath == null || !StripeCatalog.RESOURCE_PATHS.contains(resourcePath)) {
      throw Problems.flowBadRequest("Invalid resourcePath '" + resourcePath + "' for the Stripe source");
    }
    if (stripe.isRejected(e.secret())) {
      throw stripeRejected();
    }
    return Response.json(200, StripeCatalog.explore(resourcePath, "true".equalsIgnoreCase(req.query("preview"))));
  }

  private Response testConnection(Request req) {
    Entity e = require(Kind.CONNECTION, req.param("id"), req.caller(), "connections");
    return Response.json(200, Json.obj().put("result", !stripe.isRejected(e.secret())));
  }

  // ---- source and target connections ----

  private Response createSourceConnection(Request req) {
    ObjectNode body = body(req);
    String name = requireText(body, "name");
    JsonNode data = requireObject(body, "data");
    ObjectNode spec = requireSpec(body, "connectionSpec", true);
    if (!STRIPE_CONNECTION_SPEC.equals(spec.get("id").asText())) {
      throw Problems.flow("1413-400", "Bad Request", "Invalid connection spec id " + spec.get("id").asText(),
          "sourceConnections", null);
    }
    String baseId = requireText(body, "baseConnectionId");
    Entity base = store.find(Kind.CONNECTION, baseId, req.caller())
        .orElseThrow(() -> Problems.flowBadRequest("Base connection " + baseId + " does not exist"));
    if (!"json".equals(Json.text(data, "format"))) {
      throw Problems.flowBadRequest("data.format must be json for the Stripe source");
    }
    String resourcePath = Json.text(body.path("params"), "resourcePath");
    if (resourcePath == null || !StripeCatalog.RESOURCE_PATHS.contains(resourcePath)) {
      throw Problems.flowBadRequest("params.resourcePath must be one of " + StripeCatalog.RESOURCE_PATHS);
    }
    Caller c = req.caller();
    String id = UUID.randomUUID().toString();
    ObjectNode doc = Json.obj().put("name", name);
    copyText(body, doc, "description");
    doc.put("baseConnectionId", baseId);
    doc.set("data", data.deepCopy());
    doc.set("params", body.get("params").deepCopy());
    doc.set("connectionSpec", specInfo(spec));
    doc.put("state", "enabled");
    doc.put("providerRefId", UUID.randomUUID().toString());
    ObjectNode inherited = doc.putObject("inheritedAttributes");
    inherited.putObject("baseConnection").put("id", baseId).set("connectionSpec", base.doc().get("connectionSpec"));
    return created(store.create(Kind.SOURCE_CONNECTION, id, c, serverFields(doc, id, c)));
  }

  private Response createTargetConnection(Request req) {
    ObjectNode body = body(req);
    String name = requireText(body, "name");
    JsonNode data = requireObject(body, "data");
    ObjectNode spec = requireSpec(body, "connectionSpec", false);
    if (!DATA_LAKE_CONNECTION_SPEC.equals(spec.get("id").asText())) {
      throw Problems.flow("1413-400", "Bad Request", "Invalid connection spec id " + spec.get("id").asText()
          + ": the data lake target is " + DATA_LAKE_CONNECTION_SPEC, "targetConnections", null);
    }
    if (!"parquet_xdm".equals(Json.text(data, "format"))) {
      throw Problems.flowBadRequest("data.format must be parquet_xdm for the data lake");
    }
    String schemaId = Json.text(data.path("schema"), "id");
    if (schemaId == null || schemaId.isBlank()) {
      throw Problems.flowBadRequest("data.schema.id is required");
    }
    String dataSetId = Json.text(body.path("params"), "dataSetId");
    if (dataSetId == null || dataSetId.isBlank()) {
      throw Problems.flowBadRequest("params.dataSetId is required");
    }
    Entity dataset = store.find(Kind.DATASET, dataSetId, req.caller())
        .orElseThrow(() -> Problems.flowBadRequest("Dataset " + dataSetId + " does not exist"));
    String datasetSchema = Json.text(dataset.doc().path("schemaRef"), "id");
    if (!schemaId.equals(datasetSchema)) {
      throw Problems.flow("1425-400", "Bad Request", "Schema " + schemaId + " differs from the schema "
          + datasetSchema + " of dataset " + dataSetId, "targetConnections", null);
    }
    Caller c = req.caller();
    String id = UUID.randomUUID().toString();
    ObjectNode doc = Json.obj().put("name", name);
    copyText(body, doc, "description");
    doc.set("data", data.deepCopy());
    doc.set("params", body.get("params").deepCopy());
    ObjectNode specOut = Json.obj().put("id", DATA_LAKE_CONNECTION_SPEC);
    specOut.put("version", spec.hasNonNull("version") ? spec.get("version").asText() : "1.0");
    doc.set("connectionSpec", specOut);
    doc.put("state", "enabled");
    return created(store.create(Kind.TARGET_CONNECTION, id, c, serverFields(doc, id, c)));
  }

  /**
   * Source/target connection PATCH: [INF] only /name and /description. The docs advise against
   * changing the connections of a live flow; a new connection pair and flow is the way.
   */
  private Response patchNamesOnly(Request req, Kind kind, String collection) {
    String ifMatch = requireIfMatch(req);
    Entity e = require(kind, req.param("id"), req.caller(), collection);
    checkEtag(ifMatch, e);
    ObjectNode doc = e.doc().deepCopy();
    for (JsonPatch.Op op : patchOps(req)) {
      if (op.path().startsWith("/connectionSpec")) {
        throw Problems.flow("1414-400", "Bad Request", "The connectionSpec of a connection cannot be updated",
            collection, e.id());
      }
      if (!namePath(op)) {
        throw notPatchable(op, collection, e.id());
      }
      applyOp(doc, op, collection, e.id());
    }
    return updated(e, doc, req.caller());
  }

  // ---- flows ----

  private Response createFlow(Request req) {
    ObjectNode body = body(req);
    if (body.has("state")) {
      throw Problems.flow("1410-400", "Bad Request", "state is not allowed in a create flow request", "flows", null);
    }
    ObjectNode flowSpec = requireSpec(body, "flowSpec", false);
    if (!STRIPE_FLOW_SPEC.equals(flowSpec.get("id").asText())) {
      throw Problems.flow("1413-400", "Bad Request", "Invalid flow spec id " + flowSpec.get("id").asText(),
          "flows", null);
    }
    String name = requireText(body, "name");
    Caller c = req.caller();
    List<Entity> sources = connections(body, "sourceConnectionIds", Kind.SOURCE_CONNECTION, c);
    List<Entity> targets = connections(body, "targetConnectionIds", Kind.TARGET_CONNECTION, c);
    for (Entity s : sources) {
      if (!STRIPE_CONNECTION_SPEC.equals(Json.text(s.doc().path("connectionSpec"), "id"))) {
        throw Problems.flow("1413-400", "Bad Request", "Source connection " + s.id() + " does not match the flow spec",
            "flows", null);
      }
    }
    for (Entity t : targets) {
      String ds = Json.text(t.doc().path("params"), "dataSetId");
      if (store.find(Kind.DATASET, ds, c).isEmpty()) {
        throw Problems.flowBadRequest("Dataset " + ds + " of target connection " + t.id() + " does not exist");
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
    ObjectNode doc = Json.obj().put("name", name);
    copyText(body, doc, "description");
    ObjectNode specOut = doc.putObject("flowSpec").put("id", STRIPE_FLOW_SPEC);
    specOut.put("version", flowSpec.hasNonNull("version") ? flowSpec.get("version").asText() : "1.0");
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
      b.set("connectionSpec", s.doc().path("inheritedAttributes").path("baseConnection").get("connectionSpec"));
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
    Entity e = store.create(Kind.FLOW, id, c, serverFields(doc, id, c));
    scheduler.flowEnabled(e);
    return created(e);
  }

  private List<Entity> connections(ObjectNode body, String field, Kind kind, Caller c) {
    JsonNode ids = body.get(field);
    if (ids == null || !ids.isArray() || ids.isEmpty()) {
      throw Problems.flowBadRequest(field + " is required and must not be empty");
    }
    List<Entity> out = new ArrayList<>();
    for (JsonNode n : ids) {
      out.add(store.find(kind, n.asText(), c)
          .orElseThrow(() -> Problems.flowBadRequest(field + ": connection " + n.asText() + " does not exist")));
    }
    return out;
  }

  /** Validates a Mapping transformation: mapping set and version exist (1412), schemas agree (1425). */
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
      throw Problems.flow("1412-400", "Bad Request",
          "Invalid mapping version: mapping set " + mappingId + " version " + versionText + " does not exist",
          "flows", null);
    }
    String mappingSchema = DataPrepApi.outputSchemaId(ms.versions().get(version));
    for (Entity target : targets) {
      String targetSchema = Json.text(target.doc().path("data").path("schema"), "id");
      if (mappingSchema != null && !mappingSchema.equals(targetSchema)) {
        throw Problems.flow("1425-400", "Bad Request", "The schema in the target dataset (" + targetSchema
            + ") differs from the schema in the mapping (" + mappingSchema + ")", "flows", null);
      }
    }
    ObjectNode out = Json.obj().put("name", "Mapping");
    // Echoed as a string, the way the documented GET shows it (platform-api.md 2.1).
    out.putObject("params").put("mappingId", mappingId).put("mappingVersion", Integer.toString(version));
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
    String ifMatch = requireIfMatch(req);
    Entity e = require(Kind.FLOW, req.param("id"), req.caller(), "flows");
    checkEtag(ifMatch, e);
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
      if (namePath(op)) {
        applyOp(doc, op, "flows", e.id());
      } else if (p.startsWith("/scheduleParams/") && FLOW_SCHEDULE_FIELDS.contains(p.substring(16))) {
        applyOp(doc, op, "flows", e.id());
      } else if (TRANSFORMATION_INDEX.matcher(p).matches() && op.op().equals("replace")
          || p.equals("/transformations/-") && op.op().equals("add")) {
        // /transformations/{n} is the array position (JSON Pointer, platform-api.md 16).
        applyOp(doc, new JsonPatch.Op(op.op(), p, mapping(op.value(), targets, req.caller())), "flows", e.id());
      } else if (p.equals("/labels") && op.op().equals("add")) {
        applyOp(doc, op, "flows", e.id());
      } else if (p.equals("/options") || p.startsWith("/options/")) {
        // add /options and add /options/errorDiagnosticsEnabled are documented [DOC:PARTIAL]
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
      throw Problems.flowBadRequest("scheduleParams.startTime cannot be changed once the start time has passed");
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
      throw Problems.flow("1422-400", "Bad Request", "Action " + op + " is not allowed on a source flow", "flows",
          req.param("id"));
    }
    String subOp = req.query("subOp");
    if (subOp != null && subOp.equalsIgnoreCase("progress")) {
      throw Problems.flow("1436-400", "Bad Request", "subOp PROGRESS is unsupported for op " + op, "flows",
          req.param("id"));
    }
    Entity e = require(Kind.FLOW, req.param("id"), req.caller(), "flows");
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

  private Response deleteFlow(Request req) {
    Entity e = require(Kind.FLOW, req.param("id"), req.caller(), "flows");
    refuseWhileBusy(e, "delete");
    store.remove(Kind.FLOW, e.id());
    return Response.empty(204);
  }

  // ---- shared helpers ----

  private ObjectNode serverFields(ObjectNode doc, String id, Caller c) {
    long now = clock.nowMillis();
    ObjectNode out = Json.obj().put("id", id);
    out.setAll(doc);
    out.put("createdAt", now).put("updatedAt", now);
    out.put("createdBy", c.userId()).put("updatedBy", c.userId());
    out.put("createdClient", c.clientId()).put("updatedClient", c.clientId());
    out.put("sandboxId", sandboxId(c)).put("sandboxName", c.sandbox()).put("imsOrgId", c.orgId());
    String etag = store.newEtag(now);
    out.put("etag", etag).put("version", etag);
    return out;
  }

  public static String sandboxId(Caller c) {
    return UUID.nameUUIDFromBytes((c.orgId() + "/" + c.sandbox()).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private Response created(Entity e) {
    String collection = switch (e.kind()) {
      case CONNECTION -> "connections";
      case SOURCE_CONNECTION -> "sourceConnections";
      case TARGET_CONNECTION -> "targetConnections";
      default -> "flows";
    };
    ObjectNode body = Json.obj().put("id", e.id()).put("etag", Json.text(e.doc(), "etag"));
    return Response.json(201, body).withHeader("Location", BASE + "/" + collection + "/" + e.id());
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
      throw Problems.flow("1403-400", "Bad Request", "The header 'If-Match' is missing", null, null);
    }
    return ifMatch;
  }

  /** Compares after stripping W/ and surrounding quotes, so both documented forms work (2.8). */
  private static void checkEtag(String ifMatch, Entity e) {
    String current = Json.text(e.doc(), "etag");
    if (!bare(ifMatch).equals(bare(current))) {
      throw Problems.flow("1404-412", "Precondition Failed",
          "Supplied version=[" + ifMatch + "] does not match the current version on entity=[" + current + "]",
          null, e.id());
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
      throw Problems.flow("1405-400", "Bad Request", "The request body is null or empty", null, null);
    }
    List<JsonPatch.Op> ops;
    try {
      ops = JsonPatch.parse(req.json());
    } catch (IllegalArgumentException e) {
      throw Problems.flow("1455-400", "Bad Request", "Invalid patch instruction: " + e.getMessage(), null, null);
    }
    for (JsonPatch.Op op : ops) {
      if (!JsonPatch.supported(op.op())) {
        throw Problems.flow("1434-400", "Bad Request",
            "Unsupported patch operation " + op.op() + ": only add, replace and remove are supported", null, null);
      }
    }
    return ops;
  }

  /** /name may be replaced; /description added, replaced or removed (DOC:UPD-CONN, DOC:UPD-FLOW). */
  private static boolean namePath(JsonPatch.Op op) {
    return (op.path().equals("/name") && op.op().equals("replace")) || op.path().equals("/description");
  }

  private static ApiError notPatchable(JsonPatch.Op op, String collection, String id) {
    return Problems.flow("1455-400", "Bad Request",
        "Invalid patch instruction: " + op.op() + " " + op.path() + " is not supported on " + collection,
        collection, id);
  }

  private static void applyOp(ObjectNode doc, JsonPatch.Op op, String collection, String id) {
    try {
      JsonPatch.apply(doc, op);
    } catch (IllegalArgumentException e) {
      throw Problems.flow("1455-400", "Bad Request", "Invalid patch instruction: " + e.getMessage(), collection, id);
    }
  }

  private static ObjectNode body(Request req) {
    JsonNode n;
    try {
      n = req.json();
    } catch (IllegalArgumentException e) {
      throw Problems.flowBadRequest("The request body is not valid JSON");
    }
    if (n == null || n.isNull() || (n.isObject() && n.isEmpty())) {
      throw Problems.flow("1405-400", "Bad Request", "The request body is null or empty", null, null);
    }
    if (!n.isObject()) {
      throw Problems.flowBadRequest("The request body must be a JSON object");
    }
    return (ObjectNode) n;
  }

  private static String requireText(JsonNode body, String field) {
    if (!Json.hasText(body, field)) {
      throw Problems.flowBadRequest(field + " is required");
    }
    return body.get(field).asText();
  }

  private static JsonNode requireObject(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || !n.isObject()) {
      throw Problems.flowBadRequest(field + " is required");
    }
    return n;
  }

  /** A {id, version} spec reference; SpecInfoDTO marks both required, other bodies only the id. */
  private static ObjectNode requireSpec(JsonNode body, String field, boolean versionRequired) {
    JsonNode n = requireObject(body, field);
    if (!Json.hasText(n, "id")) {
      throw Problems.flowBadRequest(field + ".id is required");
    }
    if (versionRequired && !Json.hasText(n, "version")) {
      throw Problems.flowBadRequest(field + ".version is required");
    }
    return (ObjectNode) n;
  }

  private static ObjectNode specInfo(ObjectNode spec) {
    return Json.obj().put("id", spec.get("id").asText()).put("version", spec.get("version").asText());
  }

  private static void copyText(JsonNode from, ObjectNode to, String field) {
    if (from.hasNonNull(field)) {
      to.put(field, from.get(field).asText());
    }
  }
}
