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
import dev.aep.simulator.http.Router;
import dev.aep.simulator.http.Service;
import dev.aep.simulator.store.Entity;
import dev.aep.simulator.store.Store;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Catalog datasets (platform-api.md 4): create answers ["@/dataSets/<id>"], GETs answer objects
 * keyed by the 24-hex id, lists filter by name= / property= with limit/start paging, DELETE 200.
 */
public record CatalogApi(Store store, SimClock clock) {
  private static final String BASE = Service.CATALOG.basePath();
  private static final SecureRandom RANDOM = new SecureRandom();

  public void register(Router r) {
    r.add(Service.CATALOG, Kind.DATASET, "GET", "/dataSets", this::list);
    r.add(Service.CATALOG, Kind.DATASET, "POST", "/dataSets", this::create);
    r.add(Service.CATALOG, Kind.DATASET, "GET", "/dataSets/{id}", this::get);
    r.add(Service.CATALOG, Kind.DATASET, "DELETE", "/dataSets/{id}", this::delete);
  }

  /**
   * [INF] Catalog's spec marks no field required; this requires name and schemaRef.id (of an
   * existing schema), since a dataset without a schema cannot be a data lake target.
   */
  private Response create(Request req) {
    JsonNode body = req.jsonObject(CatalogApi::bad);
    if (!Json.hasText(body, "name")) {
      throw bad("name is required");
    }
    String schemaId = Json.text(body.path("schemaRef"), "id");
    if (schemaId == null || schemaId.isBlank()) {
      throw bad("schemaRef.id is required");
    }
    Caller c = req.caller();
    if (store.find(Kind.SCHEMA, schemaId, c).isEmpty()) {
      throw bad("Schema " + schemaId + " does not exist");
    }
    String id = hex24();
    String viewId = hex24();
    long now = clock.nowMillis();
    ObjectNode doc = Json.obj().put("name", body.get("name").asText());
    if (body.hasNonNull("description")) {
      doc.put("description", body.get("description").asText());
    }
    doc.put("imsOrg", c.orgId())
        .put("sandboxId", FlowServiceApi.sandboxId(c))
        .put("version", "1.0.0");
    doc.put("created", now).put("updated", now).put("createdClient", c.clientId());
    doc.put("createdUser", c.userId()).put("updatedUser", c.userId());
    ObjectNode schemaRef = doc.putObject("schemaRef").put("id", schemaId);
    schemaRef.put(
        "contentType",
        body.path("schemaRef").hasNonNull("contentType")
            ? body.path("schemaRef").get("contentType").asText()
            : "application/vnd.adobe.xed+json;version=1");
    doc.set("tags", body.has("tags") ? body.get("tags").deepCopy() : Json.obj());
    doc.put("viewId", viewId).put("files", "@/dataSets/" + id + "/views/" + viewId + "/files");
    store.create(Kind.DATASET, id, c, doc);
    ArrayNode answer = Json.arr().add("@/dataSets/" + id);
    return Response.json(201, answer).withHeader("Location", BASE + "/dataSets/" + id);
  }

  private Response get(Request req) {
    String id = req.param("id");
    Entity e =
        store
            .find(Kind.DATASET, id, req.caller())
            .orElseThrow(
                () ->
                    Problems.simpleProblem(
                        Service.CATALOG, 404, "Not Found", "Dataset " + id + " not found"));
    ObjectNode body = Json.obj();
    body.set(e.id(), trim(e.doc(), req.query("properties")));
    return Response.json(200, body);
  }

