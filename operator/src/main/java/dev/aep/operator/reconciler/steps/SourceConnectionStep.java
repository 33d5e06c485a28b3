package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.ConnectionStatus;
import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.SourceConnection;
import dev.aep.operator.platform.SourceConnectionRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The source connection reading one Stripe resource path through the base connection. Its base
 * connection and path cannot change under a flow: when they differ it is replaced (a new one is
 * created, the flow re-linked, the old one removed).
 */
public final class SourceConnectionStep implements Step<SourceConnection> {
  static final String KIND_SUFFIX = "source";

  @Override
  public String name() {
    return "sourceConnection";
  }

  @Override
  public String kind() {
    return "source connection";
  }

  @Override
  public boolean managed(FlowContext ctx) {
    return true;
  }

  @Override
  public Optional<SourceConnection> observe(FlowContext ctx) {
    String recorded = recordedId(ctx);
    if (recorded != null) {
      Optional<SourceConnection> found = ctx.observer().sourceConnection(recorded);
      if (found.isPresent()) {
        return found;
      }
    }
    return named(ctx).stream()
        .filter(c -> !ctx.retired(c.id()) && linked(ctx, c))
        .findFirst();
  }

  @Override
  public SourceConnection create(FlowContext ctx) {
    String name = ctx.remoteName(KIND_SUFFIX);
    String description = desiredDescription(ctx);
    String baseId = baseConnectionId(ctx);
    String path = ctx.spec().getResourcePath().value();
    EntityRef ref = ctx.session().flowService().createSourceConnection(
        SourceConnectionRequest.stripe(name, description, baseId, path));
    return new SourceConnection(ref.id(), ref.etag(), name, description, null, baseId, null,
        "json", Map.of("resourcePath", path));
  }

  @Override
  public Diff diff(FlowContext ctx, SourceConnection remote) {
    if (!linked(ctx, remote)) {
      return Diff.replace("it reads base connection " + remote.baseConnectionId() + " path "
          + remote.resourcePath() + " instead of base connection " + baseConnectionId(ctx)
          + " path " + ctx.spec().getResourcePath().value());
    }
    Diff.Builder diff = Diff.builder();
    String name = ctx.remoteName(KIND_SUFFIX);
    if (!name.equals(remote.name())) {
      diff.patch("name", JsonPatchOp.replace("/name", name));
    }
    String description = desiredDescription(ctx);
    if (!description.equals(remote.description())) {
      diff.patch("description", JsonPatchOp.replace("/description", description));
    }
    return diff.build();
  }

  @Override
  public SourceConnection update(FlowContext ctx, SourceConnection remote, Diff diff) {
    EntityRef ref = ctx.session().flowService().patchSourceConnection(
        remote.id(), remote.etag(), diff.ops());
    return new SourceConnection(remote.id(), ref.etag(), remote.name(), remote.description(),
        remote.state(), remote.baseConnectionId(), remote.connectionSpec(), remote.dataFormat(),
        remote.params());
  }

  @Override
  public void record(FlowContext ctx, SourceConnection remote) {
    ctx.status().setSourceConnection(new ConnectionStatus(remote.id(), remote.etag()));
  }

  @Override
  public void forget(FlowContext ctx) {
    ctx.status().setSourceConnection(null);
  }

  @Override
  public String id(SourceConnection remote) {
    return remote.id();
  }

  @Override
  public Optional<String> notReady(FlowContext ctx, SourceConnection remote) {
    return FlowSteps.waitingState(kind(), remote.id(), remote.state());
  }

  @Override
  public List<String> strays(FlowContext ctx) {
    String current = recordedId(ctx);
    return named(ctx).stream().map(SourceConnection::id)
        .filter(id -> !Objects.equals(id, current)).toList();
  }

  @Override
  public boolean deletesOnCleanup(FlowContext ctx) {
    return FlowSteps.deletesRemote(ctx);
  }

  @Override
  public List<String> owned(FlowContext ctx) {
    Set<String> ids = new LinkedHashSet<>();
    if (recordedId(ctx) != null) {
      ids.add(recordedId(ctx));
    }
    named(ctx).forEach(c -> ids.add(c.id()));
    return List.copyOf(ids);
  }

  @Override
  public boolean delete(FlowContext ctx, String id) {
    return ctx.session().flowService().deleteSourceConnection(id);
  }

  @Override
  public String describe(FlowContext ctx, SourceConnection remote) {
    return "source connection " + ctx.remoteName(KIND_SUFFIX) + " (id " + remote.id() + ")";
  }

  private static boolean linked(FlowContext ctx, SourceConnection remote) {
    return Objects.equals(remote.baseConnectionId(), baseConnectionId(ctx))
        && Objects.equals(remote.resourcePath(), ctx.spec().getResourcePath().value());
  }

  private static List<SourceConnection> named(FlowContext ctx) {
    return ctx.observer().sourceConnectionsNamed(ctx.remoteName(KIND_SUFFIX)).stream()
        .filter(c -> ctx.owns(c.description()))
        .toList();
  }

  private static String recordedId(FlowContext ctx) {
    ConnectionStatus status = ctx.status().getSourceConnection();
    return status == null ? null : status.getId();
  }

  private static String baseConnectionId(FlowContext ctx) {
    return ctx.status().getBaseConnection() == null
        ? null : ctx.status().getBaseConnection().getId();
  }

  private static String desiredDescription(FlowContext ctx) {
    return ctx.remoteDescription("Stripe " + ctx.spec().getResourcePath().value()
        + " for StripeIngestionFlow " + ctx.namespace() + "/" + ctx.name() + ".");
  }
}
