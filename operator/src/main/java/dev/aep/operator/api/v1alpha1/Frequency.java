package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How often a dataflow runs (Flow Service scheduleParams.frequency). */
public enum Frequency implements WireValue {
  @JsonProperty("once")
  ONCE,
  @JsonProperty("minute")
  MINUTE,
  @JsonProperty("hour")
  HOUR,
  @JsonProperty("day")
  DAY,
  @JsonProperty("week")
  WEEK;
}
