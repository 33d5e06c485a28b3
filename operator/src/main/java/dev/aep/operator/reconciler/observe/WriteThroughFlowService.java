package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.BaseConnection;
import dev.aep.operator.platform.BaseConnectionRequest;
import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.FlowRequest;
import dev.aep.operator.platform.FlowRun;
import dev.aep.operator.platform.FlowServiceClient;
import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.RemoteCollection;
import dev.aep.operator.platform.SourceConnection;
import dev.aep.operator.platform.SourceConnectionRequest;
import dev.aep.operator.platform.SourceSchema;
import dev.aep.operator.platform.TargetConnection;
import dev.aep.operator.platform.TargetConnectionRequest;
import java.util.List;
import java.util.Optional;

/** Flow Service writes that keep the scope's connection and flow snapshots current. */
final class WriteThroughFlowService implements FlowServiceClient {
  private final FlowServiceClient delegate;
  private final ScopeSnapshots scope;
  private final RemoteCollection<BaseConnection, BaseConnectionRequest> baseConnections;
  private final RemoteCollection<SourceConnection, SourceConnectionRequest> sourceConnections;
  private final RemoteCollection<TargetConnection, TargetConnectionRequest> targetConnections;
  private final RemoteCollection<Flow, FlowRequest> flows;

  WriteThroughFlowService(FlowServiceClient delegate, ScopeSnapshots scope) {
    this.delegate = delegate;
    this.scope = scope;
    // The state is left unknown: nothing is claimed that the Platform did not answer.
    this.baseConnections =
        new WriteThroughCollection<>(
            delegate.baseConnections(), scope.baseConnections, BaseConnectionRequest::name);
    this.sourceConnections =
        new WriteThroughCollection<>(
            delegate.sourceConnections(), scope.sourceConnections, SourceConnectionRequest::name);
    this.targetConnections =
        new WriteThroughCollection<>(
            delegate.targetConnections(), scope.targetConnections, TargetConnectionRequest::name);
    // A new flow is enabled (platform-api.md 2.6); a deleted flow's remembered runs go with it.
    this.flows =
        new WriteThroughCollection<>(
            delegate.flows(), scope.flows, FlowRequest::name, Flow::created, scope.runs::remove);
  }

  @Override
  public RemoteCollection<BaseConnection, BaseConnectionRequest> baseConnections() {
    return baseConnections;
  }

  @Override
  public RemoteCollection<SourceConnection, SourceConnectionRequest> sourceConnections() {
    return sourceConnections;
  }

  @Override
  public RemoteCollection<TargetConnection, TargetConnectionRequest> targetConnections() {
    return targetConnections;
  }

  @Override
  public RemoteCollection<Flow, FlowRequest> flows() {
    return flows;
  }

  @Override
  public SourceSchema explore(String baseConnectionId, String resourcePath) {
    return delegate.explore(baseConnectionId, resourcePath);
  }

  @Override
  public EntityRef enableFlow(String id) {
    return scope.flows.changing(id, () -> delegate.enableFlow(id));
  }

  @Override
  public EntityRef disableFlow(String id) {
    return scope.flows.changing(id, () -> delegate.disableFlow(id));
  }

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
}
