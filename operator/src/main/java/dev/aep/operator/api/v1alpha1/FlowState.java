package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the dataflow should run on its schedule (enabled) or be paused (disabled). */
public enum FlowState {
  @JsonProperty("enabled")
  ENABLED("enabled"),
  @JsonProperty("disabled")
  DISABLED("disabled");

  private final String value;

  FlowState(String value) {
    this.value = value;
  }

  /** The wire value, as written in manifests and sent to the Platform. */
  public String value() {
    return value;
  }

  /** The constant for a wire value, or IllegalArgumentException. */
  public static FlowState fromValue(String value) {
    for (FlowState candidate : values()) {
      if (candidate.value.equals(value)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("unknown FlowState: " + value);
  }
}
