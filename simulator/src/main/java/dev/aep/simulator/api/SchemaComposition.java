package dev.aep.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.simulator.http.Json;
import dev.aep.simulator.xdm.SchemaResolver;
import dev.aep.simulator.xdm.XdmClasses;
import dev.aep.simulator.xdm.XdmField;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a schema's {@code allOf}: exactly one known class and otherwise only field groups that
 * exist, that are meant for that class and that do not define the same field twice (platform-api.md
 * 3 [DOC:XDM-SCHEMAS], 10, 11).
 */
final class SchemaComposition {
  private SchemaComposition() {}

  /**
   * Throws a 400 naming the offending reference or field path. {@code groups} finds a tenant field
   * group document by $id or altId (so a field group write can be checked before it is stored).
   */
  static void check(JsonNode allOf, Function<String, Optional<? extends JsonNode>> groups) {
    if (allOf == null || !allOf.isArray() || allOf.isEmpty()) {
      throw RegistryResources.invalid("allOf is required: one class and zero or more field groups");
    }
    String classId = null;
    Set<String> seen = new HashSet<>();
    for (JsonNode ref : allOf) {
      if (!Json.hasText(ref, "$ref")) {
        throw RegistryResources.invalid("every allOf entry needs a $ref");
      }
      String r = ref.get("$ref").asText();
      if (!seen.add(r)) {
        throw RegistryResources.invalid("allOf lists " + r + " twice");
      }
      if (XdmClasses.classes().contains(r)) {
        if (classId != null) {
          throw RegistryResources.invalid(
              "allOf must reference exactly one class, found " + classId + " and " + r);
        }
        classId = r;
      } else if (!XdmClasses.standardFieldGroups().contains(r) && groups.apply(r).isEmpty()) {
        // Only the classes and standard field groups the simulator knows, and tenant field groups
        // of this sandbox, can be resolved; anything else would leave fields unknown. [INF strict]
        throw RegistryResources.invalid(
            "allOf references "
                + r
                + ", which is neither a known class nor a field group of this sandbox");
      }
    }
    if (classId == null) {
      throw RegistryResources.invalid(
          "allOf must reference exactly one class, found none (known: "
              + String.join(", ", XdmClasses.classes())
              + ")");
    }
    Map<String, String> owners = new LinkedHashMap<>();
    claim(owners, XdmClasses.fields(classId).stream().map(XdmField::path).toList(), classId);
    for (JsonNode ref : allOf) {
      String r = ref.get("$ref").asText();
      if (r.equals(classId)) {
        continue;
      }
      if (XdmClasses.standardFieldGroups().contains(r)) {
        claim(
            owners,
            XdmClasses.standardFieldGroupFields(r).stream().map(XdmField::path).toList(),
            r);
        continue;
      }
      JsonNode fg = groups.apply(r).orElseThrow();
      boolean fits = false;
      for (JsonNode c : fg.path("meta:intendedToExtend")) {
        fits |= classId.equals(c.asText());
      }
      if (!fits) {
        // [INF strict] The registry documents meta:intendedToExtend as the classes a field group is
        // for (platform-api.md 10 [DOC:XDM-FG]); a group for another class is refused.
        throw RegistryResources.invalid(
            "Field group "
                + r
                + " is not intended to extend "
                + classId
                + " (its meta:intendedToExtend is "
                + fg.path("meta:intendedToExtend")
                + ")");
      }
      claim(owners, SchemaResolver.fieldGroupFields(fg).keySet(), r);
    }
  }

  /**
   * [INF] Two parts of one schema may not define the same field path, nor a field inside another's
   * leaf.
   */
  private static void claim(Map<String, String> owners, Iterable<String> paths, String owner) {
    for (String p : paths) {
      for (Map.Entry<String, String> e : owners.entrySet()) {
        String q = e.getKey();
        if (!e.getValue().equals(owner)
            && (q.equals(p) || q.startsWith(p + ".") || p.startsWith(q + "."))) {
          throw RegistryResources.invalid(
              "Field path "
                  + p
                  + " of "
                  + owner
                  + " collides with "
                  + q
                  + " of "
                  + e.getValue()
                  + "; two parts of a schema cannot define the same field");
        }
      }
    }
    for (String p : paths) {
      owners.put(p, owner);
    }
  }
}
