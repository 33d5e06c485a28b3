package dev.aep.operator.reconciler.steps;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How a step finds its own objects on the Platform: by the id recorded in status, else by the
 * flow's deterministic name, keeping only copies whose description carries the flow's uid. One
 * place for the crash-recovery, replace and cleanup lookups the managed steps share.
 *
 * @param <R> the remote object as the Platform client returns it
 * @param recordedId the id in the working status, null when none is recorded (or not owned)
 * @param byId reads one object by id, empty when it does not exist
 * @param byName lists the objects carrying this flow's deterministic name
 * @param id the id of an object
 * @param description the description of an object, which holds the ownership marker
 */
record OwnedCopies<R>(
    Function<FlowContext, String> recordedId,
    BiFunction<FlowContext, String, Optional<R>> byId,
    Function<FlowContext, List<R>> byName,
    Function<R, String> id,
    Function<R, String> description) {

  /** The object whose id is recorded in status, when one is recorded and it still exists. */
  Optional<R> recorded(FlowContext ctx) {
    String recorded = recordedId.apply(ctx);
    return recorded == null ? Optional.empty() : byId.apply(ctx, recorded);
  }

  /** The recorded object, else the first named copy that {@code fits} (crash recovery). */
  Optional<R> current(FlowContext ctx, Predicate<R> fits) {
    return recorded(ctx).or(() -> named(ctx).stream().filter(fits).findFirst());
  }

  /** The objects with this flow's name whose description proves this flow created them. */
  List<R> named(FlowContext ctx) {
    return byName.apply(ctx).stream().filter(r -> ctx.owns(description.apply(r))).toList();
  }

  /** Ids of the recorded object and every named copy, recorded first, without repeats. */
  List<String> owned(FlowContext ctx) {
    Set<String> ids = new LinkedHashSet<>();
    String recorded = recordedId.apply(ctx);
    if (recorded != null) {
      ids.add(recorded);
    }
    named(ctx).forEach(r -> ids.add(id.apply(r)));
    return List.copyOf(ids);
  }

  /** Ids of named copies other than the recorded one (left behind by a replace). */
  List<String> strays(FlowContext ctx) {
    String current = recordedId.apply(ctx);
    return named(ctx).stream().map(id).filter(i -> !Objects.equals(i, current)).toList();
  }
}
