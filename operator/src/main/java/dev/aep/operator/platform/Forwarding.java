package dev.aep.operator.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Bases for decorators of a session's clients (caches that see writes, recorders): each forwards
 * every call to the client it decorates, so a decorator overrides only the calls it changes. What
 * all of a decorator's clients share is its {@link Decorator}: how it wraps each kind's collection
 * and what it does around each forwarded call.
 */
public final class Forwarding {
  private Forwarding() {}

  /** What a decorator does to every collection and around every forwarded call. */
  public interface Decorator {
    /** Forwards as is. */
    Decorator NONE = new Decorator() {};

    /** The collection a decorated client hands out for {@code kind} (by default, as given). */
    default <T, R> RemoteCollection<T, R> collection(
        RemoteKind<T, R> kind, RemoteCollection<T, R> collection) {
      return collection;
    }

    /** Makes one forwarded call (by default, just that). */
    default <V> V call(Supplier<V> call) {
      return call.get();
    }
  }

  /** Forwards every call of a collection. */
  public static class Collection<T, R> implements RemoteCollection<T, R> {
    protected final RemoteCollection<T, R> delegate;
    private final Decorator decorator;

    protected Collection(RemoteCollection<T, R> delegate, Decorator decorator) {
      this.delegate = delegate;
      this.decorator = decorator;
    }

    @Override
    public EntityRef create(R request) {
      return decorator.call(() -> delegate.create(request));
    }

    @Override
    public T created(EntityRef ref, R request) {
      return delegate.created(ref, request);
    }

    @Override
    public Optional<T> get(String id) {
      return decorator.call(() -> delegate.get(id));
    }

    @Override
    public List<T> list(ListQuery query) {
      return decorator.call(() -> delegate.list(query));
    }

    @Override
    public Page<T> listPage(ListQuery query, String pageToken) {
      return decorator.call(() -> delegate.listPage(query, pageToken));
    }

    @Override
    public List<T> findByName(String name) {
      return decorator.call(() -> delegate.findByName(name));
    }

    @Override
    public EntityRef patch(String id, String etag, List<JsonPatchOp> ops) {
      return decorator.call(() -> delegate.patch(id, etag, ops));
    }

    @Override
    public boolean delete(String id) {
      return decorator.call(() -> delegate.delete(id));
    }
  }

  /**
   * Forwards every Flow Service call; its collections as the decorator makes them (anew on each
   * call: they hold nothing, and a client that is never asked for one is never asked for it).
   */
  public static class FlowService implements FlowServiceClient {
    protected final FlowServiceClient delegate;
    protected final Decorator decorator;

    public FlowService(FlowServiceClient delegate, Decorator decorator) {
      this.delegate = delegate;
      this.decorator = decorator;
    }

    @Override
    public RemoteCollection<BaseConnection, BaseConnectionRequest> baseConnections() {
      return decorator.collection(RemoteKind.BASE_CONNECTIONS, delegate.baseConnections());
    }

    @Override
    public RemoteCollection<SourceConnection, SourceConnectionRequest> sourceConnections() {
      return decorator.collection(RemoteKind.SOURCE_CONNECTIONS, delegate.sourceConnections());
    }

    @Override
    public RemoteCollection<TargetConnection, TargetConnectionRequest> targetConnections() {
      return decorator.collection(RemoteKind.TARGET_CONNECTIONS, delegate.targetConnections());
    }

    @Override
    public RemoteCollection<Flow, FlowRequest> flows() {
      return decorator.collection(RemoteKind.FLOWS, delegate.flows());
    }

    @Override
    public SourceSchema explore(String baseConnectionId, String resourcePath) {
      return decorator.call(() -> delegate.explore(baseConnectionId, resourcePath));
    }

    @Override
    public EntityRef enableFlow(String id) {
      return decorator.call(() -> delegate.enableFlow(id));
    }

    @Override
    public EntityRef disableFlow(String id) {
      return decorator.call(() -> delegate.disableFlow(id));
    }

    @Override
    public List<FlowRun> listRuns(String flowId, int limit) {
      return decorator.call(() -> delegate.listRuns(flowId, limit));
    }

    @Override
    public Page<FlowRun> listRunsPage(ListQuery query, String pageToken) {
      return decorator.call(() -> delegate.listRunsPage(query, pageToken));
    }

