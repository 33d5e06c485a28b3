package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The tenant field group the operator created for the mapping's _tenant destinations. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FieldGroupStatus extends RemoteObjectStatus {

  @JsonPropertyDescription(
      "Schema Registry version of the field group; the minor rises when fields are added.")
  private String version;

  @JsonPropertyDescription(
      "Digest of the fields (paths and types) the operator last wrote to the field group; a mapping whose fields"
          + " differ makes the operator read the group and add what is new.")
  private String fieldsDigest;

  public FieldGroupStatus() {}

  /** A status with every field given. */
  public FieldGroupStatus(String id, String version, String fieldsDigest) {
    super(id, null, null);
    this.version = version;
    this.fieldsDigest = fieldsDigest;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getFieldsDigest() {
    return fieldsDigest;
  }

  public void setFieldsDigest(String fieldsDigest) {
    this.fieldsDigest = fieldsDigest;
  }
}
