package dev.aep.simulator.dataprep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A path into a source record: field names and array indexes, e.g. {@code data.items[0].id}.
 * Attribute sources use this syntax: '.' nests, {@code [n]} indexes an array, {@code \.} escapes a
 * dot inside a name (platform-api.md 13, DOC:DP-MSO). {@code [*]} is documented too; [INF] the
 * simulator maps single values only, so it is refused as unsupported rather than guessed at; [INF]
 * unescaped whitespace and ( ) , " ' are refused too (strict: the docs show none in attribute
 * paths; they mostly mean an expression sent as ATTRIBUTE, which DOC:DP-MS warns about).
 */
public record SourcePath(List<Object> segments) {

  /** Parses an attribute source; throws ExpressionException naming the position of the fault. */
  public static SourcePath parse(String text) {
    List<Object> segs = new ArrayList<>();
    StringBuilder name = new StringBuilder();
    int i = 0;
    boolean afterIndex = false;
    while (i < text.length()) {
      char ch = text.charAt(i);
      if (ch == '\\' && i + 1 < text.length()) {
        name.append(text.charAt(i + 1));
        i += 2;
      } else if (ch == '.') {
        endName(segs, name, afterIndex, "Empty field name in path '" + text + "'", i);
        afterIndex = false;
        i++;
        if (i == text.length()) {
          throw new ExpressionException("Path '" + text + "' ends with '.'", i - 1);
        }
      } else if (ch == '[') {
        endName(segs, name, afterIndex, "Array index without a field in path '" + text + "'", i);
        int close = text.indexOf(']', i);
        String index = close < 0 ? "" : text.substring(i + 1, close);
        if (!index.matches("\\d+")) {
          throw new ExpressionException(
              "Array index must be a non-negative integer in path '" + text + "'", i);
        }
        segs.add(Integer.parseInt(index));
        i = close + 1;
        afterIndex = true;
      } else if (ch == ']' || Character.isWhitespace(ch)) {
        throw new ExpressionException("Unexpected '" + ch + "' in path '" + text + "'", i);
      } else if ("(),\"'".indexOf(ch) >= 0) {
        throw new ExpressionException(
            "Unexpected '"
                + ch
                + "' in path '"
                + text
                + "' (an expression needs sourceType EXPRESSION)",
            i);
      } else {
        if (afterIndex) {
          throw new ExpressionException("Expected '.' or '[' after ']' in path '" + text + "'", i);
        }
        name.append(ch);
        i++;
      }
    }
    if (!name.isEmpty()) {
      segs.add(name.toString());
    }
    if (segs.isEmpty()) {
      throw new ExpressionException("Empty path", 0);
    }
    return new SourcePath(List.copyOf(segs));
  }

  /**
   * Ends the name before a '.' or '[': adds it, or throws {@code why} at {@code i} when it is empty
   * and does not follow an index.
   */
  private static void endName(
      List<Object> segs, StringBuilder name, boolean afterIndex, String why, int i) {
    if (name.isEmpty() && !afterIndex) {
      throw new ExpressionException(why, i);
    }
    if (!name.isEmpty()) {
      segs.add(name.toString());
    }
    name.setLength(0);
  }

  /** The value at this path, or null when any step is missing or null. */
  public JsonNode lookup(JsonNode root) {
    JsonNode n = root;
    for (Object s : segments) {
      n = n == null || n.isNull() ? null : step(n, s);
    }
    return n == null || n.isNull() || n.isMissingNode() ? null : n;
  }

  /**
   * Whether every step of the path exists in the record (a present null counts), for contains_key.
   */
  public boolean exists(JsonNode root) {
    JsonNode n = root;
    for (Object s : segments) {
      n = step(n, s);
      if (n == null) {
        return false;
      }
    }
    return true;
  }

  /** One step down: an array element by index or an object field by name; null when absent. */
  private static JsonNode step(JsonNode n, Object segment) {
    return segment instanceof Integer idx
        ? (n.isArray() ? n.get(idx) : null)
        : (n.isObject() ? n.get((String) segment) : null);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Object s : segments) {
      if (s instanceof Integer idx) {
        b.append('[').append(idx).append(']');
      } else {
        if (!b.isEmpty()) {
          b.append('.');
        }
        b.append(((String) s).replace(".", "\\."));
      }
    }
    return b.toString();
  }
}
