package dev.aep.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.http.Json;
import dev.aep.simulator.store.Entity;
import dev.aep.simulator.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only view of every stored object, across orgs and sandboxes, as a GET would show it now
 * (secrets masked, run states current). Returns copies: changing them changes nothing.
 */
public final class Inventory {
  private final Store store;
  private final RunScheduler scheduler;

  Inventory(Store store, RunScheduler scheduler) {
    this.store = store;
    this.scheduler = scheduler;
  }

  public List<ObjectNode> list(Kind kind) {
    return new ArrayList<>(byId(kind).values());
  }

  /**
   * Every object of a kind keyed by its id. Catalog datasets carry their id only as the key of a
   * GET answer, not in the object, so this is how a test matches them with the ids it holds.
   */
  public Map<String, ObjectNode> byId(Kind kind) {
    requireObjectKind(kind);
    synchronized (store) {
      scheduler.tick();
      Map<String, ObjectNode> out = new LinkedHashMap<>();
      for (Entity e : store.all(kind)) {
        out.put(e.id(), scheduler.present(e));
      }
      return out;
    }
  }

  public Optional<ObjectNode> get(Kind kind, String id) {
    requireObjectKind(kind);
    synchronized (store) {
      scheduler.tick();
      return store.any(kind, id).map(scheduler::present);
    }
  }

  public int count(Kind kind) {
    return list(kind).size();
  }

  /** {"connection": [...], "sourceConnection": [...], ...} for every object kind. */
  public ObjectNode toJson() {
    ObjectNode o = Json.obj();
    for (Kind k : Kind.values()) {
      if (k.isObject()) {
        ArrayNode arr = o.putArray(k.value());
        list(k).forEach(arr::add);
      }
    }
    return o;
  }

  private static void requireObjectKind(Kind kind) {
    if (!kind.isObject()) {
      throw new IllegalArgumentException(kind.value() + " is not a stored object kind");
    }
  }
}
