package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Observed state of a StripeIngestionFlow, written only by the operator. Absent parts serialize
 * absent, so a status that did not change compares and serializes equal.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StripeIngestionFlowStatus {
  /** At most this many planned changes are kept in status. */
  public static final int PLAN_LIMIT = 20;

  @JsonPropertyDescription("The metadata.generation of the spec this status reflects.")
  private Long observedGeneration;

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @SchemaFrom(type = ConditionSchema[].class)
  @JsonPropertyDescription(
      "Kubernetes conditions: Ready (all Platform objects exist and match the spec) and Synced (the last reconcile"
          + " succeeded), each with a CamelCase reason and the observedGeneration it refers to.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription(
      "The Stripe base connection holding the API key; managed is true when the operator created it from"
          + " stripe.accessTokenSecretRef, false for stripe.baseConnectionId.")
  private BaseConnectionStatus baseConnection;

  @JsonPropertyDescription("What exploring the Stripe resource path returned.")
  private SourceStatus source;

  @JsonPropertyDescription("The source connection reading the resource path.")
  private RemoteObjectStatus sourceConnection;

  @JsonPropertyDescription(
      "The tenant field group defining the mapping's _tenant destinations (target.schema.create).")
  private FieldGroupStatus fieldGroup;

  @JsonPropertyDescription(
      "The target XDM schema (id: its $id); managed is true when the operator created it from"
          + " target.schema.create.")
  private SchemaStatus schema;

  @JsonPropertyDescription(
      "The target dataset (id: its Catalog id); managed is true when the operator created it from"
          + " target.dataset.create.")
  private RemoteObjectStatus dataset;

  @JsonPropertyDescription("The data lake target connection writing to the dataset.")
  private RemoteObjectStatus targetConnection;

  @JsonPropertyDescription(
      "What the operator made of spec.mapping and what the Platform's preview of it showed.")
  private MappingStatus mapping;

  @JsonPropertyDescription("The Data Prep mapping set built from spec.mapping.")
  private MappingSetStatus mappingSet;

  @JsonPropertyDescription("The dataflow tying source, mapping and target together.")
  private FlowStatus flow;

  @JsonPropertyDescription("The most recent run of the dataflow.")
  private RunStatus lastRun;

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyDescription(
      "The writes the operator would make next, per object, and why (at most "
          + PLAN_LIMIT
          + "; paths, never"
          + " values). Empty when the Platform matches the spec. Filled while the flow is paused or ObserveOnly; with"
          + " Full management the pass makes these writes itself.")
  private List<PlannedChange> plan = new ArrayList<>();

  @JsonPropertyDescription(
      "How many writes are pending (the size of plan before it was cut to its limit).")
  private Integer pendingChanges;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions == null ? new ArrayList<>() : new ArrayList<>(conditions);
  }

  public BaseConnectionStatus getBaseConnection() {
    return baseConnection;
  }

  public void setBaseConnection(BaseConnectionStatus baseConnection) {
    this.baseConnection = baseConnection;
  }

  public SourceStatus getSource() {
    return source;
  }

  public void setSource(SourceStatus source) {
    this.source = source;
  }

  public RemoteObjectStatus getSourceConnection() {
    return sourceConnection;
  }

  public void setSourceConnection(RemoteObjectStatus sourceConnection) {
    this.sourceConnection = sourceConnection;
  }

  public FieldGroupStatus getFieldGroup() {
    return fieldGroup;
  }

  public void setFieldGroup(FieldGroupStatus fieldGroup) {
    this.fieldGroup = fieldGroup;
  }

  public MappingStatus getMapping() {
    return mapping;
  }

  public void setMapping(MappingStatus mapping) {
    this.mapping = mapping;
  }

  public SchemaStatus getSchema() {
    return schema;
  }

  public void setSchema(SchemaStatus schema) {
    this.schema = schema;
  }

  public RemoteObjectStatus getDataset() {
    return dataset;
  }

  public void setDataset(RemoteObjectStatus dataset) {
    this.dataset = dataset;
  }

  public RemoteObjectStatus getTargetConnection() {
    return targetConnection;
  }

  public void setTargetConnection(RemoteObjectStatus targetConnection) {
    this.targetConnection = targetConnection;
  }

  public MappingSetStatus getMappingSet() {
    return mappingSet;
  }

  public void setMappingSet(MappingSetStatus mappingSet) {
    this.mappingSet = mappingSet;
  }

  public FlowStatus getFlow() {
    return flow;
  }

  public void setFlow(FlowStatus flow) {
    this.flow = flow;
  }

  public RunStatus getLastRun() {
    return lastRun;
  }

  public void setLastRun(RunStatus lastRun) {
    this.lastRun = lastRun;
  }

  /** The condition of the given type, if present. */
  public Optional<Condition> findCondition(String type) {
    return conditions.stream().filter(c -> Objects.equals(type, c.getType())).findFirst();
  }

  public List<PlannedChange> getPlan() {
    return plan;
  }

  public void setPlan(List<PlannedChange> plan) {
    this.plan = plan == null ? new ArrayList<>() : plan;
  }

  public Integer getPendingChanges() {
    return pendingChanges;
  }

  public void setPendingChanges(Integer pendingChanges) {
    this.pendingChanges = pendingChanges;
  }
}