  private Response list(Request req) {
    int limit = req.intQuery("limit", 20, CatalogApi::bad);
    if (limit < 1 || limit > 100) {
      throw bad("limit must be within 1..100");
    }
    int start = req.intQuery("start", 0, CatalogApi::bad);
    if (start < 0) {
      throw bad("start must be >= 0");
    }
    List<PropertyFilter> filters =
        PropertyFilter.parseAll(req.queries("property"), CatalogApi::bad, null);
    String name = req.query("name");
    String tags = req.query("tags");
    List<Entity> hits = new ArrayList<>();
    for (Entity e : store.list(Kind.DATASET, req.caller())) {
      if (PropertyFilter.all(filters, e.doc())
          && nameMatches(name, Json.text(e.doc(), "name"))
          && tagsMatch(tags, e.doc().path("tags"))) {
        hits.add(e);
      }
    }
    String orderBy = req.query("orderBy");
    if (orderBy != null) {
      hits.sort(order(orderBy));
    }
    ObjectNode body = Json.obj();
    for (int i = start; i < Math.min(hits.size(), start + limit); i++) {
      body.set(hits.get(i).id(), trim(hits.get(i).doc(), req.query("properties")));
    }
    return Response.json(200, body);
  }

  /** name=a,b means any of; a leading ! negates (DOC:CAT-FILTER). */
  private static boolean nameMatches(String filter, String name) {
    if (filter == null) {
      return true;
    }
    boolean negate = filter.startsWith("!");
    Set<String> names = Set.of((negate ? filter.substring(1) : filter).split(","));
    return negate != names.contains(name);
  }

  /**
   * tags=key:value (DOC:CAT-FILTER): the dataset carries that tag with that value; a comma list
   * means any of, and {@code *} in the value matches any characters ("key:*" = has the tag).
   */
  private static boolean tagsMatch(String filter, JsonNode tags) {
    if (filter == null) {
      return true;
    }
    for (String one : filter.split(",")) {
      int colon = one.indexOf(':');
      if (colon <= 0) {
        throw bad("tags must look like key:value");
      }
      String key = one.substring(0, colon);
      Pattern value =
          Pattern.compile(
              Arrays.stream(one.substring(colon + 1).split("\\*", -1))
                  .map(Pattern::quote)
                  .collect(Collectors.joining(".*")));
      for (JsonNode v : tags.path(key)) {
        if (value.matcher(v.asText()).matches()) {
          return true;
        }
      }
    }
    return false;
  }

  private static Comparator<Entity> order(String orderBy) {
    Comparator<Entity> result = null;
    for (String part : orderBy.split(",")) {
      String[] p = part.split(":");
      if (p.length != 2 || !(p[0].equals("asc") || p[0].equals("desc"))) {
        throw bad("orderBy must look like asc:created or desc:updated");
      }
      Comparator<Entity> c =
          (a, b) ->
              PropertyFilter.compare(
                  String.valueOf(Json.text(a.doc(), p[1])),
                  String.valueOf(Json.text(b.doc(), p[1])));
      c = p[0].equals("desc") ? c.reversed() : c;
      result = result == null ? c : result.thenComparing(c);
    }
    return result;
  }

  private static ObjectNode trim(ObjectNode doc, String properties) {
    if (properties == null || properties.isBlank()) {
      return doc.deepCopy();
    }
    ObjectNode out = Json.obj();
    for (String p : properties.split(",")) {
      if (doc.has(p.trim())) {
        out.set(p.trim(), doc.get(p.trim()).deepCopy());
      }
    }
    return out;
  }

  /** 200 ["@/dataSets/<id>"]; an unknown id still answers 200 with [] (DOC:CAT-DELETE). */
  private Response delete(Request req) {
    String id = req.param("id");
    ArrayNode answer = Json.arr();
    if (store.find(Kind.DATASET, id, req.caller()).isPresent()) {
      store.remove(Kind.DATASET, id);
      answer.add("@/dataSets/" + id);
    }
    return Response.json(200, answer);
  }

  /** A Mongo-ObjectId-like 24-hex id, the form Catalog uses. */
  private static String hex24() {
    byte[] raw = new byte[12];
    RANDOM.nextBytes(raw);
    return HexFormat.of().formatHex(raw);
  }

  private static ApiError bad(String detail) {
    return Problems.simpleProblem(Service.CATALOG, 400, "Bad Request", detail);
  }
}
