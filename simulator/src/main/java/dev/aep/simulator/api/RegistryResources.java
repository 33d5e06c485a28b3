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
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * What the Schema Registry's tenant collections share (platform-api.md 3, 10, 12, 17): schemas,
 * field groups and descriptors have the same routes and lookup by $id or meta:altId, and are
 * deleted alike; schemas and field groups also share Accept rules, list paging and filters,
 * registry-assigned ids and metadata, unique titles, version bumps and JSON Patch with read-only
 * fields. Each collection fills in its create, GET, PUT and (where the registry has one) PATCH.
 */
public abstract class RegistryResources {
  /** [INF] Generic code for payload validation errors; the registry documents only "400". */
  static final String INVALID = "1000-400";

  static final String BASE = Service.SCHEMA_REGISTRY.basePath();
  private static final Set<String> LOOKUP_FORMATS =
      Set.of(
          "xed",
          "xed-full",
          "xed-notext",
          "xed-full-notext",
          "xed-full-desc",
          "xed-deprecatefield");
  private static final Pattern ACCEPT =
      Pattern.compile(
          "^application/vnd\\.adobe\\.([a-z-]+)\\+json\\s*(?:;\\s*version\\s*=\\s*([0-9]+(?:\\.[0-9]+)?))?\\s*$");
  private static final Set<String> READ_ONLY = Set.of("/$id", "/meta:altId", "/version");

  /** What every registry collection works with: the store, the clock and the org's tenant. */
  public record Context(Store store, SimClock clock, String tenantId, SchemaResolver resolver) {}

  final Store store;
  final SimClock clock;
  final String tenantId;
  final SchemaResolver resolver;
  private final Kind kind;

  /** The collection's path under the registry, e.g. /tenant/schemas. */
  final String path;

  RegistryResources(Context ctx, Kind kind, String path) {
    this.store = ctx.store();
    this.clock = ctx.clock();
    this.tenantId = ctx.tenantId();
    this.resolver = ctx.resolver();
    this.kind = kind;
    this.path = path;
  }

  public void register(Router r) {
    add(r, kind, "GET", path, this::list);
    add(r, kind, "POST", path, req -> create(body(req), req.caller()));
    add(r, kind, "GET", path + "/{id}", this::get);
    add(r, kind, "PUT", path + "/{id}", this::put);
    if (patchable()) {
      add(r, kind, "PATCH", path + "/{id}", this::patch);
    }
    add(r, kind, "DELETE", path + "/{id}", this::delete);
  }

  static void add(Router r, Kind kind, String method, String path, Route.Handler h) {
    r.add(Service.SCHEMA_REGISTRY, kind, method, path, h);
  }

  /** POST: a new resource from the request's JSON object body. */
  abstract Response create(ObjectNode body, Caller c);

  abstract Response get(Request req);

  abstract Response put(Request req);

  /** Schemas and field groups take JSON Patch; a collection without it has no PATCH route. */
  boolean patchable() {
    return true;
  }

  Response patch(Request req) {
    throw new UnsupportedOperationException(kind.value() + " has no PATCH");
  }

  /** Throws to refuse deleting {@code e}; may remove what goes with it. */
  void beforeDelete(Entity e, Request req) {}

  /** 204 once {@link #beforeDelete} lets it go [DOC:XDM-FG, DOC:XDM-DESC]. */
  private Response delete(Request req) {
    Entity e = find(req);
    beforeDelete(e, req);
    store.remove(kind, e.id());
    return Response.empty(204);
  }

  /** Refuses a delete of {@code e} while {@code users} (of kind {@code userKind}) refer to it. */
  static void refuseWhileUsed(
      String what, Entity e, String userKind, List<Entity> users, String fix) {
    if (!users.isEmpty()) {
      throw invalid(
          what + " " + e.id() + " is used by " + userKind + " " + users.get(0).id() + "; " + fix);
    }
  }

  /** The tenant namespace key, {@code _<tenantId>} (platform-api.md 9 [DOC:XDM-FG]). */
  String namespace() {
    return "_" + tenantId;
  }

  /**
   * The resource named by the {id} path parameter ($id URL-encoded or meta:altId), else 404
   * XDM-1012.
   */
  Entity find(Request req) {
    String id = req.param("id");
    return resolver.find(kind, id, req.caller()).orElseThrow(() -> notFound(id));
  }

