package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.FieldGroup;
import dev.aep.operator.platform.FieldGroupRequest;
import dev.aep.operator.platform.IdentityDescriptor;
import dev.aep.operator.platform.RemoteCollection;
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
  private final RemoteCollection<Schema, SchemaRequest> schemas;
  private final RemoteCollection<FieldGroup, FieldGroupRequest> fieldGroups;

  WriteThroughSchemaRegistry(SchemaRegistryClient delegate, ScopeSnapshots scope) {
    this.delegate = delegate;
    this.scope = scope;
    // A create through the collection answers only the id: its title is looked up again.
    this.schemas =
        new WriteThroughCollection<>(
            delegate.schemas(),
            scope.schemas,
            SchemaRequest::title,
            null,
            scope.fullSchemas::remove);
    this.fieldGroups =
        new WriteThroughCollection<>(
            delegate.fieldGroups(), scope.fieldGroups, FieldGroupRequest::title, null, id -> {});
  }

  @Override
  public RemoteCollection<Schema, SchemaRequest> schemas() {
    return schemas;
  }

  @Override
  public RemoteCollection<FieldGroup, FieldGroupRequest> fieldGroups() {
    return fieldGroups;
  }

  @Override
  public Schema createSchema(SchemaRequest request) {
    Schema created = scope.schemas.creating(request.title(), () -> delegate.createSchema(request));
    // The create answer is the whole schema.
    scope.schemas.remember(created);
    scope.fullSchemas.put(created.id(), created);
    return created;
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
        scope.fieldGroups.creating(request.title(), () -> delegate.createFieldGroup(request));
    scope.fieldGroups.remember(created);
    return created;
  }

  @Override
  public FieldGroup replaceFieldGroup(String id, FieldGroupRequest request) {
    scope.fieldGroups.changed(id);
    return delegate.replaceFieldGroup(id, request);
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
