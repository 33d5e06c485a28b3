package dev.aep.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a Platform call or object is about. The kinds up to {@link #DESCRIPTOR} are stored object
 * kinds (inventory, bumpEtag, deleteBehindBack); the rest only label requests in the log.
 */
public enum Kind {
  CONNECTION,
  SOURCE_CONNECTION,
  TARGET_CONNECTION,
  FLOW,
  RUN,
  SCHEMA,
  DATASET,
  MAPPING_SET,
  FIELD_GROUP,
  DESCRIPTOR,
  EXPLORE,
  /** Data Prep validate and preview calls: POSTs that judge a mapping set and store nothing. */
  MAPPING_CHECK,
  ACTION,
  TOKEN,
  OTHER;

  /** The constant's name in camelCase: SOURCE_CONNECTION is "sourceConnection". */
  private final String value =
      Pattern.compile("_([a-z])")
          .matcher(name().toLowerCase(Locale.ROOT))
          .replaceAll(m -> m.group(1).toUpperCase(Locale.ROOT));

  /** The camelCase name used in JSON (inventory, request log, admin endpoints). */
  public String value() {
    return value;
  }

  /** Whether objects of this kind are stored (and so appear in the inventory). */
  public boolean isObject() {
    return compareTo(DESCRIPTOR) <= 0;
  }

  public static Kind fromValue(String value) {
    return Arrays.stream(values())
        .filter(k -> k.value.equalsIgnoreCase(value) || k.name().equalsIgnoreCase(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown kind " + value));
  }
}
