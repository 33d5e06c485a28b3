package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How a Schema Registry object the flow creates is found when status does not record it: titles are
 * unique in a sandbox, so the object with the flow's title is the flow's own when its description
 * carries the flow's uid, and a title taken by anyone else is an error in the spec.
 *
 * @param <R> the registry object
 * @param kind words for people
 * @param titled the summary of the object with a title, from a listing
 * @param read the object itself by id (summaries may omit the description)
 * @param id the id of an object
 * @param description the description of an object, which holds the ownership marker
 * @param advice what the message of a taken title tells the user to do
 */
record TitledCopy<R>(
    String kind,
    BiFunction<FlowContext, String, Optional<R>> titled,
    BiFunction<FlowContext, String, Optional<R>> read,
    Function<R, String> id,
    Function<R, String> description,
    String advice) {

  /** The flow's object with this title; empty when none exists; InvalidSpec when not the flow's. */
  Optional<R> find(FlowContext ctx, String title) {
    Optional<R> summary = titled.apply(ctx, title);
    if (summary.isEmpty()) {
      return Optional.empty();
    }
    R full = read.apply(ctx, id.apply(summary.get())).orElse(summary.get());
    if (!ctx.owns(description.apply(full))) {
      throw new StepFailure(
          FlowConditions.REASON_INVALID_SPEC,
          "A "
              + kind
              + " titled '"
              + title
              + "' already exists in sandbox "
              + ctx.sandbox()
              + " (id "
              + id.apply(full)
              + ") and was not created by this flow. "
              + advice,
          StepFailure.Retry.ON_CHANGE);
    }
    return Optional.of(full);
  }

  /** The id of the flow's object with this title, for cleanup; empty when there is none. */
  Optional<String> ownedId(FlowContext ctx, String title) {
    return titled
        .apply(ctx, title)
        .flatMap(summary -> read.apply(ctx, id.apply(summary)))
        .filter(object -> ctx.owns(description.apply(object)))
        .map(id);
  }
}
