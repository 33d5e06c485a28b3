package dev.aep.operator.reconciler;

/**
 * What the executor tells the pass about the remote objects it changed. The pass writes no status
 * for these on its own: the ids are in the working status, written once when the pass ends, and a
 * crash before that is covered by adoption (deterministic names and the flow's uid), not by a
 * status write after every POST. At the end the pass records one Event summarising the changes.
 */
interface PassRecorder {
  /**
   * One change, e.g. {@code changed("Created", "flow 8f3c...")}: {@code verb} groups it in the
   * summary, {@code what} names the object (kind and id) and, for updates, what changed.
   */
  void changed(String verb, String what);
}
