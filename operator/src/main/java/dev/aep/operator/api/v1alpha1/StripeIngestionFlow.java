package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One Stripe resource path flowing into one Adobe Experience Platform dataset. */
@Group(StripeIngestionFlow.GROUP)
@Version(StripeIngestionFlow.VERSION)
@ShortNames("sif")
@Categories("aep")
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Synced",
    jsonPath = ".status.conditions[?(@.type==\"Synced\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Resource",
    jsonPath = ".spec.resourcePath",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Schedule",
    jsonPath = ".spec.schedule.frequency",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Flow",
    jsonPath = ".status.flow.id",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Last Run",
    jsonPath = ".status.lastRun.status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Pending",
    jsonPath = ".status.pendingChanges",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class StripeIngestionFlow
    extends CustomResource<StripeIngestionFlowSpec, StripeIngestionFlowStatus>
    implements Namespaced {

  public static final String GROUP = "flows.aep.dev";
  public static final String VERSION = "v1alpha1";

  // Overridden only to describe `spec` and `status` in the generated schema (kubectl explain).
  @Override
  @JsonPropertyDescription(
      "Desired state: which Stripe resource path flows into which Platform dataset, with which mapping and schedule.")
  public StripeIngestionFlowSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription(
      "Observed state, written only by the operator: conditions and the ids and etags of every Platform object it manages.")
  public StripeIngestionFlowStatus getStatus() {
    return super.getStatus();
  }
}
