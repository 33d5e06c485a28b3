package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.BaseConnection;
import dev.aep.operator.platform.BaseConnectionRequest;
import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.FlowRequest;
import dev.aep.operator.platform.FlowRun;
import dev.aep.operator.platform.FlowServiceClient;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.SourceConnection;
import dev.aep.operator.platform.SourceConnectionRequest;
import dev.aep.operator.platform.SourceSchema;
import dev.aep.operator.platform.TargetConnection;
import dev.aep.operator.platform.TargetConnectionRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Flow Service writes that keep the scope's connection and flow snapshots current. */
final class WriteThroughFlowService implements FlowServiceClient {
  private final FlowServiceClient delegate;
  private final ScopeSnapshots scope;

  WriteThroughFlowService(FlowServiceClient delegate, ScopeSnapshots scope) {
    this.delegate = delegate;
    this.scope = scope;
  }

  // --- base connections ---

  @Override
  public EntityRef createBaseConnection(BaseConnectionRequest request) {
    EntityRef ref = create(scope.baseConnections, request.name(),
        () -> delegate.createBaseConnection(request));
    // The state is left unknown: nothing is claimed that the Platform did not answer.
    scope.baseConnections.remember(new BaseConnection(ref.id(), ref.etag(), request.name(),
        request.description(), null, request.connectionSpec(), request.authSpecName(), null,
        null));
    return ref;
  }

  @Override
  public Optional<BaseConnection> getBaseConnection(String id) {
    return delegate.getBaseConnection(id);
  }

  @Override
  public List<BaseConnection> listBaseConnections(ListQuery query) {
    return delegate.listBaseConnections(query);
  }

  @Override
  public Page<BaseConnection> listBaseConnectionsPage(ListQuery query, String pageToken) {
    return delegate.listBaseConnectionsPage(query, pageToken);
  }

  @Override
  public List<BaseConnection> findBaseConnectionsByName(String name) {
    return delegate.findBaseConnectionsByName(name);
  }

  @Override
  public EntityRef patchBaseConnection(String id, String etag, List<JsonPatchOp> ops) {
    return change(scope.baseConnections, id, () -> delegate.patchBaseConnection(id, etag, ops));
  }

  @Override
  public boolean deleteBaseConnection(String id) {
    return delete(scope.baseConnections, id, () -> delegate.deleteBaseConnection(id));
  }

  @Override
  public SourceSchema explore(String baseConnectionId, String resourcePath) {
    return delegate.explore(baseConnectionId, resourcePath);
  }

  // --- source connections ---

  @Override
  public EntityRef createSourceConnection(SourceConnectionRequest request) {
    EntityRef ref = create(scope.sourceConnections, request.name(),
        () -> delegate.createSourceConnection(request));
    scope.sourceConnections.remember(new SourceConnection(ref.id(), ref.etag(), request.name(),
        request.description(), null, request.baseConnectionId(), request.connectionSpec(),
        request.dataFormat(), request.params()));
    return ref;
  }

  @Override
  public Optional<SourceConnection> getSourceConnection(String id) {
    return delegate.getSourceConnection(id);
  }

  @Override
  public List<SourceConnection> listSourceConnections(ListQuery query) {
    return delegate.listSourceConnections(query);
  }

  @Override
  public Page<SourceConnection> listSourceConnectionsPage(ListQuery query, String pageToken) {
    return delegate.listSourceConnectionsPage(query, pageToken);
  }

  @Override
  public List<SourceConnection> findSourceConnectionsByName(String name) {
    return delegate.findSourceConnectionsByName(name);
  }

  @Override
  public EntityRef patchSourceConnection(String id, String etag, List<JsonPatchOp> ops) {
    return change(scope.sourceConnections, id,
        () -> delegate.patchSourceConnection(id, etag, ops));
  }

  @Override
  public boolean deleteSourceConnection(String id) {
    return delete(scope.sourceConnections, id, () -> delegate.deleteSourceConnection(id));
  }

  // --- target connections ---

