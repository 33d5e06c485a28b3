package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.RemoteObjectStatus;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.platform.RemoteCollection;
import dev.aep.operator.platform.SourceConnection;
import dev.aep.operator.platform.SourceConnectionRequest;
import java.util.Objects;

/**
 * The source connection reading one Stripe resource path through the base connection; bound to both
 * ({@link LinkedConnectionStep}).
 */
public final class SourceConnectionStep
    extends LinkedConnectionStep<SourceConnection, SourceConnectionRequest> {
  static final String KIND_SUFFIX = "source";

  public SourceConnectionStep() {
    super(
        "sourceConnection",
        "source connection",
        KIND_SUFFIX,
        StripeIngestionFlowStatus::getSourceConnection,
        StripeIngestionFlowStatus::setSourceConnection,
        (o, id) -> o.get(SourceConnection.KIND, id),
        (o, name) -> o.named(SourceConnection.KIND, name));
  }

  @Override
  RemoteCollection<SourceConnection, SourceConnectionRequest> collection(FlowContext ctx) {
    return ctx.session().flowService().sourceConnections();
  }

  @Override
  SourceConnectionRequest request(FlowContext ctx, String name, String description) {
    return SourceConnectionRequest.stripe(
        name, description, baseConnectionId(ctx), ctx.spec().getResourcePath().value());
  }

  @Override
  String mislinked(FlowContext ctx, SourceConnection remote) {
    String path = ctx.spec().getResourcePath().value();
    if (Objects.equals(remote.baseConnectionId(), baseConnectionId(ctx))
        && Objects.equals(remote.resourcePath(), path)) {
      return null;
    }
    return "it reads base connection "
        + remote.baseConnectionId()
        + " path "
        + remote.resourcePath()
        + " instead of base connection "
        + baseConnectionId(ctx)
        + " path "
        + path;
  }

  @Override
  String description(FlowContext ctx) {
    return "Stripe "
        + ctx.spec().getResourcePath().value()
        + " for StripeIngestionFlow "
        + ctx.namespace()
        + "/"
        + ctx.name()
        + ".";
  }

  private static String baseConnectionId(FlowContext ctx) {
    return RemoteObjectStatus.idOf(ctx.status().getBaseConnection());
  }
}
