package dev.aep.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The simulator's notion of "now" for schedules, runs and timestamps. It follows the wall clock at
 * a speed factor (1 by default; the demo speeds it up) and tests can jump it forward. Token expiry
 * is deliberately NOT on this clock: clients measure expires_in on their own clock.
 */
public final class SimClock {
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private Instant anchorSim;
  private long anchorNanos;
  private double speed = 1.0;

  public SimClock() {
    reset();
  }

  /** The current simulated time. */
  public synchronized Instant now() {
    long elapsed = System.nanoTime() - anchorNanos;
    return anchorSim.plusNanos((long) (elapsed * speed));
  }

  public long nowMillis() {
    return now().toEpochMilli();
  }

  /** Jumps simulated time forward; runs due in between are created at their scheduled times. */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward");
    }
    synchronized (this) {
      Instant now = now();
      anchorNanos = System.nanoTime();
      anchorSim = now.plus(duration);
    }
    listeners.forEach(Runnable::run);
  }

  /** Simulated seconds per real second (1 = real time; 60 = one minute per second). */
  public synchronized void speed(double factor) {
    if (!(factor > 0)) {
      throw new IllegalArgumentException("speed must be > 0");
    }
    Instant now = now();
    anchorNanos = System.nanoTime();
    anchorSim = now;
    speed = factor;
  }

  public synchronized double speed() {
    return speed;
  }

  /** Back to real time at speed 1. */
  public synchronized void reset() {
    anchorSim = Instant.now();
    anchorNanos = System.nanoTime();
    speed = 1.0;
  }

  void onAdvance(Runnable listener) {
    listeners.add(listener);
  }
}
