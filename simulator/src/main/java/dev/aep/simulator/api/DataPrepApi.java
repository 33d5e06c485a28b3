package dev.aep.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.Kind;
import dev.aep.simulator.SimClock;
import dev.aep.simulator.dataprep.EvalContext;
import dev.aep.simulator.dataprep.Expression;
import dev.aep.simulator.dataprep.ExpressionException;
import dev.aep.simulator.dataprep.Mapping;
import dev.aep.simulator.dataprep.MappingSet;
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
import dev.aep.simulator.xdm.SchemaResolver;
import dev.aep.simulator.xdm.XdmField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Data Prep mapping sets (platform-api.md 5): create answers 200 (not 201) with a 32-hex id and
 * version 0; PUT makes a new version with the same id; old versions stay readable with ?version=;
 * there is no DELETE. Both request formats (current and the Stripe tutorial's legacy one) are
 * accepted and GETs carry both field-name sets. Create and PUT refuse a set whose mappings do not
 * fit the output schema (platform-api.md 14: what POST/PUT checks is undocumented, the spec says
 * 400 "invalid mapping set"; [INF] the strict choice is to check what /validate checks);
 * /mappingSets/validate and /mappingSets/preview store nothing.
 */
public record DataPrepApi(Store store, SimClock clock, SchemaResolver schemas) {
  private static final String BASE = Service.DATA_PREP.basePath();

  public void register(Router r) {
    r.add(Service.DATA_PREP, Kind.MAPPING_SET, "GET", "/mappingSets", this::list);
    r.add(Service.DATA_PREP, Kind.MAPPING_SET, "POST", "/mappingSets", this::create);
    check(r, "/mappingSets/validate", this::validate);
    check(r, "/mappingSets/preview", this::preview);
    check(r, "/languages/el/validate", this::validateExpression);
    r.add(Service.DATA_PREP, Kind.MAPPING_SET, "GET", "/mappingSets/{id}", this::get);
    r.add(Service.DATA_PREP, Kind.MAPPING_SET, "PUT", "/mappingSets/{id}", this::put);
    r.add(Service.DATA_PREP, Kind.MAPPING_SET, "GET", "/mappingSets/{id}/mappings", this::mappings);
    r.add(
        Service.DATA_PREP,
        Kind.MAPPING_SET,
        "GET",
        "/mappingSets/{id}/mappings/{mappingId}",
        this::mapping);
  }

  /**
   * A POST that judges a mapping set or expression and stores nothing: logged as a check, not a
   * create.
   */
  private static void check(Router r, String path, Route.Handler h) {
    r.add(new Route("POST", BASE + path, Service.DATA_PREP, Kind.MAPPING_CHECK, false, h));
  }

  /** The output schema $id of a stored mapping set version. */
  static String outputSchemaId(JsonNode version) {
    return Json.text(version.path("outputSchema").path("schemaRef"), "id");
  }

  private Response create(Request req) {
    Caller c = req.caller();
    String id = Store.hexId();
    long now = clock.nowMillis();
    ObjectNode v0 = build(body(req), c, id, 0, now, now, c.userId());
    Entity e = store.create(Kind.MAPPING_SET, id, c, v0);
    e.versions().add(v0);
    return Response.json(200, summary(v0));
  }

  private Response put(Request req) {
    Entity e = require(req);
    ObjectNode previous = e.doc();
    int version = e.versions().size();
    ObjectNode v =
        build(
            body(req),
            req.caller(),
            e.id(),
            version,
            previous.get("createdDate").asLong(),
            clock.nowMillis(),
            Json.text(previous, "createdBy"));
    e.versions().add(v);
    e.doc(v);
    return Response.json(200, v);
  }

  private Response get(Request req) {
    return Response.json(200, version(req));
  }

  private Response mappings(Request req) {
    return Response.json(200, version(req).get("mappings"));
  }

  private Response mapping(Request req) {
    String mappingId = req.param("mappingId");
    for (JsonNode m : version(req).get("mappings")) {
      if (mappingId.equals(Json.text(m, "id"))) {
        return Response.json(200, m);
      }
    }
    throw notFound("Mapping " + mappingId + " not found in mapping set " + req.param("id"));
  }

  /** The latest version, or the one ?version= asks for. */
  private ObjectNode version(Request req) {
    Entity e = require(req);
    if (req.query("version") == null) {
      return e.doc();
    }
    int n = req.intQuery("version", 0, DataPrepApi::bad);
    if (n < 0 || n >= e.versions().size()) {
      throw notFound("Mapping set " + e.id() + " has no version " + n);
    }
    return e.versions().get(n);
  }

  /** limit and start are required (SPEC:DP). */
  private Response list(Request req) {
    String limitText = req.query("limit");
    String startText = req.query("start");
    if (limitText == null || startText == null) {
      throw bad("limit and start are required");
    }
    int limit;
    int start;
    try {
      limit = Integer.parseInt(limitText);
      start = Integer.parseInt(startText);
    } catch (NumberFormatException ex) {
      throw bad("limit and start must be integers");
    }
    if (limit < 1 || start < 0) {
      throw bad("limit must be >= 1 and start >= 0");
    }
    List<Entity> all = store.list(Kind.MAPPING_SET, req.caller());
    String name = req.query("name");
    if (name != null) {
      all.removeIf(e -> !name.equals(Json.text(e.doc(), "name")));
    }
    ObjectNode body = Json.obj();
    ArrayNode data = body.putArray("data");
    for (int i = start; i < Math.min(all.size(), start + limit); i++) {
      data.add(all.get(i).doc());
    }
    body.putObject("_page").put("count", data.size()).put("limit", limit);
    return Response.json(200, body);
  }

  private ObjectNode build(
      JsonNode body,
      Caller c,
      String id,
      int version,
      long created,
      long modified,
      String createdBy) {
    JsonNode mappings = checkedMappings(body, c);
    String schemaId = outputSchemaIdOf(body);
    String contentType = Json.text(body.path("outputSchema").path("schemaRef"), "contentType");
    if (contentType == null) {
      contentType = "application/vnd.adobe.xed-full+json;version=1";
    }
    ObjectNode v = Json.obj().put("id", id).put("version", version);
    v.put("createdDate", created).put("modifiedDate", modified);
    v.put("createdBy", createdBy).put("modifiedBy", c.userId());
    if (body.hasNonNull("name")) {
      v.put("name", body.get("name").asText());
    }
    v.put("supportVersion", 1).put("status", "PUBLISHED").put("strictMapping", false);
    v.put("allowNullValues", body.path("allowNullValues").asBoolean(false));
    if (body.has("inputSchema")) {
      v.set("inputSchema", body.get("inputSchema").deepCopy());
    } else {
      v.putNull("inputSchema");
    }
    ObjectNode out = v.putObject("outputSchema").put("id", schemaId).put("version", "1.0");
    out.putObject("schemaRef").put("id", schemaId).put("contentType", contentType);
    ArrayNode ms = v.putArray("mappings");
    for (JsonNode m : mappings) {
      ms.add(mapping(m, version));
    }
    v.put("xdmVersion", "1.0").put("xdmSchema", schemaId);
    v.putObject("schemaRef").put("id", schemaId).put("contentType", contentType);
    return v;
  }

  /** The output schema's fields; 400 when the body names no schema or one that does not exist. */
  private Map<String, XdmField> outputFields(JsonNode body, Caller c) {
    String schemaId = outputSchemaIdOf(body);
    if (schemaId == null) {
      throw bad("outputSchema.schemaRef.id (or legacy xdmSchema) is required");
    }
    Entity schema =
        schemas
            .schema(schemaId, c)
            .orElseThrow(() -> bad("Output schema " + schemaId + " does not exist"));
    return schemas.fields(schema);
  }

  private static JsonNode mappingsOf(JsonNode body) {
    JsonNode mappings = body.get("mappings");
    if (mappings == null || !mappings.isArray() || mappings.isEmpty()) {
      throw bad("mappings is required and must not be empty");
    }
    for (JsonNode m : mappings) {
      if (!m.isObject()) {
        throw bad("every mapping must be a JSON object");
      }
    }
    return mappings;
  }

  /**
   * The mappings of a create/PUT body; 400 with one message per bad mapping (index, source,
   * destination).
   */
  private JsonNode checkedMappings(JsonNode body, Caller c) {
    Map<String, XdmField> fields = outputFields(body, c);
    JsonNode mappings = mappingsOf(body);
    List<String> problems = new ArrayList<>();
    MappingSet.check(mappings, fields).forEach(m -> problems.addAll(m.messages()));
    if (!problems.isEmpty()) {
      ObjectNode problem =
          Problems.simpleBody(
              Service.DATA_PREP,
              400,
              "Bad Request",
              "Invalid mapping set: " + String.join("; ", problems));
      ArrayNode list = problem.putArray("errors");
      problems.forEach(list::add);
      throw new ApiError(Response.json(400, problem));
    }
    return mappings;
  }

  /**
   * POST /mappingSets/validate: one {status, errors} per mapping, errors as TransformErrorInfo
   * (SPEC:DP MappingValidationResponse; DOC:DP-MS). Stores nothing. A body without a known output
   * schema or without mappings is a 400 (SPEC:DP: "invalid mapping set").
   */
  private Response validate(Request req) {
    JsonNode body = body(req);
    Map<String, XdmField> fields = outputFields(body, req.caller());
    ObjectNode out = Json.obj();
    ArrayNode list = out.putArray("validationResponse");
    for (Mapping m : MappingSet.check(mappingsOf(body), fields)) {
      ObjectNode entry =
          list.addObject().put("status", m.problems().isEmpty() ? "SUCCESS" : "FAILED");
      putErrors(entry, m.problems().stream().map(m::errorInfo).toList());
    }
    return Response.json(200, out);
  }

  /**
   * POST /mappingSets/preview {data: [records], mappingSet}: one {data: mapped row, errors} per
   * record (DOC:DP-MS; SPEC:DP shows one object, [INF] a single record object is accepted too).
   * Transformation errors are listed and null their column; ingestion checks do not apply here.
   */
  private Response preview(Request req) {
    JsonNode body = body(req);
    JsonNode setBody = body.get("mappingSet");
    if (setBody == null || !setBody.isObject()) {
      throw bad("mappingSet is required");
    }
    JsonNode data = body.get("data");
    if (data == null || !(data.isArray() || data.isObject())) {
      throw bad("data is required: an array of records");
    }
    Map<String, XdmField> fields = outputFields(setBody, req.caller());
    MappingSet set;
    try {
      set = MappingSet.compile(mappingsOf(setBody), fields);
    } catch (IllegalArgumentException e) {
      throw bad("Invalid mapping set: " + e.getMessage());
    }
    ArrayNode out = Json.arr();
    for (JsonNode record : data.isArray() ? data : Json.arr().add(data)) {
      MappingSet.Mapped mapped = set.apply(new EvalContext(record, clock.now()));
      ObjectNode entry = out.addObject();
      entry.set("data", mapped.row());
      putErrors(entry, mapped.errors().stream().map(MappingSet.TransformError::toJson).toList());
    }
    return Response.json(200, out);
  }

  /**
   * errors is null when there are none, as the documented answers show, else the list (DOC:DP-MS).
   */
  private static void putErrors(ObjectNode entry, List<ObjectNode> errors) {
    if (errors.isEmpty()) {
      entry.putNull("errors");
    } else {
      entry.putArray("errors").addAll(errors);
    }
  }

  /**
   * POST /languages/el/validate {"expression"}: 200 with a bare boolean (SPEC:DP
   * validateExpression).
   */
  private Response validateExpression(Request req) {
    JsonNode body = body(req);
    String expression = Json.text(body, "expression");
    if (expression == null) {
      throw bad("expression is required");
    }
    boolean valid;
    try {
      Expression.parse(expression);
      valid = true;
    } catch (ExpressionException e) {
      valid = false;
    }
    return Response.json(200, Json.MAPPER.getNodeFactory().booleanNode(valid));
  }

  private static String outputSchemaIdOf(JsonNode body) {
    String id = Json.text(body.path("outputSchema").path("schemaRef"), "id");
    return id != null && !id.isBlank() ? id : Json.text(body, "xdmSchema");
  }

  /**
   * One mapping, in both name sets. Attribute mappings read back with sourceType
   * "text/x.schema-path" as the documented GETs show; [INF] expressions with "text/x.aep-xl".
   */
  private static ObjectNode mapping(JsonNode m, int version) {
    String source = Mapping.source(m);
    String dest = Mapping.destination(m);
    String type = Mapping.typeOf(m);
    ObjectNode o = Json.obj().put("id", Store.hexId()).put("version", version);
    o.put(
        "sourceType",
        switch (type) {
          case "ATTRIBUTE" -> "text/x.schema-path";
          case "EXPRESSION" -> "text/x.aep-xl";
          default -> "STATIC";
        });
    o.put("source", source).put("destination", dest);
    o.put("sourceAttribute", source).put("destinationXdmPath", dest);
    // Legacy identity flags are echoed and do nothing: identities come from descriptors
    // (platform-api.md 12 [INF]); nothing documented relates the flag to ingestion.
    o.put("identity", m.path("identity").asBoolean(false))
        .put("primaryIdentity", m.path("primaryIdentity").asBoolean(false));
    o.put("matchScore", 0).put("functionVersion", 0);
    if (m.hasNonNull("name")) {
      o.put("name", m.get("name").asText());
    }
    if (m.hasNonNull("description")) {
      o.put("description", m.get("description").asText());
    }
    return o;
  }

  private static ObjectNode summary(ObjectNode v) {
    return Json.obj()
        .put("id", v.get("id").asText())
        .put("version", v.get("version").asInt())
        .put("createdDate", v.get("createdDate").asLong())
        .put("modifiedDate", v.get("modifiedDate").asLong())
        .put("createdBy", v.get("createdBy").asText())
        .put("modifiedBy", v.get("modifiedBy").asText());
  }

  private Entity require(Request req) {
    String id = req.param("id");
    return store
        .find(Kind.MAPPING_SET, id, req.caller())
        .orElseThrow(() -> notFound("Mapping set " + id + " not found"));
  }

  private static JsonNode body(Request req) {
    return req.jsonObject(DataPrepApi::bad);
  }

  private static ApiError bad(String detail) {
    return Problems.simpleProblem(Service.DATA_PREP, 400, "Bad Request", detail);
  }

  private static ApiError notFound(String detail) {
    return Problems.simpleProblem(Service.DATA_PREP, 404, "Not Found", detail);
  }
}
