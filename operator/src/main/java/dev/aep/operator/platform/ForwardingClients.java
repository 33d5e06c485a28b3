package dev.aep.operator.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A base for decorators of a session (caches that see writes, recorders): the four service clients
 * in one object, forwarding every call to the session it decorates, so a decorator overrides only
 * the calls it changes, plus at most two hooks: how it wraps each kind's collection ({@link
 * #decorate}) and what it does around every forwarded call ({@link #call}). Default methods of the
 * client interfaces are not forwarded: they reach the collections, as decorated.
 */
public class ForwardingClients
    implements FlowServiceClient, SchemaRegistryClient, CatalogClient, DataPrepClient {
  protected final PlatformSession delegate;

  public ForwardingClients(PlatformSession delegate) {
    this.delegate = delegate;
  }

  /** The decorated session: these clients, in the decorated session's scope. */
  public final PlatformSession session() {
    return PlatformSession.of(delegate.scope(), this, this, this, this);
  }

  /**
   * The collection of {@code kind}, as {@link #decorate} makes it of the decorated session's; made
   * anew on each call, so a collection never asked for is never asked of that session either.
   */
  @Override
  public <T extends RemoteObject, R> RemoteCollection<T, R> collection(RemoteKind<T, R> kind) {
    return decorate(kind, kind.in(delegate));
  }

  /** The collection this session hands out for {@code kind} (by default, as given). */
  protected <T extends RemoteObject, R> RemoteCollection<T, R> decorate(
      RemoteKind<T, R> kind, RemoteCollection<T, R> collection) {
    return collection;
  }

  /** Makes one forwarded call (by default, just that). */
  protected <V> V call(Supplier<V> call) {
    return call.get();
  }

  /** Forwards every call of a collection through {@link #call}. */
  protected class Collection<T, R> implements RemoteCollection<T, R> {
    protected final RemoteCollection<T, R> delegate;

    protected Collection(RemoteCollection<T, R> delegate) {
      this.delegate = delegate;
    }

    @Override
    public EntityRef create(R request) {
      return call(() -> delegate.create(request));
    }

    @Override
    public T created(EntityRef ref, R request) {
      return delegate.created(ref, request);
    }

    @Override
    public Optional<T> get(String id) {
      return call(() -> delegate.get(id));
    }

    @Override
    public List<T> list(ListQuery query) {
      return call(() -> delegate.list(query));
    }

    @Override
    public Page<T> listPage(ListQuery query, String pageToken) {
      return call(() -> delegate.listPage(query, pageToken));
    }

    @Override
    public List<T> findByName(String name) {
      return call(() -> delegate.findByName(name));
    }

    @Override
    public EntityRef patch(String id, String etag, List<JsonPatchOp> ops) {
      return call(() -> delegate.patch(id, etag, ops));
    }

    @Override
    public boolean delete(String id) {
      return call(() -> delegate.delete(id));
    }
  }

  // --- Flow Service

  @Override
  public SourceSchema explore(String baseConnectionId, String resourcePath) {
    return call(() -> delegate.flowService().explore(baseConnectionId, resourcePath));
  }

  @Override
  public EntityRef enableFlow(String id) {
    return call(() -> delegate.flowService().enableFlow(id));
  }

  @Override
  public EntityRef disableFlow(String id) {
    return call(() -> delegate.flowService().disableFlow(id));
  }

  @Override
  public List<FlowRun> listRuns(String flowId, int limit) {
    return call(() -> delegate.flowService().listRuns(flowId, limit));
  }

  @Override
  public Page<FlowRun> listRunsPage(ListQuery query, String pageToken) {
    return call(() -> delegate.flowService().listRunsPage(query, pageToken));
  }

  @Override
  public Optional<FlowRun> getRun(String id) {
    return call(() -> delegate.flowService().getRun(id));
  }

  // --- Schema Registry

  @Override
  public Schema createSchema(SchemaRequest request) {
    return call(() -> delegate.schemaRegistry().createSchema(request));
  }

  @Override
  public Optional<Map<String, SchemaField>> schemaFields(String id) {
    return call(() -> delegate.schemaRegistry().schemaFields(id));
  }

  @Override
  public String tenantId() {
    return call(() -> delegate.schemaRegistry().tenantId());
  }

  @Override
  public FieldGroup createFieldGroup(FieldGroupRequest request) {
    return call(() -> delegate.schemaRegistry().createFieldGroup(request));
  }

  @Override
  public FieldGroup replaceFieldGroup(String id, FieldGroupRequest request) {
    return call(() -> delegate.schemaRegistry().replaceFieldGroup(id, request));
  }

  @Override
  public IdentityDescriptor createIdentityDescriptor(IdentityDescriptor descriptor) {
    return call(() -> delegate.schemaRegistry().createIdentityDescriptor(descriptor));
  }

  @Override
  public List<IdentityDescriptor> listIdentityDescriptors(String schemaId) {
    return call(() -> delegate.schemaRegistry().listIdentityDescriptors(schemaId));
  }

  @Override
  public boolean deleteDescriptor(String id) {
    return call(() -> delegate.schemaRegistry().deleteDescriptor(id));
  }

  // --- Catalog

  @Override
  public Page<Dataset> listDatasetsTaggedPage(
      String tag, String value, int limit, String pageToken) {
    return call(() -> delegate.catalog().listDatasetsTaggedPage(tag, value, limit, pageToken));
  }

  // --- Data Prep

  @Override
  public MappingSetVersion createMappingSet(MappingSetRequest request) {
    return call(() -> delegate.dataPrep().createMappingSet(request));
  }

  @Override
  public Optional<MappingSet> getMappingSet(String id, int version) {
    return call(() -> delegate.dataPrep().getMappingSet(id, version));
  }

  @Override
  public MappingSet updateMappingSet(String id, MappingSetRequest request) {
    return call(() -> delegate.dataPrep().updateMappingSet(id, request));
  }

  @Override
  public List<MappingCheck> validateMappingSet(MappingSetRequest request) {
    return call(() -> delegate.dataPrep().validateMappingSet(request));
  }

  @Override
  public List<PreviewRow> previewMappingSet(
      MappingSetRequest request, List<Map<String, Object>> samples) {
    return call(() -> delegate.dataPrep().previewMappingSet(request, samples));
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + delegate + "]";
  }
}
