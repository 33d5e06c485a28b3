package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.DataPrepClient;
import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.FieldGroup;
import dev.aep.operator.platform.FieldGroupRequest;
import dev.aep.operator.platform.FlowServiceClient;
import dev.aep.operator.platform.Forwarding;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.MappingSetRequest;
import dev.aep.operator.platform.MappingSetVersion;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.RemoteCollection;
import dev.aep.operator.platform.RemoteKind;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SchemaRegistryClient;
import dev.aep.operator.platform.SchemaRequest;

/**
 * Writes that keep a scope's snapshots current: a create remembers the object it made (so the pass
 * goes on without reading it back), a PATCH, PUT or action marks the object for one fresh read, a
 * delete marks it gone, and a create that may have happened despite an error makes the next lookup
 * of its name ask the Platform. Reads pass straight through.
 */
final class WriteThrough implements Forwarding.Decorator {
  private final ScopeSnapshots scope;

  private WriteThrough(ScopeSnapshots scope) {
    this.scope = scope;
  }

  /** {@code session} with every write keeping {@code scope}'s snapshots current. */
  static PlatformSession of(PlatformSession session, ScopeSnapshots scope) {
    WriteThrough decorator = new WriteThrough(scope);
    return PlatformSession.of(
        session.scope(),
        decorator.new FlowService(session.flowService()),
        decorator.new SchemaRegistry(session.schemaRegistry()),
        new Forwarding.Catalog(session.catalog(), decorator),
        decorator.new DataPrep(session.dataPrep()));
  }

  /** Kinds with a snapshot keep it current; mapping sets have none and pass through. */
  @Override
  public <T, R> RemoteCollection<T, R> collection(
      RemoteKind<T, R> kind, RemoteCollection<T, R> collection) {
    ScopeSnapshots.Tracking<T, R> tracking = scope.tracking(kind);
    return tracking == null ? collection : new WriteThroughCollection<>(collection, kind, tracking);
  }

  /** Flow actions change the flow's state and etag. */
  private final class FlowService extends Forwarding.FlowService {
    FlowService(FlowServiceClient delegate) {
      super(delegate, WriteThrough.this);
    }

    @Override
    public EntityRef enableFlow(String id) {
      return scope.flows.changing(id, () -> delegate.enableFlow(id));
    }

    @Override
    public EntityRef disableFlow(String id) {
      return scope.flows.changing(id, () -> delegate.disableFlow(id));
    }
  }

  /** Schema and field group writes of their own; descriptors have no snapshot. */
  private final class SchemaRegistry extends Forwarding.SchemaRegistry {
    SchemaRegistry(SchemaRegistryClient delegate) {
      super(delegate, WriteThrough.this);
    }

    @Override
    public Schema createSchema(SchemaRequest request) {
      Schema created =
          scope.schemas.creating(request.title(), () -> delegate.createSchema(request));
      // The create answer is the whole schema.
      scope.schemas.remember(created);
      scope.fullSchemas.put(created.id(), created);
      return created;
    }

    @Override
    public FieldGroup createFieldGroup(FieldGroupRequest request) {
      FieldGroup created =
          scope.fieldGroups.creating(request.title(), () -> delegate.createFieldGroup(request));
      scope.fieldGroups.remember(created);
      return created;
    }

    @Override
    public FieldGroup replaceFieldGroup(String id, FieldGroupRequest request) {
      scope.fieldGroups.changed(id);
      return delegate.replaceFieldGroup(id, request);
    }
  }

  /**
   * A mapping set create or PUT makes a version whose content is exactly what was sent, so it never
   * needs reading back.
   */
  private final class DataPrep extends Forwarding.DataPrep {
    DataPrep(DataPrepClient delegate) {
      super(delegate, WriteThrough.this);
    }

    @Override
    public MappingSetVersion createMappingSet(MappingSetRequest request) {
      // Mapping sets are found by name on the Platform itself (no snapshot), so a lost answer
      // needs no bookkeeping: the next lookup by name sees whatever the create made.
      MappingSetVersion created = delegate.createMappingSet(request);
      scope.rememberVersion(MappingSet.sent(created.id(), created.version(), request));
      return created;
    }

    @Override
    public MappingSet updateMappingSet(String id, MappingSetRequest request) {
      // A lost answer may still have made a new version: the flow's status keeps the old one, and
      // the next pass reads versions by number, never "the newest" from memory.
      MappingSet updated = delegate.updateMappingSet(id, request);
      scope.rememberVersion(
          updated.mappings().isEmpty() ? MappingSet.sent(id, updated.version(), request) : updated);
      return updated;
    }
  }
}
