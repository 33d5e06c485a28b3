package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The target dataset: an existing one by id, or one to create. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.id) != has(self.create)",
    message = "target.dataset: set exactly one of id or create")
public class DatasetTarget {

  @Size(min = 1, max = 256)
  @JsonPropertyDescription(
      "Id of an existing Catalog dataset based on the target schema. Never modified or deleted by the operator."
          + " Exclusive with create.")
  private String id;

  @JsonPropertyDescription(
      "A dataset the operator creates on the target schema and records in status.dataset. Exclusive with id.")
  private DatasetCreateSpec create;

  public DatasetTarget() {}

  /** A reference to an existing dataset. */
  public static DatasetTarget ofId(String id) {
    DatasetTarget target = new DatasetTarget();
    target.setId(id);
    return target;
  }

  /** A dataset to create. */
  public static DatasetTarget ofCreate(DatasetCreateSpec create) {
    DatasetTarget target = new DatasetTarget();
    target.setCreate(create);
    return target;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public DatasetCreateSpec getCreate() {
    return create;
  }

  public void setCreate(DatasetCreateSpec create) {
    this.create = create;
  }
}
