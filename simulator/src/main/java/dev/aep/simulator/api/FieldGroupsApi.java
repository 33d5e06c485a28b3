package dev.aep.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.Kind;
import dev.aep.simulator.SimClock;
import dev.aep.simulator.http.Caller;
import dev.aep.simulator.http.Json;
import dev.aep.simulator.http.Request;
import dev.aep.simulator.http.Response;
import dev.aep.simulator.http.Route;
import dev.aep.simulator.http.Router;
import dev.aep.simulator.http.Service;
import dev.aep.simulator.store.Entity;
import dev.aep.simulator.store.Store;
import dev.aep.simulator.xdm.Evolution;
import dev.aep.simulator.xdm.SchemaResolver;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tenant field groups, {@code /tenant/fieldgroups} (platform-api.md 10 [DOC:XDM-FG, SPEC:SR]):
 * create, lookup, list, replace, patch and delete, with the same Accept, id and version rules as
 * schemas, and changes checked against every schema that uses the group.
 */
public final class FieldGroupsApi {
  private static final String PATH = "/tenant/fieldgroups";
  /** The client-owned part of a field group body; PUT replaces exactly these. */
  private static final List<String> CONTENT =
      List.of("title", "description", "type", "meta:intendedToExtend", "definitions", "allOf");

  private final RegistryResources registry;

  public FieldGroupsApi(Store store, SimClock clock, String tenantId, SchemaResolver schemas) {
    this.registry = new RegistryResources(store, clock, tenantId, schemas);
  }

  public void register(Router r) {
    add(r, "GET", PATH, false, this::list);
    add(r, "POST", PATH, true, this::create);
    add(r, "GET", PATH + "/{id}", false, this::get);
    add(r, "PUT", PATH + "/{id}", true, this::put);
    add(r, "PATCH", PATH + "/{id}", true, this::patch);
    add(r, "DELETE", PATH + "/{id}", true, this::delete);
  }

  private static void add(Router r, String method, String path, boolean write, Route.Handler h) {
    r.add(new Route(method, RegistryResources.BASE + path, Service.SCHEMA_REGISTRY, Kind.FIELD_GROUP, write, h));
  }

  /** 201 with $id .../{tenant}/mixins/{hash}, altId _{tenant}.mixins.{hash}, meta:resourceType mixins [DOC:XDM-FG]. */
  private Response create(Request req) {
    ObjectNode body = RegistryResources.body(req);
    Caller c = req.caller();
    FieldGroupRules.check(body, registry.namespace());
    registry.checkTitle(body, c, null);
    ObjectNode doc = registry.newResource("mixins");
    copyContent(body, doc);
    doc.put("meta:xdmType", "object").put("meta:abstract", true).put("meta:extensible", true);
    registry.addMeta(doc, c);
    registry.store().create(Kind.FIELD_GROUP, Json.text(doc, "$id"), c, doc);
    return Response.json(201, doc);
  }

  private static void copyContent(JsonNode body, ObjectNode doc) {
    for (String f : CONTENT) {
      doc.remove(f);
      if (body.has(f)) {
        doc.set(f, body.get(f).deepCopy());
      }
    }
  }

  /** xed gives the stored group; xed-full* also its fields merged under properties. */
  private Response get(Request req) {
    Entity e = registry.find(Kind.FIELD_GROUP, req);
    String format = RegistryResources.lookupFormat(req, e);
    ObjectNode doc = e.doc();
    if (format.startsWith("xed-full")) {
      doc = SchemaResolver.expandedFieldGroup(doc);
      if (format.endsWith("notext")) {
        SchemaResolver.stripText(doc);
      }
    }
    return Response.json(200, doc, RegistryResources.contentType(format, e));
  }

  /** e.g. property=meta:intendedToExtend==<class $id> or property=title==X [DOC:XDM-FG, DOC:XDM-APPX]. */
  private Response list(Request req) {
    return RegistryResources.list(req, registry.store().list(Kind.FIELD_GROUP, req.caller()), PATH,
        "global_fieldgroups");
  }

  private Response put(Request req) {
    Entity e = registry.find(Kind.FIELD_GROUP, req);
    ObjectNode body = RegistryResources.body(req);
    ObjectNode doc = e.doc().deepCopy();
    copyContent(body, doc);
    return update(e, doc, req.caller());
  }

  /** JSON Patch, e.g. add /definitions/x/properties/_{tenant}/properties/y [DOC:XDM-FG]. */
  private Response patch(Request req) {
    Entity e = registry.find(Kind.FIELD_GROUP, req);
    return update(e, RegistryResources.patched(e, req), req.caller());
  }

  private Response update(Entity e, ObjectNode doc, Caller c) {
    FieldGroupRules.check(doc, registry.namespace());
    registry.checkTitle(doc, c, e.id());
    checkSchemasUsing(e, doc);
    return registry.saveNewVersion(e, doc, c);
  }

  /**
   * Changes reach every schema using the group [DOC:XDM-UIF], so each must stay valid (class,
   * no duplicate fields); a schema that a dataset uses may only gain fields (platform-api.md 10,
   * Evolution [DOC:XDM-COMP]; the error code is undocumented [INF]).
   */
  private void checkSchemasUsing(Entity group, ObjectNode after) {
    String altId = Json.text(group.doc(), "meta:altId");
    for (Entity schema : registry.schemasUsing(group)) {
      Caller scope = new Caller("registry", schema.orgId(), schema.sandbox());
      Function<String, Optional<? extends JsonNode>> groups = ref ->
          ref.equals(group.id()) || ref.equals(altId) ? Optional.of(after)
              : registry.resolver().fieldGroup(ref, scope).map(Entity::doc);
      SchemaComposition.check(schema.doc().get("allOf"), groups);
      List<Entity> datasets = registry.datasetsUsing(schema);
      if (datasets.isEmpty()) {
        continue;
      }
      Optional<String> breaking = Evolution.breakingChange(
          registry.resolver().fields(schema), SchemaResolver.fields(schema.doc(), groups));
      if (breaking.isPresent()) {
        throw RegistryResources.invalid("Field group " + group.id() + " is used by schema " + schema.id()
            + ", which dataset " + datasets.get(0).id() + " uses, so changes must be additive: this change "
            + breaking.get() + "; create a new field group, schema and dataset for a breaking change");
      }
    }
  }

  /**
   * 204 [DOC:XDM-FG]. [INF strict] Refused (400) while a schema references the group: deleting it
   * would silently take fields away from that schema.
   */
  private Response delete(Request req) {
    Entity e = registry.find(Kind.FIELD_GROUP, req);
    List<Entity> users = registry.schemasUsing(e);
    if (!users.isEmpty()) {
      throw RegistryResources.invalid("Field group " + e.id() + " is used by schema " + users.get(0).id()
          + "; remove it from the schema's allOf or delete the schema first");
    }
    registry.store().remove(Kind.FIELD_GROUP, e.id());
    return Response.empty(204);
  }
}
