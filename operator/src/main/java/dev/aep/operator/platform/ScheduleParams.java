package dev.aep.operator.platform;

/**
 * Flow schedule; the wire format sends numbers and booleans as strings at times, the client
 * normalises them.
 *
 * @param frequency {@code once}, {@code minute}, {@code hour}, {@code day} or {@code week}
 * @param interval every {@code interval} units of frequency; null for {@code once}
 * @param startTime epoch seconds
 * @param backfill ingest existing data on the first run; null for {@code once}
 */
public record ScheduleParams(
    String frequency, Integer interval, Long startTime, Boolean backfill) {}
