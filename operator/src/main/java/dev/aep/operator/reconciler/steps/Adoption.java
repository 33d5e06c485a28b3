package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.BaseConnectionStatus;
import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.FlowStatus;
import dev.aep.operator.api.v1alpha1.MappingSetStatus;
import dev.aep.operator.api.v1alpha1.RemoteObjectStatus;
import dev.aep.operator.api.v1alpha1.SchemaStatus;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.platform.BaseConnection;
import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.SourceConnection;
import dev.aep.operator.platform.SpecRef;
import dev.aep.operator.platform.TargetConnection;
import dev.aep.operator.platform.Transformation;
import java.util.Objects;

/**
 * Takes over an existing dataflow (spec.adopt.flowId): reads it, follows it to its source and
 * target connections, their base connection, dataset and schema, and its mapping set version, and
 * records every id and etag in status, once, before the steps run. From then on the steps find each
 * object by the id in status, so nothing that exists is created again; where the spec differs from
 * what was adopted, the steps treat it as drift.
 */
public final class Adoption {
  private Adoption() {}

  /** Records the adopted chain in status when it is not recorded yet; reads only. */
  public static void adopt(FlowContext ctx) {
    StripeIngestionFlowStatus status = ctx.status();
    if (!ctx.adopted() || status.getFlow() != null) {
      return;
    }
    String flowId = ctx.spec().getAdopt().getFlowId();
    Flow flow =
        ctx.observer()
            .get(Flow.KIND, flowId)
            .orElseThrow(
                () ->
                    invalid(
                        "spec.adopt.flowId "
                            + flowId
                            + " does not exist in sandbox "
                            + ctx.sandbox()
                            + "."));
    if (flow.flowSpec() != null
        && !Objects.equals(flow.flowSpec().id(), SpecRef.STRIPE_FLOW.id())) {
      throw invalid(
          "Dataflow "
              + flowId
              + " is not a Stripe dataflow (flowSpec "
              + flow.flowSpec().id()
              + ").");
    }
    if (flow.sourceConnectionIds().size() != 1 || flow.targetConnectionIds().size() != 1) {
      throw invalid(
          "Dataflow "
              + flowId
              + " has "
              + flow.sourceConnectionIds().size()
              + " source and "
              + flow.targetConnectionIds().size()
              + " target connections; a StripeIngestionFlow adopts one of each.");
    }
    SourceConnection source =
        ctx.observer()
            .get(SourceConnection.KIND, flow.sourceConnectionIds().get(0))
            .orElseThrow(
                () -> invalid("The source connection of dataflow " + flowId + " does not exist."));
    TargetConnection target =
        ctx.observer()
            .get(TargetConnection.KIND, flow.targetConnectionIds().get(0))
            .orElseThrow(
                () -> invalid("The target connection of dataflow " + flowId + " does not exist."));
    if (!Objects.equals(target.dataSetId(), ctx.spec().getTarget().getDataset().getId())
        || !Objects.equals(target.schemaId(), ctx.spec().getTarget().getSchema().getId())) {
      throw invalid(
          "Dataflow "
              + flowId
              + " writes to dataset "
              + target.dataSetId()
              + " with schema "
              + target.schemaId()
              + ", not the target.dataset.id and target.schema.id of the spec. An adopted flow keeps"
              + " its target: set those ids.");
    }
    String baseId = source.baseConnectionId();
    String specBase = ctx.spec().getStripe().getBaseConnectionId();
    if (specBase != null && !specBase.equals(baseId)) {
      throw invalid(
          "Dataflow "
              + flowId
              + " reads through base connection "
              + baseId
              + ", not stripe.baseConnectionId "
              + specBase
              + ".");
    }
    var base =
        ctx.observer()
            .get(BaseConnection.KIND, baseId)
            .orElseThrow(
                () -> invalid("The base connection of dataflow " + flowId + " does not exist."));
    // A Stripe Secret in the spec makes the base connection the operator's: its key is pushed on
    // the next pass.
    status.setBaseConnection(
        new BaseConnectionStatus(base.id(), base.etag(), null, specBase == null));
    status.setSourceConnection(new RemoteObjectStatus(source.id(), source.etag(), null));
    status.setSchema(new SchemaStatus(target.schemaId(), null, false));
    status.setDataset(new RemoteObjectStatus(target.dataSetId(), null, false));
    status.setTargetConnection(new RemoteObjectStatus(target.id(), target.etag(), null));
    flow.mapping()
        .map(Transformation::mappingId)
        .ifPresent(
            id ->
                status.setMappingSet(
                    new MappingSetStatus(
                        id,
                        flow.mapping()
                            .map(t -> t.mappingVersion() == null ? 0L : (long) t.mappingVersion())
                            .orElse(0L))));
    status.setFlow(new FlowStatus(flow.id(), flow.etag(), flow.state()));
  }

  private static StepFailure invalid(String message) {
    return new StepFailure(
        FlowConditions.REASON_INVALID_SPEC, "Cannot adopt: " + message, StepFailure.Retry.SLOW);
  }
}
