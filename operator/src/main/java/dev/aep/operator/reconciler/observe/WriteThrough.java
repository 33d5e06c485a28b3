package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.FieldGroup;
import dev.aep.operator.platform.FieldGroupRequest;
import dev.aep.operator.platform.ForwardingClients;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.MappingSetRequest;
import dev.aep.operator.platform.MappingSetVersion;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.RemoteCollection;
import dev.aep.operator.platform.RemoteKind;
import dev.aep.operator.platform.RemoteObject;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SchemaRequest;
import java.util.List;
import java.util.function.Supplier;

/**
 * A session whose writes keep a scope's snapshots current: a create remembers the object it made
 * (so the pass goes on without reading it back), a PATCH, PUT or action marks the object for one
 * fresh read, a delete marks it gone, and a create that may have happened despite an error (or
 * whose answer does not tell enough) makes the next lookup of its name ask the Platform. Reads pass
 * straight through.
 */
final class WriteThrough extends ForwardingClients {
  private final ScopeSnapshots scope;

  WriteThrough(PlatformSession session, ScopeSnapshots scope) {
    super(session);
    this.scope = scope;
  }

  /** Kinds with a snapshot keep it current; mapping sets have none and pass through. */
  @Override
  protected <T extends RemoteObject, R> RemoteCollection<T, R> decorate(
      RemoteKind<T, R> kind, RemoteCollection<T, R> collection) {
    ScopeSnapshots.Tracking<T, R> tracking = scope.tracking(kind);
    return tracking == null ? collection : new Tracked<>(collection, kind, tracking);
  }

  /** A collection of any service whose writes keep its kind's snapshot current. */
  private final class Tracked<T extends RemoteObject, R> extends Collection<T, R> {
    private final RemoteKind<T, R> kind;
    private final ScopeSnapshots.Tracking<T, R> tracking;

    Tracked(
        RemoteCollection<T, R> delegate,
        RemoteKind<T, R> kind,
        ScopeSnapshots.Tracking<T, R> tracking) {
      super(delegate);
      this.kind = kind;
      this.tracking = tracking;
    }

    @Override
    public EntityRef create(R request) {
      String name = kind.requestName().apply(request);
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

  @Override
  public EntityRef enableFlow(String id) {
    return scope.flows.changing(id, () -> delegate.flowService().enableFlow(id));
  }

  @Override
  public EntityRef disableFlow(String id) {
    return scope.flows.changing(id, () -> delegate.flowService().disableFlow(id));
  }

  @Override
  public Schema createSchema(SchemaRequest request) {
    Schema created =
        remembered(
            scope.schemas, request.title(), () -> delegate.schemaRegistry().createSchema(request));
    // The create answer is the whole schema.
    scope.fullSchemas.put(created.id(), created);
    return created;
  }

  @Override
  public FieldGroup createFieldGroup(FieldGroupRequest request) {
    return remembered(
        scope.fieldGroups,
        request.title(),
        () -> delegate.schemaRegistry().createFieldGroup(request));
  }

  /** A create whose answer is the whole object: remembered as answered. */
  private static <T extends RemoteObject> T remembered(
      KindSnapshot<T> snapshot, String title, Supplier<T> create) {
    T created = snapshot.creating(title, create);
    snapshot.remember(created);
    return created;
  }

  @Override
  public FieldGroup replaceFieldGroup(String id, FieldGroupRequest request) {
    scope.fieldGroups.changed(id);
    return delegate.schemaRegistry().replaceFieldGroup(id, request);
  }

  /**
   * A mapping set create makes a version whose content is exactly what was sent, so it never needs
   * reading back. Mapping sets are found by name on the Platform itself (no snapshot), so a lost
   * answer needs no bookkeeping: the next lookup by name sees whatever the create made.
   */
  @Override
  public MappingSetVersion createMappingSet(MappingSetRequest request) {
    MappingSetVersion created = delegate.dataPrep().createMappingSet(request);
    scope.rememberVersion(MappingSet.sent(created.id(), created.version(), request));
    return created;
  }

  /**
   * As a create, a PUT's new version is what was sent. A lost answer may still have made a new
   * version: the flow's status keeps the old one, and the next pass reads versions by number, never
   * "the newest" from memory.
   */
  @Override
  public MappingSet updateMappingSet(String id, MappingSetRequest request) {
    MappingSet updated = delegate.dataPrep().updateMappingSet(id, request);
    scope.rememberVersion(
        updated.mappings().isEmpty() ? MappingSet.sent(id, updated.version(), request) : updated);
    return updated;
  }
}
