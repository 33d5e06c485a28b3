package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The Stripe base connection as last observed, with the Secret version it holds. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BaseConnectionStatus extends RemoteObjectStatus {

  @JsonPropertyDescription(
      "resourceVersion of the Stripe Secret whose key was last pushed to the base connection.")
  private String credentialsVersion;

  public BaseConnectionStatus() {}

  /** A status with every field given. */
  public BaseConnectionStatus(String id, String etag, String credentialsVersion, Boolean managed) {
    super(id, etag, managed);
    this.credentialsVersion = credentialsVersion;
  }

  public String getCredentialsVersion() {
    return credentialsVersion;
  }

  public void setCredentialsVersion(String credentialsVersion) {
    this.credentialsVersion = credentialsVersion;
  }
}
