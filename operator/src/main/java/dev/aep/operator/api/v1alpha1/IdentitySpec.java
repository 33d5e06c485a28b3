package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * An identity field of the schema the operator creates: becomes an identity descriptor
 * (platform-api.md 12), not a flag on the mapping.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IdentitySpec {

  @Required
  @Size(min = 1, max = 1024)
  @JsonPropertyDescription(
      "The identity field: a string destination of spec.mapping, for example _tenant.stripe.email (_tenant stands"
          + " for the org's tenant namespace).")
  private String path;

  @Required
  @Size(min = 1, max = 256)
  @JsonPropertyDescription(
      "Identity namespace code, for example Email, Phone or the code of a custom namespace created in Identity"
          + " Service.")
  private String namespace;

  @Default("false")
  @JsonPropertyDescription(
      "Whether this is the schema's primary identity; at most one may be. Defaults to false.")
  private Boolean primary = Boolean.FALSE;

  public IdentitySpec() {}

  /** An identity with every field given. */
  public IdentitySpec(String path, String namespace, Boolean primary) {
    this.path = path;
    this.namespace = namespace;
    this.primary = primary;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public Boolean getPrimary() {
    return primary;
  }

  public void setPrimary(Boolean primary) {
    this.primary = primary;
  }

  /** True only when marked primary. */
  public boolean isPrimary() {
    return Boolean.TRUE.equals(primary);
  }
}
