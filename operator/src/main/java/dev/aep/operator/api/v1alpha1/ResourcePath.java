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
}
