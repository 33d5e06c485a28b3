package dev.aep.operator.reconciler;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.PlannedChange;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.reconciler.steps.Diff;
import dev.aep.operator.reconciler.steps.FlowContext;
import dev.aep.operator.reconciler.steps.NotReady;
import dev.aep.operator.reconciler.steps.Step;
import dev.aep.operator.reconciler.steps.StepFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides what happens to each remote object: missing -> create (the id goes
 * into the working status, written once when the pass ends; a crash before that is recovered by the
 * step finding its object again by deterministic name and the flow's uid), drifted -> patch
 * (re-reading and retrying a bounded number of times on 412), unpatchable -> replace, not ready ->
 * stop the chain. Cleanup deletes in reverse. Every change is reported to the {@link PassRecorder},
 * which summarises the pass in one Event.
 */
final class StepExecutor {
  static final String UPDATED = "Updated";
  static final String REPLACING = "Replacing";
  static final String DELETED = "Deleted";

  private static final Logger LOG = LoggerFactory.getLogger(StepExecutor.class);

  private final int maxConflictRetries;
  private final CreationObserver creations;

  StepExecutor(int maxConflictRetries, CreationObserver creations) {
    this.maxConflictRetries = maxConflictRetries;
    this.creations = creations;
  }

  /**
   * Brings every step in line with the spec, in order. Earlier copies of replaced objects are
   * removed at the end when this pass changed the chain or {@code sweep} asks for it (the last pass
   * did not finish, so a crash may have left one behind).
   */
  void apply(List<Step<?>> steps, FlowContext ctx, PassRecorder recorder, boolean sweep) {
    if (sweep) {
      // A flow that is not Ready yet may be about to create things: a wrong reference or a taken
      // unique name must fail before the first Platform write, not after half the chain exists.
      for (Step<?> step : steps) {
        guarded(ctx, "checking the " + step.kind(), () -> check(step, ctx));
      }
    }
    boolean changed = false;
    for (Step<?> step : steps) {
      changed |= guarded(ctx, "reconciling the " + step.kind(), () -> run(step, ctx, recorder));
    }
    if (changed || sweep) {
      for (Step<?> step : steps) {
        guarded(
            ctx,
            "removing replaced copies of the " + step.kind(),
            () -> sweep(step, ctx, recorder));
      }
    }
  }

  /**
   * What {@link #apply} would write, without writing: the same observations and diffs, but no
   * create, update, replace or delete (explore, whose "create" is a read, still runs). An object
   * the plan creates leaves the steps after it without what they depend on; those that then cannot
   * observe are planned as part of the missing chain rather than failing the pass.
   */
  List<PlannedChange> plan(List<Step<?>> steps, FlowContext ctx) {
    List<PlannedChange> plan = new ArrayList<>();
    boolean chainMissing = false;
    for (Step<?> step : steps) {
      try {
        chainMissing |= planStep(step, ctx, plan);
      } catch (NotReady waiting) {
        // Observing only: a transitional object is reported by the next pass, not waited for.
      } catch (StepFailure e) {
        throw e;
      } catch (RuntimeException e) {
        if (!chainMissing) {
          throw ErrorClassifier.classify(e, "observing the " + step.kind(), ctx.flow());
        }
        if (step.managed(ctx) && step.traits().remote()) {
          plan.add(
              new PlannedChange(
                  step.kind(), null, "create", List.of(), "missing (after the objects above)"));
        }
      }
    }
    if (!chainMissing) {
      for (Step<?> step : steps) {
        if (step.managed(ctx)) {
          for (String id : step.strays(ctx)) {
            plan.add(
                new PlannedChange(
                    step.kind(), id, "delete", List.of(), "an earlier copy this flow replaced"));
          }
        }
      }
    }
    return plan;
  }

  /** Plans one step; true when its object is missing (the steps after it may depend on it). */
  private static <R> boolean planStep(Step<R> step, FlowContext ctx, List<PlannedChange> plan) {
    Optional<R> seen = step.observe(ctx);
    if (seen.isEmpty()) {
      if (!step.managed(ctx)) {
        throw missing(step, ctx);
      }
      if (!step.traits().remote()) {
        step.record(ctx, step.create(ctx));
        return false;
      }
      plan.add(new PlannedChange(step.kind(), null, "create", List.of(), "missing"));
      return true;
    }
    R remote = seen.get();
    Diff diff = step.diff(ctx, remote);
    if (diff.rejects()) {
      throw rejected(diff);
    }
    step.record(ctx, remote);
    if (diff.inSync() || !step.managed(ctx)) {
      return false;
    }
    if (diff.replaces()) {
      plan.add(
          new PlannedChange(
              step.kind(), step.id(remote), "replace", List.of(), diff.replaceReason()));
    } else {
      plan.add(
          new PlannedChange(
              step.kind(),
              step.id(remote),
              "update",
              diff.ops().stream().map(JsonPatchOp::opAndPath).toList(),
              diff.summary()));
    }
    return false;
  }

  /** Deletes every object the steps own, in reverse order; objects already gone are fine. */
  void delete(List<Step<?>> steps, FlowContext ctx, PassRecorder recorder) {
    for (int i = steps.size() - 1; i >= 0; i--) {
      Step<?> step = steps.get(i);
      if (!step.deletesOnCleanup(ctx)) {
        continue;
      }
      guarded(
          ctx,
          "deleting the " + step.kind(),
          () -> {
            for (String id : step.owned(ctx)) {
              boolean deleted = step.delete(ctx, id);
              ctx.observer().invalidate();
              if (deleted) {
                recorder.changed(DELETED, step.kind() + " " + id);
              }
            }
            return false;
          });
    }
  }

  private <R> boolean run(Step<R> step, FlowContext ctx, PassRecorder recorder) {
    boolean changed = false;
    boolean created = false;
    int conflicts = 0;
    int rounds = maxConflictRetries + 4;
    String last = "";
    for (int round = 0; round < rounds; round++) {
      Optional<R> seen = step.observe(ctx);
      if (seen.isEmpty()) {
        if (!step.managed(ctx)) {
          throw missing(step, ctx);
        }
        if (created) {
          throw new NotReady(
              step.name(),
              "waiting for the new " + step.kind() + " to become visible on the Platform");
        }
        R made = step.create(ctx);
        creations.created(step.name(), step.id(made));
        step.record(ctx, made);
        ctx.observer().invalidate();
        LOG.debug(
            "{}/{}: {} {}",
            ctx.namespace(),
            ctx.name(),
            step.traits().createdReason(),
            step.describe(ctx, made));
        recorder.changed(step.traits().createdReason(), step.brief(ctx, made));
        created = true;
        changed = true;
        continue;
      }
      R remote = seen.get();
      Diff diff = step.diff(ctx, remote);
      if (diff.rejects()) {
        throw rejected(diff);
      }
      if (diff.inSync() || !step.managed(ctx)) {
        step.record(ctx, remote);
        Optional<String> waiting = step.notReady(ctx, remote);
        if (waiting.isPresent()) {
          throw new NotReady(step.name(), waiting.get());
        }
        return changed;
      }
      String what = step.describe(ctx, remote);
      last = diff.summary();
      if (diff.replaces()) {
        ctx.retire(step.id(remote));
        step.forget(ctx);
        recorder.changed(REPLACING, step.brief(ctx, remote) + ": " + diff.replaceReason());
        if (step.traits().deleteBeforeReplace() && step.delete(ctx, step.id(remote))) {
          recorder.changed(DELETED, step.brief(ctx, remote));
        }
        ctx.observer().invalidate();
        changed = true;
        continue;
      }
      try {
        R updated = step.update(ctx, remote, diff);
        step.record(ctx, updated);
        ctx.observer().invalidate();
        recorder.changed(UPDATED, step.brief(ctx, updated) + " (" + diff.summary() + ")");
      } catch (PlatformException e) {
        if (!e.isPreconditionFailed()) {
          throw e;
        }
        conflicts++;
        ctx.observer().invalidate();
        LOG.debug(
            "{} {}: stale etag ({} of {}), re-reading",
            step.kind(),
            step.id(remote),
            conflicts,
            maxConflictRetries);
        if (conflicts > maxConflictRetries) {
          throw new StepFailure(
              FlowConditions.REASON_REMOTE_CONFLICT,
              "The "
                  + what
                  + " kept changing on the Platform while being updated ("
                  + conflicts
                  + " updates refused with 412, stale etag). Someone else is editing "
                  + "it; the operator retries later.",
              StepFailure.Retry.BACKOFF,
              null,
              e);
        }
      }
    }
    throw new StepFailure(
        FlowConditions.REASON_RECONCILE_ERROR,
        "The "
            + step.kind()
            + " did not settle after "
            + rounds
            + " rounds (still differs: "
            + last
            + "); retrying later.",
        StepFailure.Retry.BACKOFF);
  }

  private static <R> boolean check(Step<R> step, FlowContext ctx) {
    if (step.observedFirst(ctx) && step.observe(ctx).isEmpty() && !step.managed(ctx)) {
      throw missing(step, ctx);
    }
    return false;
  }

  private <R> boolean sweep(Step<R> step, FlowContext ctx, PassRecorder recorder) {
    if (!step.managed(ctx)) {
      return false;
    }
    for (String id : step.strays(ctx)) {
      if (step.delete(ctx, id)) {
        recorder.changed(DELETED, "replaced " + step.kind() + " " + id);
      }
      ctx.observer().invalidate();
    }
    return false;
  }

  /** An object the spec references by id does not exist: the spec is wrong. */
  private static StepFailure missing(Step<?> step, FlowContext ctx) {
    return new StepFailure(
        FlowConditions.REASON_INVALID_SPEC, step.missingMessage(ctx), StepFailure.Retry.SLOW);
  }

  /** The spec asks for a change the Platform cannot make: wait for another spec. */
  private static StepFailure rejected(Diff diff) {
    return new StepFailure(
        FlowConditions.REASON_INVALID_SPEC, diff.rejection(), StepFailure.Retry.ON_CHANGE);
  }

  /** Runs one step's work, turning unexpected failures into classified ones naming the step. */
  private static boolean guarded(FlowContext ctx, String doing, Work work) {
    try {
      return work.run();
    } catch (StepFailure | NotReady e) {
      throw e;
    } catch (RuntimeException e) {
      throw ErrorClassifier.classify(e, doing, ctx.flow());
    }
  }

  @FunctionalInterface
  private interface Work {
    boolean run();
  }
}
