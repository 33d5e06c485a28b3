package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.ScheduleParams;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * When a flow's schedule lets a run start: at its start time and then every interval (the
 * Platform's grid); a {@code once} flow runs at its start time only.
 */
final class RunSchedule {
  private RunSchedule() {}

  /** Whether no run can have started by {@code now}: the start time lies ahead. */
  static boolean noRunBefore(ScheduleParams schedule, Instant now) {
    return schedule != null
        && schedule.startTime() != null
        && Instant.ofEpochSecond(schedule.startTime()).isAfter(now);
  }

  /**
   * The first scheduled run time strictly after {@code after}; empty when there is none (a {@code
   * once} flow whose start passed) or the schedule cannot be read.
   */
  static Optional<Instant> nextRunAfter(ScheduleParams schedule, Instant after) {
    if (schedule == null || schedule.startTime() == null) {
      return Optional.empty();
    }
    Instant start = Instant.ofEpochSecond(schedule.startTime());
    if (start.isAfter(after)) {
      return Optional.of(start);
    }
    Optional<Duration> period = period(schedule);
    if (period.isEmpty()) {
      return Optional.empty();
    }
    long p = period.get().toMillis();
    long elapsed = after.toEpochMilli() - start.toEpochMilli();
    return Optional.of(start.plusMillis((elapsed / p + 1) * p));
  }

  /** Time between runs; empty for {@code once} or an unknown frequency. */
  static Optional<Duration> period(ScheduleParams schedule) {
    String frequency =
        schedule.frequency() == null ? "once" : schedule.frequency().toLowerCase(Locale.ROOT);
    int interval = schedule.interval() == null || schedule.interval() < 1 ? 1 : schedule.interval();
    Duration unit =
        switch (frequency) {
          case "minute" -> Duration.ofMinutes(1);
          case "hour" -> Duration.ofHours(1);
          case "day" -> Duration.ofDays(1);
          case "week" -> Duration.ofDays(7);
          default -> null;
        };
    return unit == null ? Optional.empty() : Optional.of(unit.multipliedBy(interval));
  }
}
