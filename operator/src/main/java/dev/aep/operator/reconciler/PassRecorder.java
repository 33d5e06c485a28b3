package dev.aep.operator.reconciler;

/** What the executor reports to the pass while it runs: checkpoints and events. */
interface PassRecorder {
  /** Persists the working status now (a new id must not be lost), saying what is happening. */
  void checkpoint(String reason, String message);

  /** A Normal Kubernetes event about the flow. */
  void event(String reason, String note);
}
