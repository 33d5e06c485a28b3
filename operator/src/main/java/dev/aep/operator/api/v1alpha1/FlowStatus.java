package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The dataflow as last observed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FlowStatus {

  @JsonPropertyDescription("Flow Service id of the dataflow.")
  private String id;

  @JsonPropertyDescription("Etag of the dataflow as last read or written (with its quotes).")
  private String etag;

  @JsonPropertyDescription("State of the dataflow on the Platform: enabled or disabled.")
  private String state;

  public FlowStatus() {}

  /** A status with every field given. */
  public FlowStatus(String id, String etag, String state) {
    this.id = id;
    this.etag = etag;
    this.state = state;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getEtag() {
    return etag;
  }

  public void setEtag(String etag) {
    this.etag = etag;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }
}
