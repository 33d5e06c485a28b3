package dev.aep.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.http.Json;
import java.time.Duration;
import java.util.Map;

/**
 * Flow schedule rules (platform-api.md 2.6): frequency enum, interval minimums, nothing but a start
 * time for `once`. Values are echoed as strings the way the documented GETs show them. [INF] The
 * error code for a bad schedule is undocumented; the service answers 400 with its generic
 * validation code.
 */
public final class Schedules {
  private static final Map<String, Integer> MIN_INTERVAL =
      Map.of("minute", 15, "hour", 1, "day", 1, "week", 1);
  private static final Map<String, Duration> UNIT =
      Map.of(
          "minute",
          Duration.ofMinutes(1),
          "hour",
          Duration.ofHours(1),
          "day",
          Duration.ofDays(1),
          "week",
          Duration.ofDays(7));

  /**
   * [INF] A start time past 2100 is almost surely milliseconds sent where seconds are documented.
   */
  private static final long MAX_START_SECONDS = 4102444800L;

  private Schedules() {}

  /**
   * Validates scheduleParams and returns the stored form; IllegalArgumentException says why not.
   */
  static ObjectNode normalize(JsonNode params, long nowSeconds) {
    if (params == null || params.isNull()) {
      params = Json.obj();
    }
    if (!params.isObject()) {
      throw new IllegalArgumentException("scheduleParams must be an object");
    }
    String frequency = params.hasNonNull("frequency") ? params.get("frequency").asText() : "once";
    if (!frequency.equals("once") && !MIN_INTERVAL.containsKey(frequency)) {
      throw new IllegalArgumentException(
          "frequency must be one of once, minute, hour, day, week; got '" + frequency + "'");
    }
    ObjectNode out = Json.obj();
    long start = nowSeconds;
    if (params.hasNonNull("startTime")) {
      try {
        start = Long.parseLong(params.get("startTime").asText().trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("startTime must be epoch seconds");
      }
      if (start < 0 || start > MAX_START_SECONDS) {
        throw new IllegalArgumentException("startTime must be epoch seconds, got " + start);
      }
    }
    out.put("startTime", Long.toString(start));
    out.put("frequency", frequency);
    boolean hasInterval = params.hasNonNull("interval");
    if (frequency.equals("once")) {
      if (hasInterval) {
        throw new IllegalArgumentException("interval is not available for frequency once");
      }
      if (params.hasNonNull("backfill")) {
        throw new IllegalArgumentException("backfill is not available for frequency once");
      }
      return out;
    }
    if (!hasInterval) {
      throw new IllegalArgumentException("interval is required for frequency " + frequency);
    }
    long interval;
    try {
      interval = Long.parseLong(params.get("interval").asText().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("interval must be a non-zero integer");
    }
    int min = MIN_INTERVAL.get(frequency);
    if (interval < min) {
      throw new IllegalArgumentException(
          "interval must be at least " + min + " for frequency " + frequency + ", got " + interval);
    }
    out.put("interval", Long.toString(interval));
    if (params.hasNonNull("backfill")) {
      String b = params.get("backfill").asText();
      if (!b.equals("true") && !b.equals("false")) {
        throw new IllegalArgumentException("backfill must be a boolean");
      }
      out.put("backfill", b);
    }
    return out;
  }

  /** Time between runs; null for `once`. */
  public static Duration period(JsonNode stored) {
    String f = Json.text(stored, "frequency");
    if (f == null || f.equals("once")) {
      return null;
    }
    return UNIT.get(f).multipliedBy(Long.parseLong(Json.text(stored, "interval")));
  }

  public static long startMillis(JsonNode stored) {
    return Long.parseLong(Json.text(stored, "startTime")) * 1000L;
  }
}
