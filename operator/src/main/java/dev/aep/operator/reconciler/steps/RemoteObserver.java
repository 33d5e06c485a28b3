package dev.aep.operator.reconciler.steps;

import dev.aep.operator.platform.BaseConnection;
import dev.aep.operator.platform.Dataset;
import dev.aep.operator.platform.FieldGroup;
import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.FlowRun;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SourceConnection;
import dev.aep.operator.platform.TargetConnection;
import java.util.List;
import java.util.Optional;

/**
 * Every read the steps make to observe remote objects. Kept apart from the write clients so that
 * per-object GETs can be replaced by one shared list per sandbox and resync without touching the
 * steps; an implementation that caches must drop what it holds on {@link #invalidate()}, which the
 * executor calls after each write.
 */
public interface RemoteObserver {
  Optional<BaseConnection> baseConnection(String id);

  List<BaseConnection> baseConnectionsNamed(String name);

  Optional<SourceConnection> sourceConnection(String id);

  List<SourceConnection> sourceConnectionsNamed(String name);

  Optional<TargetConnection> targetConnection(String id);

  List<TargetConnection> targetConnectionsNamed(String name);

  Optional<Flow> flow(String id);

  List<Flow> flowsNamed(String name);

  Optional<Schema> schema(String id);

  Optional<Schema> schemaTitled(String title);

  /** A tenant field group summary by exact title (registry titles are unique). */
  Optional<FieldGroup> fieldGroupTitled(String title);

  Optional<Dataset> dataset(String id);

  List<Dataset> datasetsNamed(String name);

  Optional<MappingSet> mappingSet(String id, Long version);

  List<MappingSet> mappingSetsNamed(String name);

  /** Newest runs of a flow, newest first. */
  List<FlowRun> latestRuns(String flowId, int limit);

  /** Forget anything cached: a write just changed the Platform. */
  default void invalidate() {}
}
