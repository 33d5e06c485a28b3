package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Which Platform sandbox the flow lives in and which credentials reach it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlatformSpec {

  @Required
  @Size(min = 1, max = 256)
  @Pattern("^[a-z0-9][a-z0-9-]*$")
  @ValidationRule(
      value = "self == oldSelf",
      message = "platform.sandbox is immutable: create a new StripeIngestionFlow instead")
  @JsonPropertyDescription(
      "Platform sandbox name, lower case (sent as x-sandbox-name), for example prod. Immutable: create a new flow to"
          + " move to another sandbox.")
  private String sandbox;

  @Required
  @JsonPropertyDescription(
      "Secret in this namespace with the Adobe Developer Console OAuth server-to-server credentials: keys clientId,"
          + " clientSecret and orgId (\"...@AdobeOrg\"); optional scopes (comma separated) and apiKey (defaults to"
          + " clientId).")
  private SecretReference credentialsSecretRef;

  public PlatformSpec() {}

  public PlatformSpec(String sandbox, SecretReference credentialsSecretRef) {
    this.sandbox = sandbox;
    this.credentialsSecretRef = credentialsSecretRef;
  }

  public String getSandbox() {
    return sandbox;
  }

  public void setSandbox(String sandbox) {
    this.sandbox = sandbox;
  }

  public SecretReference getCredentialsSecretRef() {
    return credentialsSecretRef;
  }

  public void setCredentialsSecretRef(SecretReference credentialsSecretRef) {
    this.credentialsSecretRef = credentialsSecretRef;
  }
}
