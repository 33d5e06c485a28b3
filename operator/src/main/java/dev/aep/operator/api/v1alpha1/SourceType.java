package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a mapping's source is read: a source attribute path or a Data Prep expression. */
public enum SourceType implements WireValue {
  @JsonProperty("ATTRIBUTE")
  ATTRIBUTE,
  @JsonProperty("EXPRESSION")
  EXPRESSION;
}
