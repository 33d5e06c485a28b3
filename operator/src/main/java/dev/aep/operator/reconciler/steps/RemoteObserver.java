package dev.aep.operator.reconciler.steps;

import dev.aep.operator.platform.FlowRun;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.RemoteKind;
import dev.aep.operator.platform.RemoteObject;
import java.util.List;
import java.util.Optional;

/**
 * Every read the steps make to observe remote objects. Kept apart from the write clients so that
 * per-object GETs can be replaced by one shared list per sandbox and resync without touching the
 * steps; an implementation that caches must drop what it holds on {@link #invalidate()}, which the
 * executor calls after each write.
 */
public interface RemoteObserver {

  /** The object of {@code kind} with this id; empty when it does not exist. */
  <T extends RemoteObject> Optional<T> get(RemoteKind<T, ?> kind, String id);

  /** The objects of {@code kind} named (or titled) exactly {@code name}. */
  <T extends RemoteObject> List<T> named(RemoteKind<T, ?> kind, String name);

  /** The object of a kind whose titles are unique (schemas, field groups) by exact title. */
  default <T extends RemoteObject> Optional<T> titled(RemoteKind<T, ?> kind, String title) {
    return named(kind, title).stream().findFirst();
  }

  /** A mapping set at {@code version}; null for the service's default version. */
  Optional<MappingSet> mappingSet(String id, Long version);

  /** Newest runs of a flow, newest first. */
  List<FlowRun> latestRuns(String flowId, int limit);

  /** Forget anything cached: a write just changed the Platform. */
  default void invalidate() {}
}
