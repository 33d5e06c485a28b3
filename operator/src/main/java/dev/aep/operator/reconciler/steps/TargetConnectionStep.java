package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.RemoteObjectStatus;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.platform.RemoteCollection;
import dev.aep.operator.platform.TargetConnection;
import dev.aep.operator.platform.TargetConnectionRequest;
import java.util.Objects;

/**
 * The data lake target connection writing into the dataset with the target schema; bound to both
 * ({@link LinkedConnectionStep}).
 */
public final class TargetConnectionStep
    extends LinkedConnectionStep<TargetConnection, TargetConnectionRequest> {
  static final String KIND_SUFFIX = "target";

  public TargetConnectionStep() {
    super(
        "targetConnection",
        "target connection",
        KIND_SUFFIX,
        StripeIngestionFlowStatus::getTargetConnection,
        StripeIngestionFlowStatus::setTargetConnection,
        (o, id) -> o.get(TargetConnection.KIND, id),
        (o, name) -> o.named(TargetConnection.KIND, name));
  }

  @Override
  RemoteCollection<TargetConnection, TargetConnectionRequest> collection(FlowContext ctx) {
    return ctx.session().flowService().targetConnections();
  }

  @Override
  TargetConnectionRequest request(FlowContext ctx, String name, String description) {
    return TargetConnectionRequest.dataLake(
        name, description, schemaId(ctx), schemaVersion(ctx), datasetId(ctx));
  }

  @Override
  String mislinked(FlowContext ctx, TargetConnection remote) {
    if (Objects.equals(remote.dataSetId(), datasetId(ctx))
        && Objects.equals(remote.schemaId(), schemaId(ctx))) {
      return null;
    }
    return "it writes to dataset "
        + remote.dataSetId()
        + " with schema "
        + remote.schemaId()
        + " instead of dataset "
        + datasetId(ctx)
        + " with schema "
        + schemaId(ctx);
  }

  @Override
  String description(FlowContext ctx) {
    return "Data lake target for StripeIngestionFlow " + ctx.namespace() + "/" + ctx.name() + ".";
  }

  private static String datasetId(FlowContext ctx) {
    return RemoteObjectStatus.idOf(ctx.status().getDataset());
  }

  private static String schemaId(FlowContext ctx) {
    return RemoteObjectStatus.idOf(ctx.status().getSchema());
  }

  private static String schemaVersion(FlowContext ctx) {
    String version =
        ctx.status().getSchema() == null ? null : ctx.status().getSchema().getVersion();
    return version == null ? "1.0" : version;
  }
}
