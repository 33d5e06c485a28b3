package dev.aep.simulator.xdm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.Kind;
import dev.aep.simulator.http.Caller;
import dev.aep.simulator.http.Json;
import dev.aep.simulator.store.Entity;
import dev.aep.simulator.store.Store;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Resolves a schema into its leaf fields: the class's own fields plus those of every field group in
 * its {@code allOf} (platform-api.md 9-11). What Data Prep checks destinations against, what runs
 * check rows against and what {@code xed-full} lookups show.
 */
public final class SchemaResolver {
  private final Store store;

  public SchemaResolver(Store store) {
    this.store = store;
  }

  /** A schema by {@code $id} or {@code meta:altId}, in the caller's org and sandbox. */
  public Optional<Entity> schema(String idOrAltId, Caller caller) {
    return find(Kind.SCHEMA, idOrAltId, caller);
  }

  /** A tenant field group by {@code $id} or {@code meta:altId}, in the caller's org and sandbox. */
  public Optional<Entity> fieldGroup(String idOrAltId, Caller caller) {
    return find(Kind.FIELD_GROUP, idOrAltId, caller);
  }

  /**
   * A stored registry resource of {@code kind} by {@code $id} or {@code meta:altId}
   * (platform-api.md 3 [DOC:XDM-GS]).
   */
  public Optional<Entity> find(Kind kind, String idOrAltId, Caller caller) {
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
    return fields(schema.doc(), schema.scope());
  }

  /** Leaf fields of a schema document as stored in {@code scope}'s sandbox. */
  public Map<String, XdmField> fields(JsonNode schemaDoc, Caller scope) {
    return fields(schemaDoc, ref -> fieldGroup(ref, scope).map(Entity::doc));
  }

  /**
   * Leaf fields of a schema document whose tenant field groups come from {@code groups} (a ref to
   * its document): lets a write check a schema against a field group not stored yet.
   */
  public static Map<String, XdmField> fields(
      JsonNode schemaDoc, Function<String, Optional<? extends JsonNode>> groups) {
    Map<String, XdmField> out = new LinkedHashMap<>();
    for (JsonNode ref : schemaDoc.path("allOf")) {
      String r = Json.text(ref, "$ref");
      if (r == null) {
        continue;
      }
      XdmClasses.fields(r).forEach(f -> out.putIfAbsent(f.path(), f));
      XdmClasses.standardFieldGroupFields(r).forEach(f -> out.putIfAbsent(f.path(), f));
      groups.apply(r).ifPresent(fg -> fieldGroupFields(fg).forEach(out::putIfAbsent));
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

  /**
   * The schema as an {@code xed-full} lookup shows it (platform-api.md 3 [DOC:XDM-GS]): the stored
   * document plus {@code properties} holding every resolved field as nested JSON Schema and a
   * top-level {@code required} list from the class (ExperienceEvent: _id, timestamp [DOC:XDM-EE]).
   */
  public ObjectNode expanded(Entity schema) {
    ObjectNode doc = schema.doc().deepCopy();
    ObjectNode props = doc.putObject("properties");
    ArrayNode required = Json.arr();
    Caller scope = schema.scope();
    for (JsonNode ref : schema.doc().path("allOf")) {
      String r = Json.text(ref, "$ref");
      if (r == null) {
        continue;
      }
      for (XdmField f : concat(XdmClasses.fields(r), XdmClasses.standardFieldGroupFields(r))) {
        put(props, f);
        if (f.required() && !f.path().contains(".")) {
          required.add(f.path());
        }
      }
      fieldGroup(r, scope).ifPresent(fg -> mergeDefinitions(fg.doc(), props));
    }
    doc.set("required", required);
    return doc;
  }

  /**
   * A field group as an {@code xed-full} lookup shows it: its definitions merged under {@code
   * properties}.
   */
  public static ObjectNode expandedFieldGroup(JsonNode fieldGroup) {
    ObjectNode doc = fieldGroup.deepCopy();
    mergeDefinitions(fieldGroup, doc.putObject("properties"));
    return doc;
  }

  /**
   * Removes {@code title} and {@code description} of every field, as the {@code -notext} formats
   * do.
   */
  public static void stripText(ObjectNode expanded) {
    JsonNode props = expanded.get("properties");
    if (props instanceof ObjectNode p) {
      p.elements().forEachRemaining(SchemaResolver::stripField);
    }
  }

  private static void stripField(JsonNode field) {
    if (field instanceof ObjectNode o) {
      o.remove("title");
      o.remove("description");
      o.path("properties").elements().forEachRemaining(SchemaResolver::stripField);
      stripField(o.get("items"));
    }
  }

  private static List<XdmField> concat(List<XdmField> a, List<XdmField> b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : Stream.concat(a.stream(), b.stream()).toList();
  }

  /**
   * Writes a dot-path field as nested objects, e.g. _repo.createDate ->
   * _repo{properties{createDate}}.
   */
  private static void put(ObjectNode props, XdmField f) {
    String[] segs = f.path().split("\\.");
    ObjectNode at = props;
    for (int i = 0; i < segs.length - 1; i++) {
      ObjectNode parent =
          at.has(segs[i])
              ? (ObjectNode) at.get(segs[i])
              : at.putObject(segs[i]).put("type", "object");
      at =
          parent.has("properties")
              ? (ObjectNode) parent.get("properties")
              : parent.putObject("properties");
    }
    ObjectNode leaf = at.putObject(segs[segs.length - 1]);
    switch (f.type()) {
      case "date-time", "date" -> leaf.put("type", "string").put("format", f.type());
      default -> leaf.put("type", f.type());
    }
  }

  private static void mergeDefinitions(JsonNode fieldGroup, ObjectNode props) {
    Iterator<JsonNode> defs = fieldGroup.path("definitions").elements();
    while (defs.hasNext()) {
      JsonNode p = defs.next().path("properties");
      if (p.isObject()) {
        merge(props, (ObjectNode) p);
      }
    }
  }

  /**
   * Deep-merges field definitions: objects met twice (e.g. _tenant) get the union of their
   * properties.
   */
  private static void merge(ObjectNode into, ObjectNode from) {
    from.fields()
        .forEachRemaining(
            e -> {
              JsonNode mine = into.get(e.getKey());
              JsonNode theirs = e.getValue();
              if (mine instanceof ObjectNode m
                  && m.get("properties") instanceof ObjectNode mp
                  && theirs.get("properties") instanceof ObjectNode tp) {
                merge(mp, tp);
              } else {
                into.set(e.getKey(), theirs.deepCopy());
              }
            });
  }
}
