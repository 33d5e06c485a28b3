package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.reconciler.steps.RemoteObserver;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * How one reconcile pass sees the Platform: the session its steps write through and the observer
 * they read with.
 */
@FunctionalInterface
public interface Observation {

  /** The session and observer of one pass over {@code session}'s org+sandbox. */
  Observed open(PlatformSession session);

  /**
   * As {@link #open(PlatformSession)}, told which flows (namespace, name) the operator holds for
   * the same sandbox: a name lookup may then ask for theirs in the same call, before they need it.
   * Read lazily, only when a lookup is made.
   */
  default Observed open(PlatformSession session, Supplier<Collection<Sibling>> siblings) {
    return open(session);
  }

  /** A flow the operator holds, by its Kubernetes namespace and name. */
  record Sibling(String namespace, String name) {}

  /**
   * What a pass works with.
   *
   * @param session where the steps send their writes
   * @param observer where the steps read remote objects
   */
  record Observed(PlatformSession session, RemoteObserver observer) {}
}