    @Override
    public Optional<FlowRun> getRun(String id) {
      return decorator.call(() -> delegate.getRun(id));
    }
  }

  /**
   * Forwards every Schema Registry call that is not a default method (those go through the
   * collections, as the decorator makes them).
   */
  public static class SchemaRegistry implements SchemaRegistryClient {
    protected final SchemaRegistryClient delegate;
    protected final Decorator decorator;

    public SchemaRegistry(SchemaRegistryClient delegate, Decorator decorator) {
      this.delegate = delegate;
      this.decorator = decorator;
    }

    @Override
    public RemoteCollection<Schema, SchemaRequest> schemas() {
      return decorator.collection(RemoteKind.SCHEMAS, delegate.schemas());
    }

    @Override
    public RemoteCollection<FieldGroup, FieldGroupRequest> fieldGroups() {
      return decorator.collection(RemoteKind.FIELD_GROUPS, delegate.fieldGroups());
    }

    @Override
    public Schema createSchema(SchemaRequest request) {
      return decorator.call(() -> delegate.createSchema(request));
    }

    @Override
    public Optional<Map<String, SchemaField>> schemaFields(String id) {
      return decorator.call(() -> delegate.schemaFields(id));
    }

    @Override
    public String tenantId() {
      return decorator.call(delegate::tenantId);
    }

    @Override
    public FieldGroup createFieldGroup(FieldGroupRequest request) {
      return decorator.call(() -> delegate.createFieldGroup(request));
    }

    @Override
    public FieldGroup replaceFieldGroup(String id, FieldGroupRequest request) {
      return decorator.call(() -> delegate.replaceFieldGroup(id, request));
    }

    @Override
    public IdentityDescriptor createIdentityDescriptor(IdentityDescriptor descriptor) {
      return decorator.call(() -> delegate.createIdentityDescriptor(descriptor));
    }

    @Override
    public List<IdentityDescriptor> listIdentityDescriptors(String schemaId) {
      return decorator.call(() -> delegate.listIdentityDescriptors(schemaId));
    }

    @Override
    public boolean deleteDescriptor(String id) {
      return decorator.call(() -> delegate.deleteDescriptor(id));
    }
  }

  /** Forwards every Catalog call; its datasets as the decorator makes them. */
  public static class Catalog implements CatalogClient {
    protected final CatalogClient delegate;
    protected final Decorator decorator;

    public Catalog(CatalogClient delegate, Decorator decorator) {
      this.delegate = delegate;
      this.decorator = decorator;
    }

    @Override
    public RemoteCollection<Dataset, DatasetRequest> datasets() {
      return decorator.collection(RemoteKind.DATASETS, delegate.datasets());
    }

    @Override
    public Page<Dataset> listDatasetsTaggedPage(
        String tag, String value, int limit, String pageToken) {
      return decorator.call(() -> delegate.listDatasetsTaggedPage(tag, value, limit, pageToken));
    }
  }

  /** Forwards every Data Prep call; its mapping sets as the decorator makes them. */
  public static class DataPrep implements DataPrepClient {
    protected final DataPrepClient delegate;
    protected final Decorator decorator;

    public DataPrep(DataPrepClient delegate, Decorator decorator) {
      this.delegate = delegate;
      this.decorator = decorator;
    }

    @Override
    public RemoteCollection<MappingSet, MappingSetRequest> mappingSets() {
      return decorator.collection(RemoteKind.MAPPING_SETS, delegate.mappingSets());
    }

    @Override
    public MappingSetVersion createMappingSet(MappingSetRequest request) {
      return decorator.call(() -> delegate.createMappingSet(request));
    }

    @Override
    public Optional<MappingSet> getMappingSet(String id, int version) {
      return decorator.call(() -> delegate.getMappingSet(id, version));
    }

    @Override
    public MappingSet updateMappingSet(String id, MappingSetRequest request) {
      return decorator.call(() -> delegate.updateMappingSet(id, request));
    }

    @Override
    public List<MappingCheck> validateMappingSet(MappingSetRequest request) {
      return decorator.call(() -> delegate.validateMappingSet(request));
    }

    @Override
    public List<PreviewRow> previewMappingSet(
        MappingSetRequest request, List<Map<String, Object>> samples) {
      return decorator.call(() -> delegate.previewMappingSet(request, samples));
    }
  }
}
