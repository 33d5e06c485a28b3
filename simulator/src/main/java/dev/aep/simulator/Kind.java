package dev.aep.simulator;

import java.util.Arrays;

/**
 * What a Platform call or object is about. The first ten are stored object kinds (inventory,
 * bumpEtag, deleteBehindBack); the rest only label requests in the log.
 */
public enum Kind {
  CONNECTION("connection", true),
  SOURCE_CONNECTION("sourceConnection", true),
  TARGET_CONNECTION("targetConnection", true),
  FLOW("flow", true),
  RUN("run", true),
  SCHEMA("schema", true),
  DATASET("dataset", true),
  MAPPING_SET("mappingSet", true),
  FIELD_GROUP("fieldGroup", true),
  DESCRIPTOR("descriptor", true),
  EXPLORE("explore", false),
  /** Data Prep validate and preview calls: POSTs that judge a mapping set and store nothing. */
  MAPPING_CHECK("mappingCheck", false),
  ACTION("action", false),
  TOKEN("token", false),
  OTHER("other", false);

  private final String value;
  private final boolean object;

  Kind(String value, boolean object) {
    this.value = value;
    this.object = object;
  }

  /** The camelCase name used in JSON (inventory, request log, admin endpoints). */
  public String value() {
    return value;
  }

  /** Whether objects of this kind are stored (and so appear in the inventory). */
  public boolean isObject() {
    return object;
  }

  public static Kind fromValue(String value) {
    return Arrays.stream(values())
        .filter(k -> k.value.equalsIgnoreCase(value) || k.name().equalsIgnoreCase(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown kind " + value));
  }
}
