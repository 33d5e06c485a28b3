package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The XDM field types a mapping destination the operator creates can have (platform-api.md 10). */
public enum XdmType {
  @JsonProperty("string")
  STRING("string"),
  @JsonProperty("integer")
  INTEGER("integer"),
  @JsonProperty("number")
  NUMBER("number"),
  @JsonProperty("boolean")
  BOOLEAN("boolean"),
  @JsonProperty("date-time")
  DATE_TIME("date-time"),
  @JsonProperty("date")
  DATE("date");

  private final String value;

  XdmType(String value) {
    this.value = value;
  }

  /** The wire value, as written in manifests and in the field group. */
  public String value() {
    return value;
  }
}
