package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** Where ingested records land: an XDM schema and a dataset based on it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TargetSpec {

  @Required
  @ValidationRule(
      value = "self == oldSelf",
      message = "target.schema is immutable: create a new StripeIngestionFlow instead")
  @JsonPropertyDescription(
      "The XDM schema: an existing one by id, or one the operator creates. Immutable: create a new flow to change it.")
  private SchemaTarget schema;

  @Required
  @ValidationRule(
      value = "self == oldSelf",
      message = "target.dataset is immutable: create a new StripeIngestionFlow instead")
  @JsonPropertyDescription(
      "The dataset: an existing one by id, or one the operator creates on the schema. Immutable: create a new flow"
          + " to change it.")
  private DatasetTarget dataset;

  @Default("false")
  @JsonPropertyDescription(
      "Whether deleting this resource also deletes the schema and dataset the operator created (never ones referenced"
          + " by id, and never with deletionPolicy Orphan, which keeps every Platform object). Defaults to false: they"
          + " hold customer data and are kept.")
  private Boolean deleteManagedOnDelete = Boolean.FALSE;

  public SchemaTarget getSchema() {
    return schema;
  }

  public void setSchema(SchemaTarget schema) {
    this.schema = schema;
  }

  public DatasetTarget getDataset() {
    return dataset;
  }

  public void setDataset(DatasetTarget dataset) {
    this.dataset = dataset;
  }

  public Boolean getDeleteManagedOnDelete() {
    return deleteManagedOnDelete;
  }

  public void setDeleteManagedOnDelete(Boolean deleteManagedOnDelete) {
    this.deleteManagedOnDelete = deleteManagedOnDelete;
  }

  /** True only when the spec explicitly asks to delete managed schema and dataset on delete. */
  public boolean deletesManagedOnDelete() {
    return Boolean.TRUE.equals(deleteManagedOnDelete);
  }
}
