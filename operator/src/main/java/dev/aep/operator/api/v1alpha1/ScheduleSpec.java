package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import java.time.OffsetDateTime;

/** The dataflow schedule (Flow Service scheduleParams), in Kubernetes terms. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.frequency != 'once' || !has(self.interval)",
    message = "schedule.interval must not be set when frequency is once")
@ValidationRule(
    value = "self.frequency != 'once' || !has(self.backfill)",
    message = "schedule.backfill is not available when frequency is once")
@ValidationRule(
    value = "self.frequency == 'once' || has(self.interval)",
    message = "schedule.interval is required unless frequency is once")
@ValidationRule(
    value = "self.frequency != 'minute' || !has(self.interval) || self.interval >= 15",
    message = "schedule.interval must be at least 15 when frequency is minute")
public class ScheduleSpec {

  /** RFC 3339 date-time with a mandatory offset, for example 2026-12-01T00:00:00Z. */
  public static final String RFC3339_PATTERN =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$";

  @Required
  @JsonPropertyDescription(
      "How often the dataflow runs: once, minute, hour, day or week. once runs a single time and takes neither"
          + " interval nor backfill.")
  private Frequency frequency;

  @Min(1)
  @JsonPropertyDescription(
      "Run every interval units of frequency. Required unless frequency is once; at least 15 for minute, at least 1"
          + " for hour, day and week.")
  private Integer interval;

  @Pattern(RFC3339_PATTERN)
  @JsonPropertyDescription(
      "When the first run happens, as an RFC 3339 date-time (for example 2026-12-01T00:00:00Z). When omitted, the"
          + " flow starts when the operator creates it. The Platform refuses changes once it is in the past.")
  private String startTime;

  @JsonPropertyDescription(
      "Whether the first run also ingests data that existed before startTime. Not available for once; when omitted,"
          + " the operator sends no backfill flag and leaves the choice to the Platform.")
  private Boolean backfill;

  public ScheduleSpec() {}

  public ScheduleSpec(Frequency frequency, Integer interval, String startTime, Boolean backfill) {
    this.frequency = frequency;
    this.interval = interval;
    this.startTime = startTime;
    this.backfill = backfill;
  }

  public Frequency getFrequency() {
    return frequency;
  }

  public void setFrequency(Frequency frequency) {
    this.frequency = frequency;
  }

  public Integer getInterval() {
    return interval;
  }

  public void setInterval(Integer interval) {
    this.interval = interval;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public Boolean getBackfill() {
    return backfill;
  }

  public void setBackfill(Boolean backfill) {
    this.backfill = backfill;
  }

  /**
   * The backfill flag to send: none for {@code once} (the Platform does not accept it there),
   * otherwise the spec's value, and none when the spec leaves it unset: no default is documented
   * and the Stripe API example omits it, so the operator never decides for the user how much
   * history the first run pulls (platform-api.md 16).
   */
  public Boolean effectiveBackfill() {
    if (frequency == Frequency.ONCE) {
      return null;
    }
    return backfill;
  }

  /**
   * The start time as Unix epoch seconds (the Platform's format), or null when the spec leaves it
   * to creation time.
   *
   * @throws java.time.format.DateTimeParseException when the value is not RFC 3339 (admission
   *     prevents that)
   */
  public Long startTimeEpochSeconds() {
    if (startTime == null || startTime.isEmpty()) {
      return null;
    }
    return OffsetDateTime.parse(startTime).toEpochSecond();
  }
}
