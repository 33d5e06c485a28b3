package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The Data Prep mapping set as last written. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MappingSetStatus {

  @JsonPropertyDescription("Data Prep id of the mapping set.")
  private String id;

  @JsonPropertyDescription(
      "Version of the mapping set the dataflow uses; it grows by one with every mapping change.")
  private Long version;

  public MappingSetStatus() {}

  /** A status with every field given. */
  public MappingSetStatus(String id, Long version) {
    this.id = id;
    this.version = version;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}
