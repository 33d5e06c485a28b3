package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The Stripe resource paths the Platform's Stripe source can read. */
public enum ResourcePath {
  @JsonProperty("charges")
  CHARGES("charges"),
  @JsonProperty("subscriptions")
  SUBSCRIPTIONS("subscriptions"),
  @JsonProperty("refunds")
  REFUNDS("refunds"),
  @JsonProperty("balance_transactions")
  BALANCE_TRANSACTIONS("balance_transactions"),
  @JsonProperty("customers")
  CUSTOMERS("customers"),
  @JsonProperty("prices")
  PRICES("prices");

  private final String value;

  ResourcePath(String value) {
    this.value = value;
  }

  /** The wire value, as written in manifests and sent to the Platform. */
  public String value() {
    return value;
  }

  /** The constant for a wire value, or IllegalArgumentException. */
  public static ResourcePath fromValue(String value) {
    for (ResourcePath candidate : values()) {
      if (candidate.value.equals(value)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("unknown ResourcePath: " + value);
  }
}
