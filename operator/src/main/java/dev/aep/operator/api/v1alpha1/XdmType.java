package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The XDM field types a mapping destination the operator creates can have (platform-api.md 10). */
public enum XdmType implements WireValue {
  @JsonProperty("string")
  STRING,
  @JsonProperty("integer")
  INTEGER,
  @JsonProperty("number")
  NUMBER,
  @JsonProperty("boolean")
  BOOLEAN,
  @JsonProperty("date-time")
  DATE_TIME,
  @JsonProperty("date")
  DATE;
}
