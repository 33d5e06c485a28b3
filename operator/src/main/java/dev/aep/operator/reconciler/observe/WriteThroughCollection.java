package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.RemoteCollection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A collection of any service whose writes keep its kind's snapshot current: a create is remembered
 * as the request described it (or its name marked uncertain when the answer was lost), a PATCH
 * marks the object to be read again, a delete marks it gone. Reads pass through.
 */
final class WriteThroughCollection<T, R> implements RemoteCollection<T, R> {
  private final RemoteCollection<T, R> delegate;
  private final KindSnapshot<T> snapshot;
  private final Function<R, String> nameOf;
  private final BiFunction<EntityRef, R, T> created;
  private final Consumer<String> deleted;

  /**
   * @param nameOf the name a create request gives the object
   * @param created the object as a create answer and its request show it: only what was sent (a
   *     state the Platform did not answer stays unknown); null when they do not show enough, so the
   *     next lookup of the name asks the Platform
   * @param deleted forgets what else was kept about a deleted object
   */
  WriteThroughCollection(
      RemoteCollection<T, R> delegate,
      KindSnapshot<T> snapshot,
      Function<R, String> nameOf,
      BiFunction<EntityRef, R, T> created,
      Consumer<String> deleted) {
    this.delegate = delegate;
    this.snapshot = snapshot;
    this.nameOf = nameOf;
    this.created = created;
    this.deleted = deleted;
  }

  /** As above; a create is remembered as the collection tells it from its answer and request. */
  WriteThroughCollection(
      RemoteCollection<T, R> delegate, KindSnapshot<T> snapshot, Function<R, String> nameOf) {
    this(delegate, snapshot, nameOf, delegate::created, id -> {});
  }

  @Override
  public EntityRef create(R request) {
    String name = nameOf.apply(request);
    EntityRef ref = snapshot.creating(name, () -> delegate.create(request));
    if (created == null) {
      snapshot.createUncertain(name);
    } else {
      snapshot.remember(created.apply(ref, request));
    }
    return ref;
  }

  @Override
  public T created(EntityRef ref, R request) {
    return delegate.created(ref, request);
  }

  @Override
  public Optional<T> get(String id) {
    return delegate.get(id);
  }

  @Override
  public List<T> list(ListQuery query) {
    return delegate.list(query);
  }

  @Override
  public Page<T> listPage(ListQuery query, String pageToken) {
    return delegate.listPage(query, pageToken);
  }

  @Override
  public List<T> findByName(String name) {
    return delegate.findByName(name);
  }

  @Override
  public EntityRef patch(String id, String etag, List<JsonPatchOp> ops) {
    return snapshot.changing(id, () -> delegate.patch(id, etag, ops));
  }

  @Override
  public boolean delete(String id) {
    boolean gone = snapshot.deleting(id, () -> delegate.delete(id));
    deleted.accept(id);
    return gone;
  }
}
