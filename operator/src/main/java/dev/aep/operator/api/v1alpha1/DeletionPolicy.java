package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What deleting the resource does to the dataflow and its connections. */
public enum DeletionPolicy implements WireValue {
  @JsonProperty("Delete")
  DELETE,
  @JsonProperty("Orphan")
  ORPHAN;
}
