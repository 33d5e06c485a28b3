package dev.aep.operator.reconciler.steps;

/** A remote object exists but cannot be used yet; the chain stops and the flow is requeued. */
public class NotReady extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String step;

  public NotReady(String step, String message) {
    super(message);
    this.step = step;
  }

  /** The step that waits. */
  public String step() {
    return step;
  }
}
