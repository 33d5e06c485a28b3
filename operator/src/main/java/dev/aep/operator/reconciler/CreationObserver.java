package dev.aep.operator.reconciler;

/**
 * Told right after a remote object was created and before its id reaches status: the window a crash
 * can hit. Production uses {@link #NONE}; the crash tests stop the operator here.
 */
@FunctionalInterface
interface CreationObserver {
  CreationObserver NONE = (step, id) -> {};

  void created(String step, String id);
}
