package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How often a dataflow runs (Flow Service scheduleParams.frequency). */
public enum Frequency {
  @JsonProperty("once")
  ONCE("once"),
  @JsonProperty("minute")
  MINUTE("minute"),
  @JsonProperty("hour")
  HOUR("hour"),
  @JsonProperty("day")
  DAY("day"),
  @JsonProperty("week")
  WEEK("week");

  private final String value;

  Frequency(String value) {
    this.value = value;
  }

  /** The wire value, as written in manifests and sent to the Platform. */
  public String value() {
    return value;
  }

  /** The constant for a wire value, or IllegalArgumentException. */
  public static Frequency fromValue(String value) {
    for (Frequency candidate : values()) {
      if (candidate.value.equals(value)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("unknown Frequency: " + value);
  }
}
