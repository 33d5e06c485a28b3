package dev.aep.operator.demo;

/** A demo step that did not converge in time; the message says which flow is stuck and why. */
final class DemoFailure extends RuntimeException {
  DemoFailure(String message) {
    super(message);
  }
}