  static ApiError notFound(String id) {
    return Problems.xdm(
        "1012-404", "Resource Not Found", "Requested resource " + id + " is not found");
  }

  static ObjectNode body(Request req) {
    JsonNode n = req.json(m -> invalid("The payload is not valid JSON"));
    if (n == null || !n.isObject()) {
      throw invalid("The payload must be a JSON object");
    }
    return (ObjectNode) n;
  }

  static ApiError invalid(String detail) {
    return Problems.xdm(INVALID, "Bad Request", detail);
  }

  /**
   * A breaking change to what a dataset uses: changes must be additive (platform-api.md 10,
   * Evolution [DOC:XDM-COMP]); the real error code is undocumented [INF].
   */
  static ApiError notAdditive(String usedBy, String change) {
    return invalid(
        usedBy
            + ", so changes must be additive: this change "
            + change
            + "; create a new field group, schema and dataset for a breaking change");
  }

  /**
   * The lookup format the Accept header asks for (e.g. "xed-full") once it names an available
   * version of {@code e}: missing version 400 XDM-1007, unknown format or version 406
   * (platform-api.md 3 [DOC:XDM-GS, SPEC:SR]).
   */
  private static String lookupFormat(Request req, Entity e) {
    String accept = req.header("Accept");
    if (accept == null || accept.isBlank()) {
      throw Problems.xdm(
          "1007-400",
          "Bad Request",
          "An Accept header with a version is required, e.g. application/vnd.adobe.xed+json; version=1");
    }
    Matcher m = ACCEPT.matcher(accept.trim().toLowerCase(Locale.ROOT));
    if (!m.matches() || !LOOKUP_FORMATS.contains(m.group(1))) {
      throw Problems.xdm("1008-406", "Not Acceptable", "Unsupported Accept header: " + accept);
    }
    if (m.group(2) == null) {
      throw Problems.xdm(
          "1007-400",
          "Bad Request",
          "The Accept header must carry a version, e.g. application/vnd.adobe.xed+json; version=1");
    }
    String wanted = m.group(2);
    String current = Json.text(e.doc(), "version");
    boolean ok = wanted.contains(".") ? wanted.equals(current) : current.startsWith(wanted + ".");
    if (!ok) {
      throw Problems.xdm(
          "1009-406",
          "Not Acceptable",
          "Version " + wanted + " is not available; current is " + current);
    }
    return m.group(1);
  }

  /**
   * A GET by the Accept format: xed gives the stored document, xed-full* the {@code expanded} one
   * (resolved fields under properties), *-notext without field titles and descriptions
   * (platform-api.md 3).
   */
  Response lookup(Request req, Function<Entity, ObjectNode> expanded) {
    Entity e = find(req);
    String format = lookupFormat(req, e);
    ObjectNode doc = e.doc();
    if (format.startsWith("xed-full")) {
      doc = expanded.apply(e);
      if (format.endsWith("notext")) {
        SchemaResolver.stripText(doc);
      }
    }
    String version = Json.text(e.doc(), "version");
    return Response.json(200, doc, "application/vnd.adobe." + format + "+json; version=" + version);
  }

