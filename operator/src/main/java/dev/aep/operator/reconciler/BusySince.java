package dev.aep.operator.reconciler;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.reconciler.steps.StepFailure;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remembers, per flow, when the Platform first refused a change because the flow was busy, so the
 * PlatformBusy condition says since when across passes; kept in memory until the flow settles.
 * After a restart (or on another replica) the streak resumes from the Ready condition: while it
 * still says PlatformBusy, its message carries when the streak began (the condition's
 * lastTransitionTime moves only with its status, so it may date from an earlier failure).
 */
final class BusySince {
  private static final Pattern RECORDED = Pattern.compile("Busy since (\\S+)\\.$");

  private final Clock clock;
  private final Map<String, Instant> first = new ConcurrentHashMap<>();

  BusySince(Clock clock) {
    this.clock = clock;
  }

  /**
   * A PlatformBusy failure gets "Busy since <first refusal>." appended; any other failure ends the
   * busy streak, so a later refusal counts from its own time. {@code recorded} is the flow's Ready
   * condition as last written: its "Busy since" starts the streak when it says PlatformBusy and
   * this process has none in memory (restart, failover).
   */
  StepFailure annotate(String key, StepFailure failure, Condition recorded) {
    if (!FlowConditions.REASON_PLATFORM_BUSY.equals(failure.reason())) {
      first.remove(key);
      return failure;
    }
    Instant since = first.computeIfAbsent(key, k -> recordedSince(recorded));
    return new StepFailure(
        failure.reason(),
        failure.getMessage() + " Busy since " + since + ".",
        failure.retry(),
        failure.retryAfter().orElse(null),
        failure.getCause());
  }

  private Instant recordedSince(Condition recorded) {
    if (recorded != null
        && FlowConditions.REASON_PLATFORM_BUSY.equals(recorded.getReason())
        && recorded.getMessage() != null) {
      Matcher m = RECORDED.matcher(recorded.getMessage());
      if (m.find()) {
        try {
          return Instant.parse(m.group(1));
        } catch (DateTimeParseException e) {
          // Edited by hand or by another tool: count from now.
        }
      }
    }
    return clock.instant();
  }

  /** The flow settled (a pass succeeded) or is gone. */
  void reset(String key) {
    first.remove(key);
  }
}
