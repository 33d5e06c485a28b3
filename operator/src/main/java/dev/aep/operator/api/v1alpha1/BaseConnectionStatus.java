package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The Stripe base connection as last observed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BaseConnectionStatus {

  @JsonPropertyDescription("Platform id of the base connection.")
  private String id;

  @JsonPropertyDescription("Etag of the base connection as last read or written (with its quotes).")
  private String etag;

  @JsonPropertyDescription(
      "resourceVersion of the Stripe Secret whose key was last pushed to the base connection.")
  private String credentialsVersion;

  @JsonPropertyDescription(
      "True when the operator created the base connection (from accessTokenSecretRef) and deletes it; false for stripe.baseConnectionId.")
  private Boolean managed;

  public BaseConnectionStatus() {}

  /** A status with every field given. */
  public BaseConnectionStatus(String id, String etag, String credentialsVersion, Boolean managed) {
    this.id = id;
    this.etag = etag;
    this.credentialsVersion = credentialsVersion;
    this.managed = managed;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getEtag() {
    return etag;
  }

  public void setEtag(String etag) {
    this.etag = etag;
  }

  public String getCredentialsVersion() {
    return credentialsVersion;
  }

  public void setCredentialsVersion(String credentialsVersion) {
    this.credentialsVersion = credentialsVersion;
  }

  public Boolean getManaged() {
    return managed;
  }

  public void setManaged(Boolean managed) {
    this.managed = managed;
  }
}
