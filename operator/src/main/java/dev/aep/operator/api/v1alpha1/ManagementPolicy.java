package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How far the operator may act on the flow's Platform objects (Crossplane's management policies,
 * reduced to two).
 */
public enum ManagementPolicy implements WireValue {
  /** Create, update, replace and delete as the spec says. */
  @JsonProperty("Full")
  FULL,
  /** Read only: report what exists and what differs in status.plan, never write to the Platform. */
  @JsonProperty("ObserveOnly")
  OBSERVE_ONLY;
}
