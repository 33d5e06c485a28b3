package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A Catalog dataset the operator creates on the target schema. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DatasetCreateSpec {

  @Required
  @Size(min = 1, max = 256)
  @JsonPropertyDescription("Dataset name.")
  private String name;

  @Size(max = 1000)
  @JsonPropertyDescription("Dataset description.")
  private String description;

  public DatasetCreateSpec() {}

  public DatasetCreateSpec(String name, String description) {
    this.name = name;
    this.description = description;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
