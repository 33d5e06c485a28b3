package dev.aep.operator.reconciler;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.reconciler.steps.StepFailure;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per flow, when the Platform first refused a change because the flow was busy, so the
 * PlatformBusy condition says since when across passes; kept in memory until the flow settles.
 */
final class BusySince {
  private final Clock clock;
  private final Map<String, Instant> first = new ConcurrentHashMap<>();

  BusySince(Clock clock) {
    this.clock = clock;
  }

  /**
   * A PlatformBusy failure gets "Busy since <first refusal>." appended; any other failure ends the
   * busy streak, so a later refusal counts from its own time.
   */
  StepFailure annotate(String key, StepFailure failure) {
    if (!FlowConditions.REASON_PLATFORM_BUSY.equals(failure.reason())) {
      first.remove(key);
      return failure;
    }
    Instant since = first.computeIfAbsent(key, k -> clock.instant());
    return new StepFailure(failure.reason(), failure.getMessage() + " Busy since " + since + ".",
        failure.retry(), failure.retryAfter().orElse(null), failure.getCause());
  }

  /** The flow settled (a pass succeeded) or is gone. */
  void reset(String key) {
    first.remove(key);
  }
}
