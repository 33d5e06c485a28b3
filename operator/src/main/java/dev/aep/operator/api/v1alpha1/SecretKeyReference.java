package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** One key of a Secret in the flow's own namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretKeyReference {

  /** The key used when none is given. */
  public static final String DEFAULT_KEY = "accessToken";

  @Required
  @Size(min = 1, max = 253)
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
  @JsonPropertyDescription("Name of the Secret, in the same namespace as this StripeIngestionFlow.")
  private String name;

  @Default(DEFAULT_KEY)
  @Size(min = 1, max = 253)
  @Pattern("^[-._a-zA-Z0-9]+$")
  @JsonPropertyDescription(
      "Key within the Secret whose value is the Stripe secret API key. Defaults to accessToken.")
  private String key = DEFAULT_KEY;

  public SecretKeyReference() {}

  public SecretKeyReference(String name, String key) {
    this.name = name;
    this.key = key;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  /** The key to read; an absent value means the documented default, accessToken. */
  public String effectiveKey() {
    return key == null || key.isEmpty() ? DEFAULT_KEY : key;
  }
}
