package dev.aep.operator.reconciler.steps;

import java.util.function.Function;

/**
 * A step that only observes (the mapping check, the run monitor): what it observes is always there,
 * is never created and never differs from the spec; its work is in observe and record.
 *
 * @param <R> what the step observes
 */
abstract class ObservingStep<R> extends Step<R> {

  ObservingStep(String name, String kind, Function<R, String> id) {
    super(StepTraits.reading(name, kind), id);
  }

  @Override
  public final R create(FlowContext ctx) {
    throw new UnsupportedOperationException(kind() + " only observes: nothing to create");
  }

  @Override
  public final Diff diff(FlowContext ctx, R remote) {
    return Diff.none();
  }
}
