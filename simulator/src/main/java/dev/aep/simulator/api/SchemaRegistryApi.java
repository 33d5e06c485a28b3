package dev.aep.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.Kind;
import dev.aep.simulator.SimClock;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Schema Registry tenant schemas (platform-api.md 3): Accept rules on every GET, unique titles,
 * ids by $id or meta:altId, versions 1.0 -> 1.1 on PUT/PATCH, no If-Match.
 */
public final class SchemaRegistryApi {
  /** [INF] Generic code for payload validation errors; the registry documents only "400". */
  private static final String INVALID = "1000-400";
  private static final String BASE = Service.SCHEMA_REGISTRY.basePath();
  private static final Set<String> KNOWN_CLASSES =
      Set.of("https://ns.adobe.com/xdm/context/profile", "https://ns.adobe.com/xdm/context/experienceevent",
          "https://ns.adobe.com/xdm/data/record", "https://ns.adobe.com/xdm/data/time-series");
  private static final Set<String> LOOKUP_FORMATS =
      Set.of("xed", "xed-full", "xed-notext", "xed-full-notext", "xed-full-desc", "xed-deprecatefield");
  private static final Pattern ACCEPT = Pattern.compile(
      "^application/vnd\\.adobe\\.([a-z-]+)\\+json\\s*(?:;\\s*version\\s*=\\s*([0-9]+(?:\\.[0-9]+)?))?\\s*$");
  private static final Set<String> READ_ONLY = Set.of("/$id", "/meta:altId", "/version");

  private final Store store;
  private final SimClock clock;
  private final String tenantId;
  private final SchemaResolver schemas;

  public SchemaRegistryApi(Store store, SimClock clock, String tenantId, SchemaResolver schemas) {
    this.store = store;
    this.clock = clock;
    this.tenantId = tenantId;
    this.schemas = schemas;
  }

  public void register(Router r) {
    add(r, "GET", "/stats", Kind.OTHER, false, this::stats);
    add(r, "GET", "/tenant/schemas", Kind.SCHEMA, false, this::list);
    add(r, "POST", "/tenant/schemas", Kind.SCHEMA, true, this::create);
    add(r, "GET", "/tenant/schemas/{id}", Kind.SCHEMA, false, this::get);
    add(r, "PUT", "/tenant/schemas/{id}", Kind.SCHEMA, true, this::put);
    add(r, "PATCH", "/tenant/schemas/{id}", Kind.SCHEMA, true, this::patch);
    add(r, "DELETE", "/tenant/schemas/{id}", Kind.SCHEMA, true, this::delete);
  }

  private static void add(Router r, String method, String path, Kind kind, boolean write, Route.Handler h) {
    r.add(new Route(method, BASE + path, Service.SCHEMA_REGISTRY, kind, write, h));
  }

  private Response stats(Request req) {
    Caller c = req.caller();
    ObjectNode body = Json.obj().put("imsOrg", c.orgId()).put("tenantId", tenantId);
    body.putObject("counts").put("schemas", store.list(Kind.SCHEMA, c).size());
    return Response.json(200, body);
  }

  private Response create(Request req) {
    ObjectNode body = body(req);
    validate(body, req.caller(), null);
    Caller c = req.caller();
    String hash = UUID.randomUUID().toString().replace("-", "") + Long.toHexString(clock.nowMillis());
    String id = "https://ns.adobe.com/" + tenantId + "/schemas/" + hash;
    long now = clock.nowMillis();
    ObjectNode doc = Json.obj().put("$id", id).put("meta:altId", "_" + tenantId + ".schemas." + hash);
    doc.put("meta:resourceType", "schemas").put("version", "1.0");
    copyContent(body, doc);
    doc.put("meta:containerId", "tenant").put("meta:xdmType", "object");
    doc.put("meta:abstract", false).put("meta:extensible", false);
    doc.put("imsOrg", c.orgId()).put("meta:sandboxId", FlowServiceApi.sandboxId(c)).put("meta:sandboxType", "production");
    doc.put("meta:tenantNamespace", "_" + tenantId);
    ObjectNode reg = doc.putObject("meta:registryMetadata");
    reg.put("repo:createdDate", now).put("repo:lastModifiedDate", now);
    reg.put("xdm:createdClientId", c.clientId()).put("xdm:lastModifiedClientId", c.clientId());
    reg.put("xdm:createdUserId", c.userId()).put("xdm:lastModifiedUserId", c.userId());
    reg.put("eTag", UUID.randomUUID().toString().replace("-", ""));
    store.create(Kind.SCHEMA, id, c, doc);
    return Response.json(201, doc);
  }

