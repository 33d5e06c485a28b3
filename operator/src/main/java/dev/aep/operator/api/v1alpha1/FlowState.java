package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the dataflow should run on its schedule (enabled) or be paused (disabled). */
public enum FlowState implements WireValue {
  @JsonProperty("enabled")
  ENABLED,
  @JsonProperty("disabled")
  DISABLED;
}
