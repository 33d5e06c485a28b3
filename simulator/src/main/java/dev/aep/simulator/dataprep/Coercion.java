package dev.aep.simulator.dataprep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Set;

/**
 * The implicit conversions Data Prep applies toward a destination field's type, and only those that
 * are documented: a number or boolean into a string field becomes its text (1234 -> "1234",
 * DOC:DP-MS preview example); y/yes/on/true and n/no/off/false (all lower or all upper case) into a
 * boolean field (DOC:DP-DATA). Everything else passes unchanged and the type check decides (strict
 * [INF]: other coercions are undocumented).
 */
final class Coercion {
  private static final Set<String> TRUE = Set.of("y", "yes", "on", "true");
  private static final Set<String> FALSE = Set.of("n", "no", "off", "false");

  private Coercion() {}

  static JsonNode toType(JsonNode v, String xdmType) {
    if (v == null) {
      return null;
    }
    if (xdmType.equals("string") && (v.isNumber() || v.isBoolean())) {
      return JsonNodeFactory.instance.textNode(v.asText());
    }
    if (xdmType.equals("boolean") && v.isTextual()) {
      String s = v.asText();
      boolean oneCase =
          s.equals(s.toLowerCase(java.util.Locale.ROOT))
              || s.equals(s.toUpperCase(java.util.Locale.ROOT));
      String l = s.toLowerCase(java.util.Locale.ROOT);
      if (oneCase && TRUE.contains(l)) {
        return JsonNodeFactory.instance.booleanNode(true);
      }
      if (oneCase && FALSE.contains(l)) {
        return JsonNodeFactory.instance.booleanNode(false);
      }
    }
    return v;
  }
}
