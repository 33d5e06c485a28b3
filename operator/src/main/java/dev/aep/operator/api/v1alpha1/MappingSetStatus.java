package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The Data Prep mapping set as last written, with the version the dataflow uses. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MappingSetStatus extends RemoteObjectStatus {

  @JsonPropertyDescription(
      "Version of the mapping set the dataflow uses; it grows by one with every mapping change.")
  private Long version;

  public MappingSetStatus() {}

  /** A status with every field given. */
  public MappingSetStatus(String id, Long version) {
    super(id, null, null);
    this.version = version;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}
