package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** The target XDM schema as last observed, with its version and identity descriptors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SchemaStatus extends RemoteObjectStatus {

  @JsonPropertyDescription("Schema Registry version of the schema, for example 1.0.")
  private String version;

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyDescription(
      "@ids of the identity descriptors the operator keeps on the schema (spec identities).")
  private List<String> identityDescriptors = new ArrayList<>();

  public SchemaStatus() {}

  /** A status with every field given. */
  public SchemaStatus(String id, String version, Boolean managed) {
    super(id, null, managed);
    this.version = version;
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
}
