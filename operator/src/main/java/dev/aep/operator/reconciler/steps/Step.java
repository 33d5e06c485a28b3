package dev.aep.operator.reconciler.steps;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one contract every remote object of a flow follows. A step only answers questions and
 * performs single Platform calls; the executor alone decides what to do with the answers (missing
 * -> create, drifted -> update or replace, not ready -> stop and requeue). Every method is safe to
 * repeat after a crash at any point.
 *
 * @param <R> the remote object as the Platform client returns it
 */
public abstract class Step<R> {
  private final StepTraits traits;
  private final Function<R, String> id;

  /**
   * @param traits names and fixed behaviour
   * @param id the id of an object (for steps that only read, what they read)
   */
  protected Step(StepTraits traits, Function<R, String> id) {
    this.traits = traits;
    this.id = id;
  }

  /** Names and fixed behaviour of the step. */
  public final StepTraits traits() {
    return traits;
  }

  /** Name used in conditions, events and logs, e.g. {@code baseConnection}. */
  public final String name() {
    return traits.name();
  }

  /** Words for people, e.g. {@code base connection}. */
  public final String kind() {
    return traits.kind();
  }

  /**
   * Whether this flow owns the object (create, update, delete) or only uses an existing one given
   * by id in the spec, which must then exist and is never modified or deleted. Owned unless the
   * step says otherwise.
   */
  public boolean managed(FlowContext ctx) {
    return true;
  }

  /**
   * The object as it is on the Platform now: by the id in status, else (crash recovery) the object
   * carrying this flow's deterministic name and uid. Empty when it does not exist.
   */
  public abstract Optional<R> observe(FlowContext ctx);

  /** Creates the object; returns it with at least its id. */
  public abstract R create(FlowContext ctx);

  /** Differences between the spec and the observed object; empty when in sync. */
  public abstract Diff diff(FlowContext ctx, R remote);

  /** Applies a non-empty, non-replacing diff; returns the object with its new etag. */
  public R update(FlowContext ctx, R remote, Diff diff) {
    throw new UnsupportedOperationException(kind() + " cannot be updated");
  }

  /** Writes the object's ids and etag into the working status. */
  public abstract void record(FlowContext ctx, R remote);

  /** Forgets the object in the working status (it is being replaced). */
  public void forget(FlowContext ctx) {}

  /** Id of the object. */
  public final String id(R remote) {
    return id.apply(remote);
  }

  /** A reason to wait when the object exists but cannot be used yet (e.g. still provisioning). */
  public Optional<String> notReady(FlowContext ctx, R remote) {
    return Optional.empty();
  }

  /** Why a missing unmanaged object is a problem, for the condition message. */
  public String missingMessage(FlowContext ctx) {
    return "The "
        + kind()
        + " referenced by the spec does not exist in sandbox "
        + ctx.sandbox()
        + ".";
  }

  /**
   * Whether the executor observes this object before any step of a flow that is not Ready runs, so
   * that a wrong manifest fails before its first Platform write: for an object the spec references
   * by id (it must exist), or one whose observation enforces a uniqueness rule, when earlier steps
   * would otherwise create things first. Observing must not need earlier steps.
   */
  public boolean observedFirst(FlowContext ctx) {
    return false;
  }

  /** Earlier copies of this flow's object that no longer belong to the chain (after a replace). */
  public List<String> strays(FlowContext ctx) {
    return List.of();
  }

  /**
   * Ids of every object of this flow cleanup must delete: the recorded one plus any unrecorded copy
   * carrying the flow's name and uid.
   */
  public List<String> owned(FlowContext ctx) {
    return List.of();
  }

  /** Deletes one object; false when it was already gone. */
  public boolean delete(FlowContext ctx, String id) {
    return false;
  }

  /** Whether cleanup deletes this step's objects for this flow: managed ones, as traits say. */
  public final boolean deletesOnCleanup(FlowContext ctx) {
    return managed(ctx) && traits().cleanup().applies(ctx);
  }

  /** How the object is named in events and messages. */
  public String describe(FlowContext ctx, R remote) {
    return kind() + " (id " + id(remote) + ")";
  }

  /**
   * How the object is named in the pass's summary Event: kind and id only, since one Event lists
   * every object a pass changed and the API server refuses notes over 1 KiB.
   */
  public String brief(FlowContext ctx, R remote) {
    return kind() + " " + id(remote);
  }
}
