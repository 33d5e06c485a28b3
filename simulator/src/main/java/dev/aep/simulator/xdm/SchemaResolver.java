package dev.aep.simulator.xdm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.simulator.Kind;
import dev.aep.simulator.http.Caller;
import dev.aep.simulator.http.Json;
import dev.aep.simulator.store.Entity;
import dev.aep.simulator.store.Store;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a schema into its leaf fields: the class's own fields plus those of every field group
 * in its {@code allOf} (platform-api.md 9-11). What Data Prep checks destinations against, what
 * runs check rows against and what {@code xed-full} lookups show.
 */
public final class SchemaResolver {
  private final Store store;

  public SchemaResolver(Store store) {
    this.store = store;
  }

  /** A schema by {@code $id} or {@code meta:altId}, in the caller's org and sandbox. */
  public Optional<Entity> schema(String idOrAltId, Caller caller) {
    return byIdOrAltId(Kind.SCHEMA, idOrAltId, caller);
  }

  /** A tenant field group by {@code $id} or {@code meta:altId}, in the caller's org and sandbox. */
  public Optional<Entity> fieldGroup(String idOrAltId, Caller caller) {
    return byIdOrAltId(Kind.FIELD_GROUP, idOrAltId, caller);
  }

  private Optional<Entity> byIdOrAltId(Kind kind, String idOrAltId, Caller caller) {
    Optional<Entity> byId = store.find(kind, idOrAltId, caller);
    if (byId.isPresent()) {
      return byId;
    }
    return store.list(kind, caller).stream()
        .filter(e -> idOrAltId.equals(Json.text(e.doc(), "meta:altId")))
        .findFirst();
  }

  /**
   * Leaf fields of a stored schema keyed by dot path, class fields first, then field groups in
   * {@code allOf} order. A reference that resolves to nothing contributes nothing (the registry
   * refuses such references on write).
   */
  public Map<String, XdmField> fields(Entity schema) {
    Map<String, XdmField> out = new LinkedHashMap<>();
    Caller scope = new Caller("resolver", schema.orgId(), schema.sandbox());
    for (JsonNode ref : schema.doc().path("allOf")) {
      String r = Json.text(ref, "$ref");
      if (r == null) {
        continue;
      }
      XdmClasses.fields(r).forEach(f -> out.putIfAbsent(f.path(), f));
      XdmClasses.standardFieldGroupFields(r).forEach(f -> out.putIfAbsent(f.path(), f));
      fieldGroup(r, scope).ifPresent(fg -> fieldGroupFields(fg.doc()).forEach((p, f) -> out.putIfAbsent(p, f)));
    }
    return out;
  }

  /** Leaf fields a field group document defines, from every entry of its {@code definitions}. */
  public static Map<String, XdmField> fieldGroupFields(JsonNode fieldGroup) {
    Map<String, XdmField> out = new LinkedHashMap<>();
    Iterator<JsonNode> defs = fieldGroup.path("definitions").elements();
    while (defs.hasNext()) {
      walk(defs.next(), "", out);
    }
    return out;
  }

  private static void walk(JsonNode node, String prefix, Map<String, XdmField> out) {
    JsonNode props = node.path("properties");
    if (!props.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> it = props.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      JsonNode field = e.getValue();
      if (field.path("properties").isObject() && field.path("properties").size() > 0) {
        walk(field, path, out);
      } else {
        out.put(path, new XdmField(path, xdmType(field), false));
      }
    }
  }

  /** The XDM type of a JSON Schema field: format date-time and date are types of their own. */
  public static String xdmType(JsonNode field) {
    String type = Json.text(field, "type");
    String format = Json.text(field, "format");
    if ("string".equals(type) && "date-time".equals(format)) {
      return "date-time";
    }
    if ("string".equals(type) && "date".equals(format)) {
      return "date";
    }
    return type == null ? "object" : type;
  }
}
