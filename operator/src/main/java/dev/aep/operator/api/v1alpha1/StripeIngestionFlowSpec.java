package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** Desired state of a StripeIngestionFlow. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(oldSelf.adopt) == has(self.adopt)",
    message = "spec.adopt can be set only when the flow is created, and never removed")
@ValidationRule(
    value = "!has(self.adopt) || (has(self.target.schema.id) && has(self.target.dataset.id))",
    message =
        "an adopted flow keeps the dataflow's schema and dataset: set target.schema.id and target.dataset.id")
public class StripeIngestionFlowSpec {

  @Required
  @JsonPropertyDescription(
      "Where the flow lives in Adobe Experience Platform: sandbox and credentials.")
  private PlatformSpec platform;

  @ValidationRule(value = "self == oldSelf", message = "spec.adopt is immutable once set")
  @JsonPropertyDescription(
      "Take over an existing dataflow (built by hand or in the UI) instead of creating one: nothing that exists is"
          + " created again, differences from the spec are handled as drift, and deletionPolicy defaults to Orphan."
          + " Set only when the flow is created; immutable.")
  private AdoptSpec adopt;

  @Required
  @JsonPropertyDescription(
      "The Stripe account to read from: either a Secret holding its API key (the operator manages the base connection)"
          + " or the id of an existing Platform base connection (used as is, never modified or deleted).")
  private StripeSpec stripe;

  @Required
  @ValidationRule(
      value = "self == oldSelf",
      message = "resourcePath is immutable: create a new StripeIngestionFlow instead")
  @JsonPropertyDescription(
      "The Stripe resource path to ingest: charges, subscriptions, refunds, balance_transactions, customers or prices."
          + " Immutable: create a new flow to ingest another path.")
  private ResourcePath resourcePath;

  @Required
  @JsonPropertyDescription("The XDM schema and the dataset the records land in.")
  private TargetSpec target;

  @Required
  @Size(max = 500)
  @ValidationRule(value = "size(self) >= 1", message = "at least one mapping is required")
  @JsonPropertyDescription(
      "Data Prep mapping from Stripe source fields (or expressions) to XDM destination paths. At least one entry.")
  private List<MappingSpec> mapping;

  @Required
  @JsonPropertyDescription("When the dataflow runs.")
  private ScheduleSpec schedule;

  @Default("enabled")
  @JsonPropertyDescription(
      "enabled runs the dataflow on its schedule; disabled pauses it. Defaults to enabled.")
  private FlowState state = FlowState.ENABLED;

  @JsonPropertyDescription(
      "What happens to the dataflow and its connections when this resource is deleted: Delete removes them from the"
          + " Platform, Orphan leaves them. Datasets and schemas are governed by target.deleteManagedOnDelete."
          + " Defaults to Delete, or to Orphan for an adopted flow (spec.adopt).")
  private DeletionPolicy deletionPolicy;

  @Default("Full")
  @JsonPropertyDescription(
      "Full lets the operator create, update and delete the flow's Platform objects; ObserveOnly makes it read only:"
          + " it reports what exists and what differs in status.plan and never writes to the Platform. Switching back"
          + " to Full applies exactly the planned changes. Defaults to Full.")
  private ManagementPolicy managementPolicy = ManagementPolicy.FULL;

  @Size(max = 1000)
  @JsonPropertyDescription("Free text copied to the description of the Platform dataflow.")
  private String description;

  @JsonPropertyDescription(
      "The dataflow's ingestion options for failed rows: partial ingestion threshold and error diagnostics. Off by"
          + " default; unset leaves the flow's options alone.")
  private IngestionSpec ingestion;

  public IngestionSpec getIngestion() {
    return ingestion;
  }

  public void setIngestion(IngestionSpec ingestion) {
    this.ingestion = ingestion;
  }

  public PlatformSpec getPlatform() {
    return platform;
  }

  public void setPlatform(PlatformSpec platform) {
    this.platform = platform;
  }

  public StripeSpec getStripe() {
    return stripe;
  }

  public void setStripe(StripeSpec stripe) {
    this.stripe = stripe;
  }

  public ResourcePath getResourcePath() {
    return resourcePath;
  }

  public void setResourcePath(ResourcePath resourcePath) {
    this.resourcePath = resourcePath;
  }

  public TargetSpec getTarget() {
    return target;
  }

  public void setTarget(TargetSpec target) {
    this.target = target;
  }

  public List<MappingSpec> getMapping() {
    return mapping;
  }

  public void setMapping(List<MappingSpec> mapping) {
    this.mapping = mapping == null ? null : new ArrayList<>(mapping);
  }

  public ScheduleSpec getSchedule() {
    return schedule;
  }

  public void setSchedule(ScheduleSpec schedule) {
    this.schedule = schedule;
  }

  public FlowState getState() {
    return state;
  }

  public void setState(FlowState state) {
    this.state = state;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }

  public ManagementPolicy getManagementPolicy() {
    return managementPolicy;
  }

  public void setManagementPolicy(ManagementPolicy managementPolicy) {
    this.managementPolicy = managementPolicy;
  }

  /** The management policy to apply; an absent value means the documented default, Full. */
  public ManagementPolicy effectiveManagementPolicy() {
    return managementPolicy == null ? ManagementPolicy.FULL : managementPolicy;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  /** The state to enforce; an absent value means the documented default, enabled. */
  public FlowState effectiveState() {
    return state == null ? FlowState.ENABLED : state;
  }

  /**
   * The deletion policy to apply; absent means the documented default: Orphan when adopted, else
   * Delete.
   */
  public DeletionPolicy effectiveDeletionPolicy() {
    if (deletionPolicy != null) {
      return deletionPolicy;
    }
    return adopt != null ? DeletionPolicy.ORPHAN : DeletionPolicy.DELETE;
  }

  public AdoptSpec getAdopt() {
    return adopt;
  }

  public void setAdopt(AdoptSpec adopt) {
    this.adopt = adopt;
  }
}
