package dev.aep.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.Kind;
import dev.aep.simulator.http.Caller;
import dev.aep.simulator.http.Json;
import dev.aep.simulator.http.Request;
import dev.aep.simulator.http.Response;
import dev.aep.simulator.http.Router;
import dev.aep.simulator.store.Entity;
import dev.aep.simulator.xdm.Evolution;
import dev.aep.simulator.xdm.XdmClasses;
import java.util.List;
import java.util.Optional;

/**
 * Schema Registry tenant schemas and stats (platform-api.md 3, 9, 11): Accept rules on every GET,
 * unique titles, ids by $id or meta:altId, versions 1.0 -> 1.1 on PUT/PATCH, no If-Match, allOf of
 * one class and existing field groups, additive-only changes once a dataset uses the schema.
 */
public final class SchemaRegistryApi extends RegistryResources {

  public SchemaRegistryApi(Context ctx) {
    super(ctx, Kind.SCHEMA, "/tenant/schemas");
  }

  @Override
  public void register(Router r) {
    add(r, Kind.OTHER, "GET", "/stats", this::stats);
    super.register(r);
  }

  /**
   * tenantId is this instance's TENANT_ID; counts use the spec's names (platform-api.md 9
   * [DOC:XDM-GS, SPEC:SR statsResponse]).
   */
  private Response stats(Request req) {
    Caller c = req.caller();
    ObjectNode body = Json.obj().put("imsOrg", c.orgId()).put("tenantId", tenantId);
    body.putObject("counts")
        .put("schemas", store.list(Kind.SCHEMA, c).size())
        .put("mixins", store.list(Kind.FIELD_GROUP, c).size());
    return Response.json(200, body);
  }

  @Override
  Response create(ObjectNode body, Caller c) {
    validate(body, c, null);
    return created("schemas", false, c, doc -> copyContent(body, doc));
  }

  /** Copies the client-owned fields and derives meta:class and meta:extends from allOf. */
  private static void copyContent(JsonNode body, ObjectNode doc) {
    doc.put("title", body.get("title").asText())
        .put("description", body.get("description").asText());
    doc.put("type", body.get("type").asText());
    doc.set("allOf", body.get("allOf").deepCopy());
    ArrayNode ext = Json.arr();
    for (JsonNode ref : body.get("allOf")) {
      String r = ref.get("$ref").asText();
      if (XdmClasses.classes().contains(r)) {
        doc.put("meta:class", r);
      }
      ext.add(r);
    }
    doc.set("meta:extends", ext);
    if (body.has("meta:immutableTags")) {
      doc.set("meta:immutableTags", body.get("meta:immutableTags").deepCopy());
    }
  }

  /** Spec-required fields [SPEC:SR createSchema], the allOf composition and a unique title. */
  private void validate(JsonNode body, Caller c, String selfId) {
    for (String f : List.of("type", "title", "description")) {
      if (!Json.hasText(body, f)) {
        throw invalid(f + " is required");
      }
    }
    if (!"object".equals(body.get("type").asText())) {
      throw invalid("type must be object");
    }
    SchemaComposition.check(body.get("allOf"), ref -> resolver.fieldGroup(ref, c).map(Entity::doc));
    checkTitle(body, c, selfId);
  }

  /**
   * xed returns the stored form; xed-full* adds the resolved fields under properties
   * (platform-api.md 3).
   */
  @Override
  Response get(Request req) {
    return lookup(req, resolver::expanded);
  }

  @Override
  Response put(Request req) {
    Entity e = find(req);
    ObjectNode body = body(req);
    return replace(e, body, e.doc().deepCopy(), req.caller());
  }

  /**
   * JSON Patch, e.g. add /allOf/- to attach a field group [DOC:XDM-SCHEMAS]; the result is
   * validated like a PUT.
   */
  @Override
  Response patch(Request req) {
    Entity e = find(req);
    ObjectNode doc = patched(e, req);
    return replace(e, doc.deepCopy(), doc, req.caller());
  }

  /**
   * Takes the content of a PUT body or patched document into {@code doc} and stores it as the next
   * version.
   */
  private Response replace(Entity e, JsonNode content, ObjectNode doc, Caller c) {
    validate(content, c, e.id());
    doc.remove("meta:class");
    copyContent(content, doc);
    checkAdditive(e, doc);
    return saveNewVersion(e, doc, c);
  }

  /**
   * Once a dataset uses the schema, changes must be additive (platform-api.md 10, Evolution
   * [DOC:XDM-COMP]): no field group may leave allOf and no field may go or change type.
   */
  private void checkAdditive(Entity e, ObjectNode after) {
    List<Entity> datasets = datasetsUsing(e);
    if (datasets.isEmpty()) {
      return;
    }
    String usedBy = "Schema " + e.id() + " is used by dataset " + datasets.get(0).id();
    for (JsonNode ref : e.doc().path("allOf")) {
      String r = Json.text(ref, "$ref");
      boolean kept = false;
      for (JsonNode n : after.path("allOf")) {
        kept |= r.equals(Json.text(n, "$ref"));
      }
      if (!kept) {
        throw notAdditive(usedBy, "removes field group " + r);
      }
    }
    Optional<String> breaking =
        Evolution.breakingChange(resolver.fields(e), resolver.fields(after, e.scope()));
    if (breaking.isPresent()) {
      throw notAdditive(usedBy, breaking.get());
    }
  }

  /**
   * DELETE answers 204. [INF] Deleting a schema that datasets still use is refused (400): the docs
   * say this is likely and unverified; refusing keeps a wrong teardown order visible. [INF] The
   * schema's descriptors go with it: a descriptor only describes its source schema (platform-api.md
   * 12) and would otherwise point at nothing.
   */
  @Override
  void beforeDelete(Entity e, Request req) {
    refuseWhileUsed("Schema", e, "dataset", datasetsUsing(e), "delete the dataset first");
    for (Entity d : store.list(Kind.DESCRIPTOR, req.caller())) {
      if (e.id().equals(Json.text(d.doc(), "xdm:sourceSchema"))) {
        store.remove(Kind.DESCRIPTOR, d.id());
      }
    }
  }
}
