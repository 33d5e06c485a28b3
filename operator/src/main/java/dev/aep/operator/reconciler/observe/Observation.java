package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.reconciler.steps.DirectRemoteObserver;
import dev.aep.operator.reconciler.steps.RemoteObserver;

/**
 * How one reconcile pass sees the Platform: the session its steps write through and the observer
 * they read with.
 */
@FunctionalInterface
public interface Observation {

  /** The session and observer of one pass over {@code session}'s org+sandbox. */
  Observed open(PlatformSession session);

  /** One GET per object per pass, nothing shared (the behaviour before bulk observation). */
  static Observation direct() {
    return session -> new Observed(session, new DirectRemoteObserver(session));
  }

  /**
   * What a pass works with.
   *
   * @param session where the steps send their writes
   * @param observer where the steps read remote objects
   */
  record Observed(PlatformSession session, RemoteObserver observer) {}
}
