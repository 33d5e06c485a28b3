package dev.aep.operator.bench;

import dev.aep.operator.platform.BaseConnection;
import dev.aep.operator.platform.Dataset;
import dev.aep.operator.platform.FieldGroup;
import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.FlowRun;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SourceConnection;
import dev.aep.operator.platform.TargetConnection;
import dev.aep.operator.reconciler.steps.RemoteObserver;
import java.util.List;
import java.util.Optional;

/**
 * Observes each remote object with its own GET through the session's clients (no caching): the
 * bench's preloader fills the simulator with Ready flows this way, without the operator's caches.
 */
public final class DirectRemoteObserver implements RemoteObserver {
  private final PlatformSession session;

  public DirectRemoteObserver(PlatformSession session) {
    this.session = session;
  }

  @Override
  public Optional<BaseConnection> baseConnection(String id) {
    return session.flowService().baseConnections().get(id);
  }

  @Override
  public List<BaseConnection> baseConnectionsNamed(String name) {
    return session.flowService().baseConnections().findByName(name);
  }

  @Override
  public Optional<SourceConnection> sourceConnection(String id) {
    return session.flowService().sourceConnections().get(id);
  }

  @Override
  public List<SourceConnection> sourceConnectionsNamed(String name) {
    return session.flowService().sourceConnections().findByName(name);
  }

  @Override
  public Optional<TargetConnection> targetConnection(String id) {
    return session.flowService().targetConnections().get(id);
  }

  @Override
  public List<TargetConnection> targetConnectionsNamed(String name) {
    return session.flowService().targetConnections().findByName(name);
  }

  @Override
  public Optional<Flow> flow(String id) {
    return session.flowService().flows().get(id);
  }

  @Override
  public List<Flow> flowsNamed(String name) {
    return session.flowService().flows().findByName(name);
  }

  @Override
  public Optional<Schema> schema(String id) {
    return session.schemaRegistry().getSchema(id);
  }

  @Override
  public Optional<Schema> schemaTitled(String title) {
    return session.schemaRegistry().findSchemaByTitle(title);
  }

  @Override
  public Optional<Dataset> dataset(String id) {
    return session.catalog().getDataset(id);
  }

  @Override
  public List<Dataset> datasetsNamed(String name) {
    return session.catalog().findDatasetsByName(name);
  }

  @Override
  public Optional<MappingSet> mappingSet(String id, Long version) {
    return version == null
        ? session.dataPrep().getMappingSet(id)
        : session.dataPrep().getMappingSet(id, version.intValue());
  }

  @Override
  public Optional<FieldGroup> fieldGroupTitled(String title) {
    return session.schemaRegistry().findFieldGroupByTitle(title);
  }

  @Override
  public List<MappingSet> mappingSetsNamed(String name) {
    return session.dataPrep().findMappingSetsByName(name);
  }

  @Override
  public List<FlowRun> latestRuns(String flowId, int limit) {
    return session.flowService().listRuns(flowId, limit);
  }
}
