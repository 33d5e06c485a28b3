package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.RemoteObjectStatus;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.FlowServiceObject;
import dev.aep.operator.platform.RemoteCollection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A connection bound to what it links (the source connection to its base connection and path, the
 * target connection to its dataset and schema). Name and description follow the spec by PATCH; a
 * changed link cannot be patched, so the connection is replaced (a new one is created, the flow
 * re-linked, the old one removed). Found by the id in status, else by the flow's deterministic
 * name; deleted with the flow unless its deletion policy keeps it.
 *
 * @param <T> the connection as read
 * @param <R> the body of its create
 */
abstract class LinkedConnectionStep<T extends FlowServiceObject, R> extends Step<T> {
  private final String nameSuffix;
  private final Function<StripeIngestionFlowStatus, RemoteObjectStatus> recorded;
  private final BiConsumer<StripeIngestionFlowStatus, RemoteObjectStatus> record;
  private final OwnedCopies<T> copies;

  /**
   * @param name the step's name in conditions and events
   * @param kind words for people
   * @param nameSuffix the last part of the deterministic name ({@link FlowContext#remoteName})
   * @param recorded the status field that records the connection
   * @param record sets that status field
   * @param byId reads one by id through the observer
   * @param byName lists those carrying a name through the observer
   */
  LinkedConnectionStep(
      String name,
      String kind,
      String nameSuffix,
      Function<StripeIngestionFlowStatus, RemoteObjectStatus> recorded,
      BiConsumer<StripeIngestionFlowStatus, RemoteObjectStatus> record,
      BiFunction<RemoteObserver, String, Optional<T>> byId,
      BiFunction<RemoteObserver, String, List<T>> byName) {
    super(StepTraits.object(name, kind, StepTraits.Cleanup.WITH_FLOW), T::id);
    this.nameSuffix = nameSuffix;
    this.recorded = recorded;
    this.record = record;
    this.copies =
        new OwnedCopies<>(
            ctx -> RemoteObjectStatus.idOf(recorded.apply(ctx.status())),
            (ctx, id) -> byId.apply(ctx.observer(), id),
            ctx -> byName.apply(ctx.observer(), ctx.remoteName(nameSuffix)),
            T::id,
            T::description);
  }

  /** The Flow Service collection of this kind, through the flow's session. */
  abstract RemoteCollection<T, R> collection(FlowContext ctx);

  /** The create body for the deterministic name and the description. */
  abstract R request(FlowContext ctx, String name, String description);

  /** Why the connection links something other than the spec wants; null when it is right. */
  abstract String mislinked(FlowContext ctx, T remote);

  /** The description the operator gives the connection (before its ownership marker). */
  abstract String description(FlowContext ctx);

  @Override
  public final Optional<T> observe(FlowContext ctx) {
    return copies.current(ctx, c -> !ctx.retired(c.id()) && mislinked(ctx, c) == null);
  }

  @Override
  public final T create(FlowContext ctx) {
    R request = request(ctx, ctx.remoteName(nameSuffix), desiredDescription(ctx));
    RemoteCollection<T, R> collection = collection(ctx);
    return collection.created(collection.create(request), request);
  }

  @Override
  public final Diff diff(FlowContext ctx, T remote) {
    String mislinked = mislinked(ctx, remote);
    if (mislinked != null) {
      return Diff.replace(mislinked);
    }
    if (ctx.adopted()) {
      // An adopted connection keeps the name and description its maker gave it.
      return Diff.none();
    }
    return Diff.builder()
        .nameAndDescription(ctx.remoteName(nameSuffix), desiredDescription(ctx), remote)
        .build();
  }

  /**
   * The connection as the PATCH left it, as far as known without reading it back (like a create):
   * the name and description the diff patched back, the links it already had, the new etag.
   */
  @Override
  public final T update(FlowContext ctx, T remote, Diff diff) {
    RemoteCollection<T, R> collection = collection(ctx);
    // Built before the PATCH: a request that cannot be built fails the pass before anything is
    // written, not after a change the status would then not record.
    R patched = request(ctx, ctx.remoteName(nameSuffix), desiredDescription(ctx));
    String etag = collection.patch(remote.id(), remote.etag(), diff.ops()).etag();
    return collection.created(new EntityRef(remote.id(), etag), patched);
  }

  @Override
  public final void record(FlowContext ctx, T remote) {
    record.accept(ctx.status(), new RemoteObjectStatus(remote.id(), remote.etag(), null));
  }

  @Override
  public final void forget(FlowContext ctx) {
    record.accept(ctx.status(), null);
  }

  @Override
  public final Optional<String> notReady(FlowContext ctx, T remote) {
    return FlowSteps.waitingState(kind(), remote.id(), remote.state());
  }

  @Override
  public final List<String> strays(FlowContext ctx) {
    return copies.strays(ctx);
  }

  @Override
  public final List<String> owned(FlowContext ctx) {
    return copies.owned(ctx);
  }

  @Override
  public final boolean delete(FlowContext ctx, String id) {
    return collection(ctx).delete(id);
  }

  @Override
  public final String describe(FlowContext ctx, T remote) {
    return FlowSteps.described(kind(), ctx.remoteName(nameSuffix), remote.id());
  }

  private String desiredDescription(FlowContext ctx) {
    return ctx.remoteDescription(description(ctx));
  }
}