  /** Copies the client-owned fields and derives meta:class and meta:extends from allOf. */
  private static void copyContent(JsonNode body, ObjectNode doc) {
    doc.put("title", body.get("title").asText()).put("description", body.get("description").asText());
    doc.put("type", body.get("type").asText());
    doc.set("allOf", body.get("allOf").deepCopy());
    ArrayNode ext = Json.arr();
    for (JsonNode ref : body.get("allOf")) {
      String r = ref.get("$ref").asText();
      if (isClass(r)) {
        doc.put("meta:class", r);
      }
      ext.add(r);
    }
    doc.set("meta:extends", ext);
    if (body.has("meta:immutableTags")) {
      doc.set("meta:immutableTags", body.get("meta:immutableTags").deepCopy());
    }
  }

  /** Spec-required fields, exactly one class in allOf, and a title unique in the sandbox. */
  private void validate(JsonNode body, Caller c, String selfId) {
    for (String f : List.of("type", "title", "description")) {
      if (!Json.hasText(body, f)) {
        throw Problems.xdm(INVALID, "Bad Request", f + " is required");
      }
    }
    if (!"object".equals(body.get("type").asText())) {
      throw Problems.xdm(INVALID, "Bad Request", "type must be object");
    }
    JsonNode allOf = body.get("allOf");
    if (allOf == null || !allOf.isArray() || allOf.isEmpty()) {
      throw Problems.xdm(INVALID, "Bad Request", "allOf is required: one class and zero or more field groups");
    }
    int classes = 0;
    for (JsonNode ref : allOf) {
      if (!Json.hasText(ref, "$ref")) {
        throw Problems.xdm(INVALID, "Bad Request", "every allOf entry needs a $ref");
      }
      if (isClass(ref.get("$ref").asText())) {
        classes++;
      }
    }
    if (classes != 1) {
      throw Problems.xdm(INVALID, "Bad Request", "allOf must reference exactly one class, found " + classes);
    }
    String title = body.get("title").asText();
    for (Entity e : store.list(Kind.SCHEMA, c)) {
      if (!e.id().equals(selfId) && title.equals(Json.text(e.doc(), "title"))) {
        throw Problems.xdm("3005-400", "Bad Request", "Title must be unique: '" + title + "' is used by " + e.id());
      }
    }
  }

  private static boolean isClass(String ref) {
    return KNOWN_CLASSES.contains(ref) || ref.contains("/classes/");
  }

  private Response get(Request req) {
    String accept = req.header("Accept");
    if (accept == null || accept.isBlank()) {
      throw Problems.xdm("1007-400", "Bad Request",
          "An Accept header with a version is required, e.g. application/vnd.adobe.xed+json; version=1");
    }
    Matcher m = ACCEPT.matcher(accept.trim().toLowerCase(Locale.ROOT));
    if (!m.matches() || !LOOKUP_FORMATS.contains(m.group(1))) {
      throw Problems.xdm("1008-406", "Not Acceptable", "Unsupported Accept header: " + accept);
    }
    if (m.group(2) == null) {
      throw Problems.xdm("1007-400", "Bad Request",
          "The Accept header must carry a version, e.g. application/vnd.adobe.xed+json; version=1");
    }
    Entity e = find(req).orElseThrow(() -> notFound(req.param("id")));
    String wanted = m.group(2);
    String current = Json.text(e.doc(), "version");
    boolean ok = wanted.contains(".") ? wanted.equals(current) : current.startsWith(wanted + ".");
    if (!ok) {
      throw Problems.xdm("1009-406", "Not Acceptable", "Version " + wanted + " is not available; current is " + current);
    }
    return Response.json(200, e.doc(), "application/vnd.adobe." + m.group(1) + "+json; version=" + current);
  }

