package dev.aep.operator.platform.http;

import java.time.Duration;

/** Waits for a duration; injectable so that tests of retry timing need not sleep for real. */
@FunctionalInterface
public interface Sleeper {

  /** The real thing: {@link Thread#sleep}. */
  Sleeper SYSTEM =
      duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
          Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
      };

  /** Blocks for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;
}
