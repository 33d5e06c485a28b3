package dev.aep.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.Kind;
import dev.aep.simulator.http.Caller;
import dev.aep.simulator.http.Json;
import dev.aep.simulator.http.Request;
import dev.aep.simulator.http.Response;
import dev.aep.simulator.store.Entity;
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
public final class FieldGroupsApi extends RegistryResources {
  /** The client-owned part of a field group body; PUT replaces exactly these. */
  private static final List<String> CONTENT =
      List.of("title", "description", "type", "meta:intendedToExtend", "definitions", "allOf");

  public FieldGroupsApi(Context ctx) {
    super(ctx, Kind.FIELD_GROUP, "/tenant/fieldgroups");
  }

  /**
   * 201 with $id .../{tenant}/mixins/{hash}, altId _{tenant}.mixins.{hash}, meta:resourceType
   * mixins [DOC:XDM-FG].
   */
  @Override
  Response create(ObjectNode body, Caller c) {
    FieldGroupRules.check(body, namespace());
    checkTitle(body, c, null);
    return created("mixins", true, c, doc -> copyContent(body, doc));
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
  @Override
  Response get(Request req) {
    return lookup(req, e -> SchemaResolver.expandedFieldGroup(e.doc()));
  }

  @Override
  Response put(Request req) {
    Entity e = find(req);
    ObjectNode body = body(req);
    ObjectNode doc = e.doc().deepCopy();
    copyContent(body, doc);
    return update(e, doc, req.caller());
  }

  /** JSON Patch, e.g. add /definitions/x/properties/_{tenant}/properties/y [DOC:XDM-FG]. */
  @Override
  Response patch(Request req) {
    Entity e = find(req);
    return update(e, patched(e, req), req.caller());
  }

  private Response update(Entity e, ObjectNode doc, Caller c) {
    FieldGroupRules.check(doc, namespace());
    checkTitle(doc, c, e.id());
    checkSchemasUsing(e, doc);
    return saveNewVersion(e, doc, c);
  }

  /**
   * Changes reach every schema using the group [DOC:XDM-UIF], so each must stay valid (class, no
   * duplicate fields); a schema that a dataset uses may only gain fields (platform-api.md 10,
   * Evolution [DOC:XDM-COMP]; the error code is undocumented [INF]).
   */
  private void checkSchemasUsing(Entity group, ObjectNode after) {
    String altId = Json.text(group.doc(), "meta:altId");
    for (Entity schema : schemasUsing(group)) {
      Function<String, Optional<? extends JsonNode>> groups =
          ref ->
              ref.equals(group.id()) || ref.equals(altId)
                  ? Optional.of(after)
                  : resolver.fieldGroup(ref, schema.scope()).map(Entity::doc);
      SchemaComposition.check(schema.doc().get("allOf"), groups);
      List<Entity> datasets = datasetsUsing(schema);
      if (datasets.isEmpty()) {
        continue;
      }
      Optional<String> breaking =
          Evolution.breakingChange(
              resolver.fields(schema), SchemaResolver.fields(schema.doc(), groups));
      if (breaking.isPresent()) {
        throw notAdditive(
            "Field group "
                + group.id()
                + " is used by schema "
                + schema.id()
                + ", which dataset "
                + datasets.get(0).id()
                + " uses",
            breaking.get());
      }
    }
  }

  /**
   * 204 [DOC:XDM-FG]. [INF strict] Refused (400) while a schema references the group: deleting it
   * would silently take fields away from that schema.
   */
  @Override
  void beforeDelete(Entity e, Request req) {
    refuseWhileUsed(
        "Field group",
        e,
        "schema",
        schemasUsing(e),
        "remove it from the schema's allOf or delete the schema first");
  }
}
