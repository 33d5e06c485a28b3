package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.FieldGroup;
import dev.aep.operator.platform.FieldGroupRequest;
import dev.aep.operator.platform.IdentityDescriptor;
import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SchemaField;
import dev.aep.operator.platform.SchemaRegistryClient;
import dev.aep.operator.platform.SchemaRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Schema Registry writes that keep the scope's schema and field group snapshots current;
 * descriptors have no snapshot and pass straight through.
 */
final class WriteThroughSchemaRegistry implements SchemaRegistryClient {
  private final SchemaRegistryClient delegate;
  private final ScopeSnapshots scope;

  WriteThroughSchemaRegistry(SchemaRegistryClient delegate, ScopeSnapshots scope) {
    this.delegate = delegate;
    this.scope = scope;
  }

  @Override
  public Schema createSchema(SchemaRequest request) {
    Schema created =
        WriteThroughFlowService.create(
            scope.schemas, request.title(), () -> delegate.createSchema(request));
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
    boolean deleted =
        WriteThroughFlowService.delete(scope.schemas, id, () -> delegate.deleteSchema(id));
    scope.fullSchemas.remove(id);
    return deleted;
  }

  @Override
  public Optional<Map<String, SchemaField>> schemaFields(String id) {
    return delegate.schemaFields(id);
  }

  @Override
  public String tenantId() {
    return delegate.tenantId();
  }

  @Override
  public FieldGroup createFieldGroup(FieldGroupRequest request) {
    FieldGroup created =
        WriteThroughFlowService.create(
            scope.fieldGroups, request.title(), () -> delegate.createFieldGroup(request));
    scope.fieldGroups.remember(created);
    return created;
  }

  @Override
  public Optional<FieldGroup> getFieldGroup(String id) {
    return delegate.getFieldGroup(id);
  }

  @Override
  public Optional<FieldGroup> findFieldGroupByTitle(String title) {
    return delegate.findFieldGroupByTitle(title);
  }

  @Override
  public FieldGroup replaceFieldGroup(String id, FieldGroupRequest request) {
    scope.fieldGroups.changed(id);
    return delegate.replaceFieldGroup(id, request);
  }

  @Override
  public Page<FieldGroup> listFieldGroupsPage(ListQuery query, String pageToken) {
    return delegate.listFieldGroupsPage(query, pageToken);
  }

  @Override
  public boolean deleteFieldGroup(String id) {
    return WriteThroughFlowService.delete(
        scope.fieldGroups, id, () -> delegate.deleteFieldGroup(id));
  }

  @Override
  public IdentityDescriptor createIdentityDescriptor(IdentityDescriptor descriptor) {
    return delegate.createIdentityDescriptor(descriptor);
  }

  @Override
  public List<IdentityDescriptor> listIdentityDescriptors(String schemaId) {
    return delegate.listIdentityDescriptors(schemaId);
  }

  @Override
  public boolean deleteDescriptor(String id) {
    return delegate.deleteDescriptor(id);
  }
}
