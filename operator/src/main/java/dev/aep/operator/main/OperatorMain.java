package dev.aep.operator.main;

/** Placeholder entry point replaced by the composition root. */
public final class OperatorMain {
  public static void main(String[] args) {}
}