  private Response list(Request req) {
    String accept = req.header("Accept");
    String a = accept == null ? "" : accept.trim().toLowerCase(Locale.ROOT);
    boolean summary = a.startsWith("application/vnd.adobe.xed-id+json");
    if (!summary && !a.startsWith("application/vnd.adobe.xed+json")) {
      throw Problems.xdm("1006-400", "Bad Request",
          "Accept must be application/vnd.adobe.xed-id+json or application/vnd.adobe.xed+json");
    }
    List<PropertyFilter> filters = new ArrayList<>();
    for (String p : req.queries("property")) {
      try {
        filters.add(PropertyFilter.parse(p));
      } catch (IllegalArgumentException ex) {
        throw Problems.xdm(INVALID, "Bad Request", ex.getMessage());
      }
    }
    List<ObjectNode> hits = new ArrayList<>();
    for (Entity e : store.list(Kind.SCHEMA, req.caller())) {
      if (filters.stream().allMatch(f -> f.matches(e.doc()))) {
        hits.add(e.doc());
      }
    }
    String orderby = Optional.ofNullable(req.query("orderby")).orElse("title");
    boolean desc = orderby.startsWith("-");
    String field = orderby.replaceFirst("^[+-]", "");
    Comparator<ObjectNode> cmp = Comparator.comparing(d -> Optional.ofNullable(Json.text(d, field)).orElse(""));
    hits.sort(desc ? cmp.reversed() : cmp);
    String start = req.query("start");
    if (start != null) {
      hits.removeIf(d -> {
        int c = Optional.ofNullable(Json.text(d, field)).orElse("").compareTo(start);
        return desc ? c > 0 : c < 0;
      });
    }
    int limit = 300;
    if (req.query("limit") != null) {
      try {
        limit = Math.min(300, Integer.parseInt(req.query("limit")));
      } catch (NumberFormatException ex) {
        throw Problems.xdm(INVALID, "Bad Request", "limit must be an integer");
      }
      if (limit < 0 || limit > 500) {
        throw Problems.xdm(INVALID, "Bad Request", "limit must be within 0..500");
      }
      limit = limit == 0 ? 300 : limit;
    }
    ObjectNode body = Json.obj();
    ArrayNode results = body.putArray("results");
    for (int i = 0; i < Math.min(limit, hits.size()); i++) {
      ObjectNode d = hits.get(i);
      if (summary) {
        results.addObject().put("$id", Json.text(d, "$id")).put("meta:altId", Json.text(d, "meta:altId"))
            .put("version", Json.text(d, "version")).put("title", Json.text(d, "title"));
      } else {
        results.add(d);
      }
    }
    ObjectNode page = body.putObject("_page").put("orderby", orderby).put("count", results.size());
    ObjectNode links = body.putObject("_links");
    if (hits.size() > limit) {
      String next = Json.text(hits.get(limit), field);
      page.put("next", next);
      links.putObject("next").put("href", BASE + "/tenant/schemas?orderby=" + enc(orderby) + "&start=" + enc(next)
          + "&limit=" + limit);
    } else {
      page.putNull("next");
    }
    links.putObject("global_schemas").put("href", BASE + "/global/schemas");
    return Response.json(200, body, summary ? "application/vnd.adobe.xed-id+json" : "application/vnd.adobe.xed+json");
  }

  private Response put(Request req) {
    Entity e = find(req).orElseThrow(() -> notFound(req.param("id")));
    ObjectNode body = body(req);
    validate(body, req.caller(), e.id());
    ObjectNode doc = e.doc().deepCopy();
    doc.remove("meta:class");
    copyContent(body, doc);
    return saveNewVersion(e, doc, req.caller());
  }

