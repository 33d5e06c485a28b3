package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The Stripe resource paths the Platform's Stripe source can read. */
public enum ResourcePath implements WireValue {
  @JsonProperty("charges")
  CHARGES,
  @JsonProperty("subscriptions")
  SUBSCRIPTIONS,
  @JsonProperty("refunds")
  REFUNDS,
  @JsonProperty("balance_transactions")
  BALANCE_TRANSACTIONS,
  @JsonProperty("customers")
  CUSTOMERS,
  @JsonProperty("prices")
  PRICES;

  /** The constant for a wire value, or IllegalArgumentException. */
  public static ResourcePath fromValue(String value) {
    return WireValue.parse(ResourcePath.class, value);
  }
}
