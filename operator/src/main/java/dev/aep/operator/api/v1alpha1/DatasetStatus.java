package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The target dataset as last observed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DatasetStatus {

  @JsonPropertyDescription("Catalog id of the dataset.")
  private String id;

  @JsonPropertyDescription("True when the operator created the dataset (target.dataset.create).")
  private Boolean managed;

  public DatasetStatus() {}

  /** A status with every field given. */
  public DatasetStatus(String id, Boolean managed) {
    this.id = id;
    this.managed = managed;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public Boolean getManaged() {
    return managed;
  }

  public void setManaged(Boolean managed) {
    this.managed = managed;
  }
}