  /**
   * A list answer (platform-api.md 3 and 17 [DOC:XDM-SCHEMAS, DOC:XDM-APPX]): xed-id summaries or
   * xed full resources, {@code property=} filters (e.g. property=meta:intendedToExtend==<class $id>
   * or property=title==X [DOC:XDM-FG]), orderby/start/limit paging, 300 per page.
   */
  Response list(Request req) {
    String accept = req.header("Accept");
    String a = accept == null ? "" : accept.trim().toLowerCase(Locale.ROOT);
    boolean summary = a.startsWith("application/vnd.adobe.xed-id+json");
    if (!summary && !a.startsWith("application/vnd.adobe.xed+json")) {
      throw Problems.xdm(
          "1006-400",
          "Bad Request",
          "Accept must be application/vnd.adobe.xed-id+json or application/vnd.adobe.xed+json");
    }
    // The registry documents ==, !=, <, >, <=, >= and "exists", no regex (DOC:XDM-APPX).
    List<PropertyFilter> filters =
        PropertyFilter.parseAll(
            req.queries("property"),
            RegistryResources::invalid,
            p -> invalid("unsupported operator '~' in property=" + p));
    // Paging takes orderby: start is a value of the sort field and limit a hint within that
    // order (platform-api.md 3, 17 [DOC:XDM-APPX]); without orderby there is nothing to page by.
    if (req.query("orderby") == null
        && (req.query("start") != null || req.query("limit") != null)) {
      throw invalid("start and limit require orderby");
    }
    List<ObjectNode> hits = new ArrayList<>();
    for (Entity e : store.list(kind, req.caller())) {
      if (PropertyFilter.all(filters, e.doc())) {
        hits.add(e.doc());
      }
    }
    String orderby = Optional.ofNullable(req.query("orderby")).orElse("title");
    boolean desc = orderby.startsWith("-");
    String field = orderby.replaceFirst("^[+-]", "");
    Comparator<ObjectNode> cmp =
        Comparator.comparing(d -> Optional.ofNullable(Json.text(d, field)).orElse(""));
    hits.sort(desc ? cmp.reversed() : cmp);
    String start = req.query("start");
    if (start != null) {
      hits.removeIf(
          d -> {
            int c = Optional.ofNullable(Json.text(d, field)).orElse("").compareTo(start);
            return desc ? c > 0 : c < 0;
          });
    }
    int limit = limit(req);
    ObjectNode body = Json.obj();
    ArrayNode results = body.putArray("results");
    for (int i = 0; i < Math.min(limit, hits.size()); i++) {
      ObjectNode d = hits.get(i);
      if (summary) {
        results
            .addObject()
            .put("$id", Json.text(d, "$id"))
            .put("meta:altId", Json.text(d, "meta:altId"))
            .put("version", Json.text(d, "version"))
            .put("title", Json.text(d, "title"));
      } else {
        results.add(d);
      }
    }
    ObjectNode page = body.putObject("_page").put("orderby", orderby).put("count", results.size());
    ObjectNode links = body.putObject("_links");
    if (hits.size() > limit) {
      String next = Json.text(hits.get(limit), field);
      page.put("next", next);
      links
          .putObject("next")
          .put(
              "href",
              BASE + path + "?orderby=" + enc(orderby) + "&start=" + enc(next) + "&limit=" + limit);
    } else {
      page.putNull("next");
    }
    String collection = path.substring(path.lastIndexOf('/') + 1);
    links.putObject("global_" + collection).put("href", BASE + "/global/" + collection);
    return Response.json(
        200,
        body,
        summary ? "application/vnd.adobe.xed-id+json" : "application/vnd.adobe.xed+json");
  }

  /** limit is a hint within 0..500; 0 or absent means the 300 cap [DOC:XDM-SCHEMAS]. */
  private static int limit(Request req) {
    int limit = req.intQuery("limit", 0, RegistryResources::invalid);
    if (limit < 0 || limit > 500) {
      throw invalid("limit must be within 0..500");
    }
    return limit == 0 ? 300 : Math.min(300, limit);
  }

  /**
   * Titles are unique across all registry resource types: a field group cannot reuse a schema's
   * title (platform-api.md 3 and 10, 400 XDM-1521-400 [DOC:XDM-FAQ]).
   */
  void checkTitle(JsonNode body, Caller c, String selfId) {
    String title = body.get("title").asText();
    for (Kind kind : List.of(Kind.SCHEMA, Kind.FIELD_GROUP)) {
      for (Entity e : store.list(kind, c)) {
        if (!e.id().equals(selfId) && title.equals(Json.text(e.doc(), "title"))) {
          throw Problems.xdm(
              "1521-400",
              "Title not unique",
              "Title must be unique: '" + title + "' is used by " + e.id());
        }
      }
    }
  }

  /**
   * Stores a new schema or field group (platform-api.md 3, 9, 10 [DOC:XDM-GS, DOC:XDM-FG]): the
   * registry-assigned {@code $id} https://ns.adobe.com/{tenant}/{type}/{hash}, altId
   * _{tenant}.{type}.{hash} and version 1.0, the client's {@code content}, then the type flags,
   * tenant namespace, sandbox and registry metadata with an eTag; 201 with the whole resource.
   */
  Response created(
      String resourceType, boolean abstractType, Caller c, Consumer<ObjectNode> content) {
    long now = clock.nowMillis();
    String hash = Store.hexId() + Long.toHexString(now);
    ObjectNode doc =
        Json.obj().put("$id", "https://ns.adobe.com/" + tenantId + "/" + resourceType + "/" + hash);
    doc.put("meta:altId", namespace() + "." + resourceType + "." + hash);
    doc.put("meta:resourceType", resourceType).put("version", "1.0");
    content.accept(doc);
    doc.put("meta:xdmType", "object")
        .put("meta:abstract", abstractType)
        .put("meta:extensible", abstractType);
    addMeta(doc, c);
    store.create(kind, Json.text(doc, "$id"), c, doc);
    return Response.json(201, doc);
  }

