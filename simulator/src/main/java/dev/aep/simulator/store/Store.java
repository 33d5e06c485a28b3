package dev.aep.simulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.Kind;
import dev.aep.simulator.http.Caller;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-memory objects of every kind, scoped by org and sandbox like Platform's. All methods lock the
 * store; handlers that check-then-act hold the same lock for the whole request (see Dispatcher), so
 * a request is applied atomically as on a single-writer service.
 */
public final class Store {
  private final Map<Kind, Map<String, Entity>> data = new EnumMap<>(Kind.class);
  private final AtomicLong seq = new AtomicLong();

  public Store() {
    for (Kind k : Kind.values()) {
      if (k.isObject()) {
        data.put(k, new LinkedHashMap<>());
      }
    }
  }

  public synchronized Entity create(Kind kind, String id, Caller caller, ObjectNode doc) {
    Entity e = new Entity(kind, id, caller, doc);
    data.get(kind).put(id, e);
    return e;
  }

  /**
   * The object if it exists in the caller's org and sandbox (others' objects are invisible: 404).
   */
  public synchronized Optional<Entity> find(Kind kind, String id, Caller caller) {
    Entity e = data.get(kind).get(id);
    return e != null && e.visibleTo(caller) ? Optional.of(e) : Optional.empty();
  }

  /** The object regardless of scope (admin and fault switches). */
  public synchronized Optional<Entity> any(Kind kind, String id) {
    return Optional.ofNullable(data.get(kind).get(id));
  }

  /** All objects of a kind in the caller's org and sandbox, in creation order. */
  public synchronized List<Entity> list(Kind kind, Caller caller) {
    List<Entity> out = new ArrayList<>();
    for (Entity e : data.get(kind).values()) {
      if (e.visibleTo(caller)) {
        out.add(e);
      }
    }
    return out;
  }

  public synchronized List<Entity> all(Kind kind) {
    return new ArrayList<>(data.get(kind).values());
  }

  public synchronized boolean remove(Kind kind, String id) {
    return data.get(kind).remove(id) != null;
  }

  public synchronized void clear() {
    data.values().forEach(Map::clear);
  }

  /**
   * A random 32-hex id (a UUID without dashes): registry eTags and hashes, descriptor and Data Prep
   * ids.
   */
  public static String hexId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /**
   * A fresh etag in Flow Service's form, literal quotes included:
   * "\"xxxxxxxx-0000-0200-0000-xxxxxxxxxxxx\"" (platform-api.md 2.1). Distinct on every call.
   */
  public String newEtag(long nowMillis) {
    long n = seq.incrementAndGet();
    long mixed = (n * 0x9E3779B1L) & 0xffffffffL;
    return String.format("\"%08x-0000-0200-0000-%012x\"", mixed, nowMillis & 0xffffffffffffL);
  }
}
