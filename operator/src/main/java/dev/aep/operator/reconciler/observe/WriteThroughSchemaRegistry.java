package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SchemaRegistryClient;
import dev.aep.operator.platform.SchemaRequest;
import java.util.List;
import java.util.Optional;

/** Schema Registry writes that keep the scope's schema snapshot current. */
final class WriteThroughSchemaRegistry implements SchemaRegistryClient {
  private final SchemaRegistryClient delegate;
  private final ScopeSnapshots scope;

  WriteThroughSchemaRegistry(SchemaRegistryClient delegate, ScopeSnapshots scope) {
    this.delegate = delegate;
    this.scope = scope;
  }

  @Override
  public Schema createSchema(SchemaRequest request) {
    Schema created = WriteThroughFlowService.create(scope.schemas, request.title(),
        () -> delegate.createSchema(request));
    // The create answer is the whole schema.
    scope.schemas.remember(created);
    scope.fullSchemas.put(created.id(), created);
    return created;
  }

  @Override
  public Optional<Schema> getSchema(String id) {
    return delegate.getSchema(id);
  }

  @Override
  public Optional<Schema> findSchemaByTitle(String title) {
    return delegate.findSchemaByTitle(title);
  }

  @Override
  public List<Schema> listSchemas(ListQuery query) {
    return delegate.listSchemas(query);
  }

  @Override
  public Page<Schema> listSchemasPage(ListQuery query, String pageToken) {
    return delegate.listSchemasPage(query, pageToken);
  }

  @Override
  public boolean deleteSchema(String id) {
    boolean deleted = WriteThroughFlowService.delete(scope.schemas, id,
        () -> delegate.deleteSchema(id));
    scope.fullSchemas.remove(id);
    return deleted;
  }
}
