package dev.aep.operator.reconciler;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff per flow for retryable failures, so a failing Platform is never hammered; the
 * count resets on the first successful pass.
 */
final class Backoff {
  private final Duration initial;
  private final Duration max;
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  Backoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
  }

  /** Delay before the next attempt for this flow; at least {@code floor} (Retry-After). */
  Duration next(String key, Duration floor) {
    int n = failures.merge(key, 1, Integer::sum);
    long base = initial.toMillis() << Math.min(n - 1, 20);
    long capped = Math.min(base, max.toMillis());
    // Up to 20% random spread so flows failing together do not retry together.
    long spread = Math.round(capped * ThreadLocalRandom.current().nextDouble(0, 0.2));
    long delay = Math.min(max.toMillis(), capped + spread);
    if (floor != null && floor.toMillis() > delay) {
      delay = floor.toMillis();
    }
    return Duration.ofMillis(delay);
  }

  void reset(String key) {
    failures.remove(key);
  }
}