  @Override
  public EntityRef createTargetConnection(TargetConnectionRequest request) {
    EntityRef ref = create(scope.targetConnections, request.name(),
        () -> delegate.createTargetConnection(request));
    scope.targetConnections.remember(new TargetConnection(ref.id(), ref.etag(), request.name(),
        request.description(), null, request.connectionSpec(), request.dataFormat(),
        request.schemaId(), request.schemaVersion(), request.params()));
    return ref;
  }

  @Override
  public Optional<TargetConnection> getTargetConnection(String id) {
    return delegate.getTargetConnection(id);
  }

  @Override
  public List<TargetConnection> listTargetConnections(ListQuery query) {
    return delegate.listTargetConnections(query);
  }

  @Override
  public Page<TargetConnection> listTargetConnectionsPage(ListQuery query, String pageToken) {
    return delegate.listTargetConnectionsPage(query, pageToken);
  }

  @Override
  public List<TargetConnection> findTargetConnectionsByName(String name) {
    return delegate.findTargetConnectionsByName(name);
  }

  @Override
  public EntityRef patchTargetConnection(String id, String etag, List<JsonPatchOp> ops) {
    return change(scope.targetConnections, id,
        () -> delegate.patchTargetConnection(id, etag, ops));
  }

  @Override
  public boolean deleteTargetConnection(String id) {
    return delete(scope.targetConnections, id, () -> delegate.deleteTargetConnection(id));
  }

  // --- flows ---

  @Override
  public EntityRef createFlow(FlowRequest request) {
    EntityRef ref = create(scope.flows, request.name(), () -> delegate.createFlow(request));
    // A new flow is enabled (platform-api.md 2.6).
    scope.flows.remember(new Flow(ref.id(), ref.etag(), request.name(), request.description(),
        "enabled", request.flowSpec(), request.sourceConnectionIds(),
        request.targetConnectionIds(), request.transformations(), request.scheduleParams(), null,
        null, null));
    return ref;
  }

  @Override
  public Optional<Flow> getFlow(String id) {
    return delegate.getFlow(id);
  }

  @Override
  public List<Flow> listFlows(ListQuery query) {
    return delegate.listFlows(query);
  }

  @Override
  public Page<Flow> listFlowsPage(ListQuery query, String pageToken) {
    return delegate.listFlowsPage(query, pageToken);
  }

  @Override
  public List<Flow> findFlowsByName(String name) {
    return delegate.findFlowsByName(name);
  }

  @Override
  public EntityRef patchFlow(String id, String etag, List<JsonPatchOp> ops) {
    return change(scope.flows, id, () -> delegate.patchFlow(id, etag, ops));
  }

  @Override
  public EntityRef enableFlow(String id) {
    return change(scope.flows, id, () -> delegate.enableFlow(id));
  }

  @Override
  public EntityRef disableFlow(String id) {
    return change(scope.flows, id, () -> delegate.disableFlow(id));
  }

  @Override
  public boolean deleteFlow(String id) {
    boolean deleted = delete(scope.flows, id, () -> delegate.deleteFlow(id));
    scope.runs.remove(id);
    return deleted;
  }

  // --- runs ---

  @Override
  public List<FlowRun> listRuns(String flowId, int limit) {
    return delegate.listRuns(flowId, limit);
  }

  @Override
  public Page<FlowRun> listRunsPage(ListQuery query, String pageToken) {
    return delegate.listRunsPage(query, pageToken);
  }

  @Override
  public Optional<FlowRun> getRun(String id) {
    return delegate.getRun(id);
  }

  static <R> R create(KindSnapshot<?> kind, String name, Supplier<R> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      if (ScopeSnapshots.mayHaveCreated(e)) {
        kind.createUncertain(name);
      }
      throw e;
    }
  }

  static <R> R change(KindSnapshot<?> kind, String id, Supplier<R> call) {
    try {
      return call.get();
    } finally {
      // Changed, or refused because what we held was stale: either way read it again.
      kind.changed(id);
    }
  }

  static boolean delete(KindSnapshot<?> kind, String id, Supplier<Boolean> call) {
    boolean deleted;
    try {
      deleted = call.get();
    } catch (RuntimeException e) {
      kind.changed(id);
      throw e;
    }
    kind.deleted(id);
    return deleted;
  }
}
