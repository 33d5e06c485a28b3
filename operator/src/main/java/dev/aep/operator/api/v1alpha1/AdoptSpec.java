package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** An existing dataflow the flow takes over instead of creating its own. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AdoptSpec {

  @Required
  @Pattern("^[0-9a-fA-F-]{1,64}$")
  @JsonPropertyDescription(
      "Flow Service id of the dataflow to adopt. The operator follows it to its source, target and base"
          + " connections and its mapping set, and treats them as its own from then on.")
  private String flowId;

  public AdoptSpec() {}

  public AdoptSpec(String flowId) {
    this.flowId = flowId;
  }

  public String getFlowId() {
    return flowId;
  }

  public void setFlowId(String flowId) {
    this.flowId = flowId;
  }
}
