package dev.aep.simulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.Kind;
import dev.aep.simulator.http.Caller;
import java.util.ArrayList;
import java.util.List;

/**
 * One stored Platform object: its current JSON document (what a GET shows) plus the few facts the
 * service keeps hidden (a base connection's raw secret, a flow's next run, mapping versions).
 * Mutated only under the store's lock.
 */
public final class Entity {
  private final Kind kind;
  private final String id;

  /** The object's own org and sandbox, as a caller for the lookups a service makes for it. */
  private final Caller scope;

  private ObjectNode doc;

  /** A base connection's raw Stripe key (GET shows it masked). */
  public String secret;

  /** A flow's next scheduled run, sim-clock ms; null when none is due. */
  public Long nextRunAtMillis;

  /** How many runs a flow has made. */
  public int runCount;

  /**
   * A flow's transitional state (updating, disabling, delete-finalizing) and when it ends,
   * sim-clock ms.
   */
  private String transition;

  private long transitionEndsAtMillis;

  /** Mapping sets: every version's document, index = version number. */
  private final List<ObjectNode> versions = new ArrayList<>();

  public Entity(Kind kind, String id, Caller owner, ObjectNode doc) {
    this.kind = kind;
    this.id = id;
    this.scope = new Caller("simulator", owner.orgId(), owner.sandbox());
    this.doc = doc;
  }

  public Kind kind() {
    return kind;
  }

  public String id() {
    return id;
  }

  public ObjectNode doc() {
    return doc;
  }

  public void doc(ObjectNode doc) {
    this.doc = doc;
  }

  /** Puts a flow in a transitional state until {@code endsAtMillis} on the simulator clock. */
  public void transition(String state, long endsAtMillis) {
    this.transition = state;
    this.transitionEndsAtMillis = endsAtMillis;
  }

  /** The transitional state at {@code nowMillis}, or null once it has ended (or there was none). */
  public String transitionAt(long nowMillis) {
    return transition != null && nowMillis < transitionEndsAtMillis ? transition : null;
  }

  /** The transitional state last set, whether or not it has ended. */
  public String lastTransition() {
    return transition;
  }

  public List<ObjectNode> versions() {
    return versions;
  }

  /** The object's org and sandbox, as a caller (client "simulator"). */
  public Caller scope() {
    return scope;
  }

  /** Whether a caller of that org and sandbox sees the object (others get 404). */
  public boolean visibleTo(Caller caller) {
    return scope.orgId().equals(caller.orgId()) && scope.sandbox().equals(caller.sandbox());
  }
}
