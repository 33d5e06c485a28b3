package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.ConnectionStatus;
import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.TargetConnection;
import dev.aep.operator.platform.TargetConnectionRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The data lake target connection writing into the dataset with the target schema. Dataset and
 * schema cannot change under a flow: when they differ it is replaced and the flow re-linked.
 */
public final class TargetConnectionStep implements Step<TargetConnection> {
  static final String KIND_SUFFIX = "target";

  @Override
  public String name() {
    return "targetConnection";
  }

  @Override
  public String kind() {
    return "target connection";
  }

  @Override
  public boolean managed(FlowContext ctx) {
    return true;
  }

  @Override
  public Optional<TargetConnection> observe(FlowContext ctx) {
    String recorded = recordedId(ctx);
    if (recorded != null) {
      Optional<TargetConnection> found = ctx.observer().targetConnection(recorded);
      if (found.isPresent()) {
        return found;
      }
    }
    return named(ctx).stream()
        .filter(c -> !ctx.retired(c.id()) && linked(ctx, c))
        .findFirst();
  }

  @Override
  public TargetConnection create(FlowContext ctx) {
    String name = ctx.remoteName(KIND_SUFFIX);
    String description = desiredDescription(ctx);
    TargetConnectionRequest request = TargetConnectionRequest.dataLake(
        name, description, schemaId(ctx), schemaVersion(ctx), datasetId(ctx));
    EntityRef ref = ctx.session().flowService().createTargetConnection(request);
    return new TargetConnection(ref.id(), ref.etag(), name, description, null,
        request.connectionSpec(), request.dataFormat(), request.schemaId(),
        request.schemaVersion(), request.params());
  }

  @Override
  public Diff diff(FlowContext ctx, TargetConnection remote) {
    if (!linked(ctx, remote)) {
      return Diff.replace("it writes to dataset " + remote.dataSetId() + " with schema "
          + remote.schemaId() + " instead of dataset " + datasetId(ctx) + " with schema "
          + schemaId(ctx));
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
  public TargetConnection update(FlowContext ctx, TargetConnection remote, Diff diff) {
    EntityRef ref = ctx.session().flowService().patchTargetConnection(
        remote.id(), remote.etag(), diff.ops());
    return new TargetConnection(remote.id(), ref.etag(), remote.name(), remote.description(),
        remote.state(), remote.connectionSpec(), remote.dataFormat(), remote.schemaId(),
        remote.schemaVersion(), remote.params());
  }

  @Override
  public void record(FlowContext ctx, TargetConnection remote) {
    ctx.status().setTargetConnection(new ConnectionStatus(remote.id(), remote.etag()));
  }

  @Override
  public void forget(FlowContext ctx) {
    ctx.status().setTargetConnection(null);
  }

  @Override
  public String id(TargetConnection remote) {
    return remote.id();
  }

  @Override
  public Optional<String> notReady(FlowContext ctx, TargetConnection remote) {
    return FlowSteps.waitingState(kind(), remote.id(), remote.state());
  }

  @Override
  public List<String> strays(FlowContext ctx) {
    String current = recordedId(ctx);
    return named(ctx).stream().map(TargetConnection::id)
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
    return ctx.session().flowService().deleteTargetConnection(id);
  }

  @Override
  public String describe(FlowContext ctx, TargetConnection remote) {
    return "target connection " + ctx.remoteName(KIND_SUFFIX) + " (id " + remote.id() + ")";
  }

  private static boolean linked(FlowContext ctx, TargetConnection remote) {
    return Objects.equals(remote.dataSetId(), datasetId(ctx))
        && Objects.equals(remote.schemaId(), schemaId(ctx));
  }

  private static List<TargetConnection> named(FlowContext ctx) {
    return ctx.observer().targetConnectionsNamed(ctx.remoteName(KIND_SUFFIX)).stream()
        .filter(c -> ctx.owns(c.description()))
        .toList();
  }

  private static String recordedId(FlowContext ctx) {
    ConnectionStatus status = ctx.status().getTargetConnection();
    return status == null ? null : status.getId();
  }

  private static String datasetId(FlowContext ctx) {
    return ctx.status().getDataset() == null ? null : ctx.status().getDataset().getId();
  }

  private static String schemaId(FlowContext ctx) {
    return ctx.status().getSchema() == null ? null : ctx.status().getSchema().getId();
  }

  private static String schemaVersion(FlowContext ctx) {
    String version = ctx.status().getSchema() == null ? null : ctx.status().getSchema().getVersion();
    return version == null ? "1.0" : version;
  }

  private static String desiredDescription(FlowContext ctx) {
    return ctx.remoteDescription("Data lake target for StripeIngestionFlow " + ctx.namespace()
        + "/" + ctx.name() + ".");
  }
}
