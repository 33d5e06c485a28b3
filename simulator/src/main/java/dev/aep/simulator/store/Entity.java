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
  private final String orgId;
  private final String sandbox;
  private final long seq;
  private ObjectNode doc;
  private String secret;
  private Long nextRunAtMillis;
  private int runCount;

  /**
   * A flow's transitional state (updating, disabling, delete-finalizing) and when it ends,
   * sim-clock ms.
   */
  private String transition;

  private long transitionEndsAtMillis;

  /** Mapping sets: every version's document, index = version number. */
  private final List<ObjectNode> versions = new ArrayList<>();

  public Entity(Kind kind, String id, String orgId, String sandbox, long seq, ObjectNode doc) {
    this.kind = kind;
    this.id = id;
    this.orgId = orgId;
    this.sandbox = sandbox;
    this.seq = seq;
    this.doc = doc;
  }

  public Kind kind() {
    return kind;
  }

  public String id() {
    return id;
  }

  public String orgId() {
    return orgId;
  }

  public String sandbox() {
    return sandbox;
  }

  /** Creation order, used as the stable default sort. */
  public long seq() {
    return seq;
  }

  public ObjectNode doc() {
    return doc;
  }

  public void doc(ObjectNode doc) {
    this.doc = doc;
  }

  public String secret() {
    return secret;
  }

  public void secret(String secret) {
    this.secret = secret;
  }

  public Long nextRunAtMillis() {
    return nextRunAtMillis;
  }

  public void nextRunAtMillis(Long nextRunAtMillis) {
    this.nextRunAtMillis = nextRunAtMillis;
  }

  public int runCount() {
    return runCount;
  }

  public void runCount(int runCount) {
    this.runCount = runCount;
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

  /**
   * A caller in the object's own org and sandbox, for the lookups a service makes on its own
   * behalf.
   */
  public Caller scope() {
    return new Caller("simulator", orgId, sandbox);
  }

  public boolean visibleTo(String org, String sandboxName) {
    return orgId.equals(org) && sandbox.equals(sandboxName);
  }
}
