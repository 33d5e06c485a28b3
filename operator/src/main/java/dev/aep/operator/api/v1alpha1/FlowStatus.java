package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The dataflow as last observed, with its state. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FlowStatus extends RemoteObjectStatus {

  @JsonPropertyDescription("State of the dataflow on the Platform: enabled or disabled.")
  private String state;

  public FlowStatus() {}

  /** A status with every field given. */
  public FlowStatus(String id, String etag, String state) {
    super(id, etag, null);
    this.state = state;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }
}
