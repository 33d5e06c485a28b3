package dev.aep.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.simulator.http.Json;
import dev.aep.simulator.http.Problems;
import dev.aep.simulator.xdm.XdmClasses;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a tenant field group body must satisfy (platform-api.md 9 and 10): type object, a title,
 * meta:intendedToExtend naming known classes, and custom fields only under {@code _{tenantId}},
 * with valid names and supported types.
 */
final class FieldGroupRules {
  /** Letters, digits, - and _, no leading _ [DOC:XDM-GS] (platform-api.md 10). */
  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]*$");

  private static final Set<String> TYPES =
      Set.of("string", "integer", "number", "boolean", "object", "array");

  /**
   * [INF strict] Only the formats the simulator types distinctly (platform-api.md 10
   * [DOC:XDM-FIELDS]).
   */
  private static final Set<String> FORMATS = Set.of("date-time", "date");

  /**
   * The registry documents 400 XDM-1020..1024 for fields outside the tenant namespace
   * [DOC:XDM-FAQ]; which one is [INF].
   */
  private static final String OUTSIDE_NAMESPACE = "1020-400";

  private FieldGroupRules() {}

  /** Throws a 400 whose message names the offending field. */
  static void check(JsonNode body, String namespace) {
    if (!Json.hasText(body, "title")) {
      throw RegistryResources.invalid("title is required");
    }
    if (!"object".equals(Json.text(body, "type"))) {
      throw RegistryResources.invalid("type is required and must be object");
    }
    JsonNode classes = body.get("meta:intendedToExtend");
    if (classes == null || !classes.isArray() || classes.isEmpty()) {
      throw RegistryResources.invalid(
          "meta:intendedToExtend is required: an array of class $ids, e.g. "
              + XdmClasses.EXPERIENCE_EVENT);
    }
    for (JsonNode c : classes) {
      if (!c.isTextual() || !XdmClasses.classes().contains(c.asText())) {
        throw RegistryResources.invalid(
            "meta:intendedToExtend names "
                + c
                + ", which is not a known class (known: "
                + String.join(", ", XdmClasses.classes())
                + ")");
      }
    }
    JsonNode defs = body.get("definitions");
    if (defs == null || !defs.isObject() || defs.isEmpty()) {
      // [INF strict] A field group exists to bring fields; one without definitions is refused.
      throw RegistryResources.invalid(
          "definitions is required: the field group's fields under " + namespace);
    }
    Iterator<Map.Entry<String, JsonNode>> it = defs.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> def = it.next();
      checkDefinition(def.getKey(), def.getValue(), namespace);
    }
    for (JsonNode ref : body.path("allOf")) {
      String r = Json.text(ref, "$ref");
      if (r == null
          || !r.startsWith("#/definitions/")
          || !defs.has(r.substring("#/definitions/".length()))) {
        throw RegistryResources.invalid(
            "allOf entry " + ref + " must reference one of this field group's definitions");
      }
    }
  }

  private static void checkDefinition(String name, JsonNode def, String namespace) {
    JsonNode props = def.path("properties");
    if (!props.isObject() || props.isEmpty()) {
      throw RegistryResources.invalid("definitions." + name + ".properties is required");
    }
    Iterator<Map.Entry<String, JsonNode>> it = props.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals(namespace)) {
        // Custom fields live under _{TENANT_ID} (platform-api.md 9 [DOC:XDM-FAQ, DOC:XDM-FG]).
        throw Problems.xdm(
            OUTSIDE_NAMESPACE,
            "Bad Request",
            "Field '"
                + e.getKey()
                + "' of definition "
                + name
                + " is outside the tenant namespace: custom fields belong under "
                + namespace);
      }
      JsonNode ns = e.getValue();
      if (ns.has("type") && !"object".equals(Json.text(ns, "type"))) {
        throw RegistryResources.invalid("Field " + namespace + " must be of type object");
      }
      if (!ns.path("properties").isObject() || ns.path("properties").isEmpty()) {
        throw RegistryResources.invalid(
            "Field " + namespace + " needs properties: the custom fields");
      }
      checkProperties(ns.get("properties"), namespace);
    }
  }

  private static void checkProperties(JsonNode props, String prefix) {
    Iterator<Map.Entry<String, JsonNode>> it = props.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = prefix + "." + e.getKey();
      if (!NAME.matcher(e.getKey()).matches()) {
        throw RegistryResources.invalid(
            "Field "
                + path
                + " has an invalid name: use letters, digits, - and _, not starting with _");
      }
      checkField(e.getValue(), path);
    }
  }

  /** One field's JSON Schema type (platform-api.md 10, Types [DOC:XDM-FIELDS, DOC:XDM-TYPES]). */
  private static void checkField(JsonNode field, String path) {
    String type = Json.text(field, "type");
    if (type == null || !TYPES.contains(type)) {
      throw RegistryResources.invalid(
          "Field "
              + path
              + " has type "
              + (type == null ? "(none)" : type)
              + "; supported: "
              + String.join(", ", TYPES.stream().sorted().toList()));
    }
    String format = Json.text(field, "format");
    if (format != null && !("string".equals(type) && FORMATS.contains(format))) {
      throw RegistryResources.invalid(
          "Field "
              + path
              + " has format "
              + format
              + "; only string fields take a format, date-time or date");
    }
    switch (type) {
      case "object" -> checkObject(field, path);
      case "array" -> {
        if (!field.path("items").isObject()) {
          throw RegistryResources.invalid("Field " + path + " is an array and needs items");
        }
        checkField(field.get("items"), path + "[]");
      }
      default -> {}
    }
  }

  /**
   * An object has properties, or is a map: meta:xdmType map with string or integer values
   * [DOC:XDM-TYPES].
   */
  private static void checkObject(JsonNode field, String path) {
    if ("map".equals(Json.text(field, "meta:xdmType"))) {
      String valueType = Json.text(field.path("additionalProperties"), "type");
      if (field.has("properties") || !("string".equals(valueType) || "integer".equals(valueType))) {
        throw RegistryResources.invalid(
            "Field "
                + path
                + " is a map: it needs additionalProperties.type string or integer and no properties");
      }
      return;
    }
    if (!field.path("properties").isObject() || field.path("properties").isEmpty()) {
      throw RegistryResources.invalid("Field " + path + " is an object and needs properties");
    }
    checkProperties(field.get("properties"), path);
  }
}
