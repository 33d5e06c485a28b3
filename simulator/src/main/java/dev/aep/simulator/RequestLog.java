package dev.aep.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.http.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every Platform and IMS call the simulator answered (admin calls excluded), so tests and the demo
 * can count what the operator sent: by kind, method, and writes versus reads.
 */
public final class RequestLog {

  /**
   * One answered call. query is the raw query string (null when none); time is the wall-clock
   * instant the answer was ready, received the instant the call arrived (before any injected
   * latency), so a test can tell when a client actually sent a call relative to an earlier answer.
   * connection is the client's address and port: HTTP/1.1 sends one request at a time per
   * connection, so a call that follows an answer on the same connection was sent after the client
   * had read that answer.
   */
  public record Entry(
      String method,
      String path,
      String query,
      int status,
      Instant time,
      Kind kind,
      boolean write,
      String sandbox,
      Instant received,
      String connection) {
    @Override
    public String toString() {
      return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status;
    }
  }

  private final List<Entry> entries = new ArrayList<>();

  synchronized void add(Entry entry) {
    entries.add(entry);
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  public synchronized void clear() {
    entries.clear();
  }

  public synchronized long count(Predicate<Entry> filter) {
    return entries.stream().filter(filter).count();
  }

  public long count(Kind kind) {
    return count(e -> e.kind() == kind);
  }

  public long count(Kind kind, String method) {
    return count(e -> e.kind() == kind && e.method().equalsIgnoreCase(method));
  }

  /** Calls that change state (POST, PUT, PATCH, DELETE, except the token call and explore). */
  public long writes() {
    return count(Entry::write);
  }

  public long writes(Kind kind) {
    return count(e -> e.write() && e.kind() == kind);
  }

  public long reads() {
    return count(e -> !e.write());
  }

  public synchronized ArrayNode toJson() {
    ArrayNode arr = Json.arr();
    for (Entry e : entries) {
      ObjectNode o = arr.addObject();
      o.put("method", e.method())
          .put("path", e.path())
          .put("query", e.query())
          .put("status", e.status());
      o.put("time", e.time().toString()).put("kind", e.kind().value()).put("write", e.write());
      o.put("sandbox", e.sandbox()).put("received", e.received().toString());
      o.put("connection", e.connection());
    }
    return arr;
  }
}
