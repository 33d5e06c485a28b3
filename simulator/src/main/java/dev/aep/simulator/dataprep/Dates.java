package dev.aep.simulator.dataprep;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;

/**
 * dformat and date (DOC:DP-FN): Java DateTimeFormatter patterns, UTC where the input names no zone.
 */
final class Dates {
  /**
   * [INF] The fixed list date() tries without a format; DOC:DP-DATA says such a list exists and the
   * first match wins, but not what is in it. RFC 3339 first, then common forms.
   */
  private static final List<DateTimeFormatter> DEFAULT_FORMATS =
      List.of(
          DateTimeFormatter.ISO_OFFSET_DATE_TIME,
          DateTimeFormatter.ISO_LOCAL_DATE_TIME,
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
          DateTimeFormatter.ISO_LOCAL_DATE,
          DateTimeFormatter.ofPattern("MM/dd/yyyy"));

  private Dates() {}

  /**
   * dformat(ms, format): epoch milliseconds (or a date from date()) as text in UTC, e.g.
   * dformat(1571829875000, "yyyy-MM-dd'T'HH:mm:ss.SSSX") is 2019-10-23T11:24:35.000Z (DOC:DP-FN).
   */
  static Object dformat(Object when, Object format) {
    if (when == null) {
      return null;
    }
    ZonedDateTime t;
    if (when instanceof ZonedDateTime z) {
      t = z;
    } else {
      Number n = Values.number(when, "dformat DATE");
      if (!Values.isIntegral(n) && Operators.decimal(n).stripTrailingZeros().scale() > 0) {
        throw ExpressionException.eval("dformat needs whole milliseconds, got " + Values.text(n));
      }
      t = Instant.ofEpochMilli(n.longValue()).atZone(ZoneOffset.UTC);
    }
    return formatter(format, "dformat").format(t);
  }

  /** date(string[, format[, default]]): the parsed date, or the default when it does not parse. */
  static Object date(List<Object> a) {
    Object in = a.get(0);
    if (in == null) {
      return a.size() > 2 ? a.get(2) : null;
    }
    String s = Values.string(in, "date");
    try {
      if (a.size() > 1 && a.get(1) != null) {
        return parse(s, formatter(a.get(1), "date"));
      }
      for (DateTimeFormatter f : DEFAULT_FORMATS) {
        try {
          return parse(s, f);
        } catch (DateTimeException next) {
          // the next pattern of the list may match
        }
      }
      throw new DateTimeException("no known date format matches");
    } catch (DateTimeException e) {
      if (a.size() > 2) {
        return a.get(2);
      }
      throw ExpressionException.eval("date: '" + s + "' is not a date (" + e.getMessage() + ")");
    }
  }

  private static ZonedDateTime parse(String s, DateTimeFormatter f) {
    TemporalAccessor t = f.parse(s);
    if (t.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)) {
      return ZonedDateTime.from(t);
    }
    if (t.isSupported(java.time.temporal.ChronoField.HOUR_OF_DAY)) {
      return LocalDateTime.from(t).atZone(ZoneOffset.UTC);
    }
    return LocalDate.from(t).atStartOfDay(ZoneOffset.UTC);
  }

  private static DateTimeFormatter formatter(Object format, String fn) {
    String p = Values.string(format, fn + " FORMAT");
    try {
      return DateTimeFormatter.ofPattern(p).withZone(ZoneOffset.UTC);
    } catch (IllegalArgumentException e) {
      throw ExpressionException.eval(fn + ": bad format '" + p + "': " + e.getMessage());
    }
  }
}