  private Response patch(Request req) {
    Entity e = find(req).orElseThrow(() -> notFound(req.param("id")));
    List<JsonPatch.Op> ops;
    try {
      ops = JsonPatch.parse(req.json());
    } catch (IllegalArgumentException ex) {
      throw Problems.xdm(INVALID, "Bad Request", "Invalid JSON Patch: " + ex.getMessage());
    }
    ObjectNode doc = e.doc().deepCopy();
    for (JsonPatch.Op op : ops) {
      if (!JsonPatch.supported(op.op())) {
        throw Problems.xdm(INVALID, "Bad Request", "Unsupported patch op " + op.op());
      }
      if (READ_ONLY.contains(op.path()) || op.path().startsWith("/meta:registryMetadata")) {
        throw Problems.xdm(INVALID, "Bad Request", op.path() + " is read-only");
      }
      if (op.path().startsWith("/meta:immutableTags") && !op.op().equals("add")) {
        throw Problems.xdm(INVALID, "Bad Request", "meta:immutableTags cannot be removed or replaced");
      }
      try {
        JsonPatch.apply(doc, op);
      } catch (IllegalArgumentException ex) {
        throw Problems.xdm(INVALID, "Bad Request", ex.getMessage());
      }
    }
    validate(doc, req.caller(), e.id());
    doc.remove("meta:class");
    ObjectNode content = doc.deepCopy();
    copyContent(content, doc);
    return saveNewVersion(e, doc, req.caller());
  }

  private Response saveNewVersion(Entity e, ObjectNode doc, Caller c) {
    String[] v = Json.text(e.doc(), "version").split("\\.");
    doc.put("version", v[0] + "." + (Integer.parseInt(v[1]) + 1));
    ObjectNode reg = (ObjectNode) doc.get("meta:registryMetadata");
    reg.put("repo:lastModifiedDate", clock.nowMillis()).put("xdm:lastModifiedClientId", c.clientId())
        .put("xdm:lastModifiedUserId", c.userId()).put("eTag", UUID.randomUUID().toString().replace("-", ""));
    e.doc(doc);
    return Response.json(200, doc);
  }

  /**
   * DELETE answers 204. [INF] Deleting a schema that datasets still use is refused (400): the
   * docs say this is likely and unverified; refusing keeps a wrong teardown order visible.
   */
  private Response delete(Request req) {
    Entity e = find(req).orElseThrow(() -> notFound(req.param("id")));
    for (Entity ds : store.list(Kind.DATASET, req.caller())) {
      if (e.id().equals(Json.text(ds.doc().path("schemaRef"), "id"))) {
        throw Problems.xdm(INVALID, "Bad Request",
            "Schema " + e.id() + " is used by dataset " + ds.id() + "; delete the dataset first");
      }
    }
    store.remove(Kind.SCHEMA, e.id());
    return Response.empty(204);
  }

  /** By URL-decoded $id or by meta:altId. */
  private Optional<Entity> find(Request req) {
    String id = req.param("id");
    Optional<Entity> byId = store.find(Kind.SCHEMA, id, req.caller());
    if (byId.isPresent()) {
      return byId;
    }
    return store.list(Kind.SCHEMA, req.caller()).stream()
        .filter(e -> id.equals(Json.text(e.doc(), "meta:altId")))
        .findFirst();
  }

  private static ApiError notFound(String id) {
    return Problems.xdm("1012-404", "Resource Not Found", "Requested resource " + id + " is not found");
  }

  private static ObjectNode body(Request req) {
    JsonNode n;
    try {
      n = req.json();
    } catch (IllegalArgumentException e) {
      throw Problems.xdm(INVALID, "Bad Request", "The payload is not valid JSON");
    }
    if (n == null || !n.isObject()) {
      throw Problems.xdm(INVALID, "Bad Request", "The payload must be a JSON object");
    }
    return (ObjectNode) n;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
