package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What deleting the resource does to the dataflow and its connections. */
public enum DeletionPolicy {
  @JsonProperty("Delete")
  DELETE("Delete"),
  @JsonProperty("Orphan")
  ORPHAN("Orphan");

  private final String value;

  DeletionPolicy(String value) {
    this.value = value;
  }

  /** The wire value, as written in manifests and sent to the Platform. */
  public String value() {
    return value;
  }

  /** The constant for a wire value, or IllegalArgumentException. */
  public static DeletionPolicy fromValue(String value) {
    for (DeletionPolicy candidate : values()) {
      if (candidate.value.equals(value)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("unknown DeletionPolicy: " + value);
  }
}
