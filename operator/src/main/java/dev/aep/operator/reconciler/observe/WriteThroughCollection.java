package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.Forwarding;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.RemoteCollection;
import dev.aep.operator.platform.RemoteKind;
import java.util.List;

/**
 * A collection of any service whose writes keep its kind's snapshot current: a create is remembered
 * as the request described it (or its name marked uncertain when the answer was lost or does not
 * tell enough), a PATCH marks the object to be read again, a delete marks it gone. Reads pass
 * through.
 */
final class WriteThroughCollection<T, R> extends Forwarding.Collection<T, R> {
  private final RemoteKind<T, R> kind;
  private final ScopeSnapshots.Tracking<T, R> tracking;

  WriteThroughCollection(
      RemoteCollection<T, R> delegate,
      RemoteKind<T, R> kind,
      ScopeSnapshots.Tracking<T, R> tracking) {
    super(delegate, Forwarding.Decorator.NONE);
    this.kind = kind;
    this.tracking = tracking;
  }

  @Override
  public EntityRef create(R request) {
    String name = kind.nameOf(request);
    KindSnapshot<T> snapshot = tracking.snapshot();
    EntityRef ref = snapshot.creating(name, () -> delegate.create(request));
    T made =
        tracking.created() == null
            ? delegate.created(ref, request)
            : tracking.created().apply(ref, request);
    if (made == null) {
      snapshot.createUncertain(name);
    } else {
      snapshot.remember(made);
    }
    return ref;
  }

  @Override
  public EntityRef patch(String id, String etag, List<JsonPatchOp> ops) {
    return tracking.snapshot().changing(id, () -> delegate.patch(id, etag, ops));
  }

  @Override
  public boolean delete(String id) {
    boolean gone = tracking.snapshot().deleting(id, () -> delegate.delete(id));
    tracking.deleted().accept(id);
    return gone;
  }
}
