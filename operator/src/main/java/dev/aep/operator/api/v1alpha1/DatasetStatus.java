package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

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

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof DatasetStatus)) {
      return false;
    }
    DatasetStatus that = (DatasetStatus) o;
    return Objects.equals(id, that.id)
        && Objects.equals(managed, that.managed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, managed);
  }

  @Override
  public String toString() {
    return "DatasetStatus{" + "id=" + id + ", managed=" + managed + "}";
  }
}
