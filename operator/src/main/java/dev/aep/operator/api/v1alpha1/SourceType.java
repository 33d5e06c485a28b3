package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a mapping's source is read: a source attribute path or a Data Prep expression. */
public enum SourceType {
  @JsonProperty("ATTRIBUTE")
  ATTRIBUTE("ATTRIBUTE"),
  @JsonProperty("EXPRESSION")
  EXPRESSION("EXPRESSION");

  private final String value;

  SourceType(String value) {
    this.value = value;
  }

  /** The wire value, as written in manifests and sent to the Platform. */
  public String value() {
    return value;
  }

  /** The constant for a wire value, or IllegalArgumentException. */
  public static SourceType fromValue(String value) {
    for (SourceType candidate : values()) {
      if (candidate.value.equals(value)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("unknown SourceType: " + value);
  }
}
