package dev.aep.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One simulator per test class, reset before each test; c is an authenticated client in sandbox
 * prod.
 */
abstract class SimulatorTestBase {
  static PlatformSimulator sim;
  SimClient c;

  @BeforeAll
  static void startSimulator() {
    sim = PlatformSimulator.start();
  }

  @AfterAll
  static void stopSimulator() {
    sim.close();
  }

  @BeforeEach
  void resetAndAuthenticate() {
    sim.reset();
    c = SimClient.authenticated(sim);
    sim.requestLog().clear();
  }
}
