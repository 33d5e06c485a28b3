package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** The target XDM schema as last observed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SchemaStatus {

  @JsonPropertyDescription("$id of the schema.")
  private String id;

  @JsonPropertyDescription("Schema Registry version of the schema, for example 1.0.")
  private String version;

  @JsonPropertyDescription("True when the operator created the schema (target.schema.create).")
  private Boolean managed;

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyDescription(
      "@ids of the identity descriptors the operator keeps on the schema (spec identities).")
  private List<String> identityDescriptors = new ArrayList<>();

  public SchemaStatus() {}

  /** A status with every field given. */
  public SchemaStatus(String id, String version, Boolean managed) {
    this.id = id;
    this.version = version;
    this.managed = managed;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public List<String> getIdentityDescriptors() {
    return identityDescriptors;
  }

  public void setIdentityDescriptors(List<String> identityDescriptors) {
    this.identityDescriptors =
        identityDescriptors == null ? new ArrayList<>() : new ArrayList<>(identityDescriptors);
  }

  public Boolean getManaged() {
    return managed;
  }

  public void setManaged(Boolean managed) {
    this.managed = managed;
  }
}
