package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The Stripe account: a Secret with its API key, or an existing Platform base connection. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.accessTokenSecretRef) != has(self.baseConnectionId)",
    message = "stripe: set exactly one of accessTokenSecretRef or baseConnectionId")
public class StripeSpec {

  @JsonPropertyDescription(
      "Secret key holding the Stripe secret (or restricted) API key. The operator creates and owns the Platform base"
          + " connection and pushes the key again whenever the Secret changes. Exclusive with baseConnectionId.")
  private SecretKeyReference accessTokenSecretRef;

  @Size(min = 1, max = 256)
  @JsonPropertyDescription(
      "Id of an existing Platform base connection for Stripe. It is used as is: never modified or deleted."
          + " Exclusive with accessTokenSecretRef.")
  private String baseConnectionId;

  public SecretKeyReference getAccessTokenSecretRef() {
    return accessTokenSecretRef;
  }

  public void setAccessTokenSecretRef(SecretKeyReference accessTokenSecretRef) {
    this.accessTokenSecretRef = accessTokenSecretRef;
  }

  public String getBaseConnectionId() {
    return baseConnectionId;
  }

  public void setBaseConnectionId(String baseConnectionId) {
    this.baseConnectionId = baseConnectionId;
  }

  /**
   * True when the operator owns the base connection (created from a Secret), false for an existing
   * one.
   */
  public boolean managesBaseConnection() {
    return accessTokenSecretRef != null;
  }
}
