package dev.aep.operator.bench;

import dev.aep.simulator.Kind;
import dev.aep.simulator.RequestLog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Sorts the simulator's request log into what the operator spent: lists, reads by id, writes. */
public final class PlatformCalls {
  private static final Set<String> COLLECTIONS =
      Set.of(
          "connections",
          "sourceConnections",
          "targetConnections",
          "flows",
          "runs",
          "dataSets",
          "schemas",
          "mappingSets",
          "fieldgroups",
          "descriptors");

  private PlatformCalls() {}

  /** Whether the call is a list (GET on a collection) rather than a read of one object. */
  public static boolean isList(RequestLog.Entry e) {
    if (!e.method().equals("GET")) {
      return false;
    }
    String path = e.path().endsWith("/") ? e.path().substring(0, e.path().length() - 1) : e.path();
    return COLLECTIONS.contains(path.substring(path.lastIndexOf('/') + 1));
  }

  /** A GET that is not a list. */
  public static boolean isRead(RequestLog.Entry e) {
    return e.method().equals("GET") && !isList(e);
  }

  /** Platform calls (IMS token calls excluded) matching a filter. */
  public static List<RequestLog.Entry> platform(
      List<RequestLog.Entry> log, Predicate<RequestLog.Entry> filter) {
    return log.stream().filter(e -> e.kind() != Kind.TOKEN).filter(filter).toList();
  }

  /** Calls answered in [from, to). */
  public static Predicate<RequestLog.Entry> between(Instant from, Instant to) {
    return e -> !e.time().isBefore(from) && e.time().isBefore(to);
  }

  /** Calls of one sandbox. */
  public static Predicate<RequestLog.Entry> sandbox(String sandbox) {
    return e -> sandbox.equals(e.sandbox());
  }

  /** "GET list flow", "GET flow", "POST connection", ... -> count, sorted. */
  public static Map<String, Long> byMethodAndKind(List<RequestLog.Entry> calls) {
    Map<String, Long> counts = new TreeMap<>();
    for (RequestLog.Entry e : calls) {
      counts.merge(label(e), 1L, Long::sum);
    }
    return counts;
  }

  /** How a call is labelled in tables: method, "list" for lists, kind. */
  public static String label(RequestLog.Entry e) {
    return e.method() + (isList(e) ? " list " : " ") + e.kind().value();
  }
}
