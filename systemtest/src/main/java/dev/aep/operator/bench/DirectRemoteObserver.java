package dev.aep.operator.bench;

import dev.aep.operator.platform.FlowRun;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.RemoteKind;
import dev.aep.operator.platform.RemoteObject;
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
  public <T extends RemoteObject> Optional<T> get(RemoteKind<T, ?> kind, String id) {
    return kind.in(session).get(id);
  }

  @Override
  public <T extends RemoteObject> List<T> named(RemoteKind<T, ?> kind, String name) {
    return kind.in(session).findByName(name);
  }

  @Override
  public Optional<MappingSet> mappingSet(String id, Long version) {
    return version == null
        ? session.dataPrep().getMappingSet(id)
        : session.dataPrep().getMappingSet(id, version.intValue());
  }

  @Override
  public List<FlowRun> latestRuns(String flowId, int limit) {
    return session.flowService().listRuns(flowId, limit);
  }
}
