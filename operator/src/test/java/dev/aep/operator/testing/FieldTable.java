package dev.aep.operator.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Field paths and their types written as one line of text, {@code "data:object data.id:string"}, so
 * that a record's shape reads as a table instead of one map entry per line. A type may be empty
 * ({@code "data.description:"}): an untyped field.
 */
public final class FieldTable {
  private FieldTable() {}

  /** The {@code path:type} pairs, separated by white space, in the order written. */
  public static Map<String, String> of(String pathsAndTypes) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : pathsAndTypes.trim().split("\\s+")) {
      int colon = pair.lastIndexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("not path:type: " + pair);
      }
      fields.put(pair.substring(0, colon), pair.substring(colon + 1));
    }
    return fields;
  }
}
