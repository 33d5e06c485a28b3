package dev.aep.simulator;

/** Placeholder entry point replaced by the simulator implementation. */
public final class SimulatorMain {
  public static void main(String[] args) {}
}
