package dev.aep.operator.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Platform JSON forgivingly: numbers and booleans may arrive as strings ({@code "15"}, {@code
 * "true"}, {@code "0"}), fields may be missing or null, unknown fields are ignored.
 */
final class LenientJson {

  private LenientJson() {}

  /** The node at a path of field names; a missing node (never null) when absent. */
  static JsonNode at(JsonNode node, String... fields) {
    JsonNode current = node;
    for (String field : fields) {
      if (current == null || !current.isObject()) {
        return MissingNode.getInstance();
      }
      current = current.path(field);
    }
    return current == null ? MissingNode.getInstance() : current;
  }

  /** Text of a scalar, or null when missing/null/structured. */
  static String text(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull() || node.isContainerNode()) {
      return null;
    }
    return node.asText();
  }

  static String text(JsonNode node, String... fields) {
    return text(at(node, fields));
  }

  /** A long from a number, or a string holding an integer or decimal number; else null. */
  static Long longValue(JsonNode node) {
    if (node != null && node.isNumber()) {
      return node.asLong();
    }
    String s = node != null && node.isTextual() ? node.asText().trim() : "";
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      try {
        return (long) Double.parseDouble(s);
      } catch (NumberFormatException e2) {
        return null;
      }
    }
  }

  static Long longValue(JsonNode node, String... fields) {
    return longValue(at(node, fields));
  }

  static Integer intValue(JsonNode node, String... fields) {
    Long value = longValue(at(node, fields));
    return value == null ? null : Math.toIntExact(value);
  }

  /** A boolean from true/false, "true"/"false" (any case), 1/0 or "1"/"0"; else null. */
  static Boolean bool(JsonNode node) {
    if (node != null && (node.isBoolean() || node.isNumber())) {
      return node.isBoolean() ? node.asBoolean() : node.asLong() != 0;
    }
    String s = node != null && node.isTextual() ? node.asText().trim() : "";
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> Boolean.TRUE;
      case "false", "0", "no" -> Boolean.FALSE;
      default -> null;
    };
  }

  static Boolean bool(JsonNode node, String... fields) {
    return bool(at(node, fields));
  }

  /** An instant from epoch milliseconds (number or string); else null. */
  static Instant epochMillis(JsonNode node, String... fields) {
    Long ms = longValue(at(node, fields));
    return ms == null || ms <= 0 ? null : Instant.ofEpochMilli(ms);
  }

  /** Text values of an array (scalars only); empty when not an array. */
  static List<String> textList(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(
          n -> {
            String t = text(n);
            if (t != null) {
              out.add(t);
            }
          });
    }
    return out;
  }

  /** Scalar members of an object as strings; nested values are skipped. */
  static Map<String, String> textMap(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                String t = text(e.getValue());
                if (t != null) {
                  out.put(e.getKey(), t);
                }
              });
    }
    return out;
  }

  /** Object of string arrays (Catalog tags); a scalar value becomes a one-element list. */
  static Map<String, List<String>> tags(JsonNode node) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                JsonNode v = e.getValue();
                if (v.isArray()) {
                  out.put(e.getKey(), List.copyOf(textList(v)));
                } else if (text(v) != null) {
                  out.put(e.getKey(), List.of(text(v)));
                }
              });
    }
    return out;
  }

  /** Elements of an array; empty when not an array. */
  static List<JsonNode> elements(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(out::add);
    }
    return out;
  }

  /** What {@link #properties} calls for each property. */
  @FunctionalInterface
  interface PropertyVisitor {
    void visit(String name, String path, JsonNode field);
  }

  /**
   * Calls {@code visit} with each property of {@code node}'s {@code properties} (a JSON Schema
   * object): its name, its dot path below {@code prefix} and its schema.
   */
  static void properties(JsonNode node, String prefix, PropertyVisitor visit) {
    at(node, "properties")
        .properties()
        .forEach(
            e ->
                visit.visit(
                    e.getKey(),
                    prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue()));
  }
}