  /** The registry-assigned fields that follow the content: container, org, sandbox, metadata. */
  void addMeta(ObjectNode doc, Caller c) {
    long now = clock.nowMillis();
    doc.put("meta:containerId", "tenant");
    doc.put("imsOrg", c.orgId())
        .put("meta:sandboxId", FlowServiceApi.sandboxId(c))
        .put("meta:sandboxType", "production");
    doc.put("meta:tenantNamespace", namespace());
    ObjectNode reg = doc.putObject("meta:registryMetadata");
    reg.put("repo:createdDate", now).put("repo:lastModifiedDate", now);
    reg.put("xdm:createdClientId", c.clientId()).put("xdm:lastModifiedClientId", c.clientId());
    reg.put("xdm:createdUserId", c.userId()).put("xdm:lastModifiedUserId", c.userId());
    reg.put("eTag", Store.hexId());
  }

  /**
   * Stores {@code doc} as the next minor version (1.0 -> 1.1 [DOC:XDM-SCHEMAS]) with a fresh eTag;
   * 200.
   */
  Response saveNewVersion(Entity e, ObjectNode doc, Caller c) {
    String[] v = Json.text(e.doc(), "version").split("\\.");
    doc.put("version", v[0] + "." + (Integer.parseInt(v[1]) + 1));
    ObjectNode reg = (ObjectNode) doc.get("meta:registryMetadata");
    reg.put("repo:lastModifiedDate", clock.nowMillis())
        .put("xdm:lastModifiedClientId", c.clientId())
        .put("xdm:lastModifiedUserId", c.userId())
        .put("eTag", Store.hexId());
    e.doc(doc);
    return Response.json(200, doc);
  }

  /**
   * A copy of the stored document with the request's JSON Patch applied. $id, meta:altId, version
   * and registry metadata are read-only [DOC:XDM-SCHEMAS]; meta:immutableTags can only be added.
   */
  static ObjectNode patched(Entity e, Request req) {
    List<JsonPatch.Op> ops = JsonPatch.parse(req, why -> invalid("Invalid JSON Patch: " + why));
    ObjectNode doc = e.doc().deepCopy();
    for (JsonPatch.Op op : ops) {
      JsonPatch.requireSupported(op, name -> invalid("Unsupported patch op " + name));
      if (READ_ONLY.contains(op.path()) || op.path().startsWith("/meta:registryMetadata")) {
        throw invalid(op.path() + " is read-only");
      }
      if (op.path().startsWith("/meta:immutableTags") && !op.op().equals("add")) {
        throw invalid("meta:immutableTags cannot be removed or replaced");
      }
      JsonPatch.apply(doc, op, RegistryResources::invalid);
    }
    return doc;
  }

  /** Catalog datasets whose schemaRef.id names the schema (by $id or altId). */
  List<Entity> datasetsUsing(Entity schema) {
    return referrers(schema, Kind.DATASET, ds -> Stream.of(Json.text(ds.path("schemaRef"), "id")));
  }

  /** Tenant schemas whose allOf references the field group (by $id or altId). */
  List<Entity> schemasUsing(Entity fieldGroup) {
    return referrers(
        fieldGroup,
        Kind.SCHEMA,
        s ->
            StreamSupport.stream(s.path("allOf").spliterator(), false)
                .map(ref -> Json.text(ref, "$ref")));
  }

  /**
   * Objects of {@code kind} in the target's sandbox with a reference ({@code refs}) to it, by $id
   * or altId.
   */
  private List<Entity> referrers(
      Entity target, Kind kind, Function<JsonNode, Stream<String>> refs) {
    String altId = Json.text(target.doc(), "meta:altId");
    return store.list(kind, target.scope()).stream()
        .filter(
            e ->
                refs.apply(e.doc())
                    .anyMatch(r -> target.id().equals(r) || (altId != null && altId.equals(r))))
        .toList();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
