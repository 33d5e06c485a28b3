package dev.aep.operator.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Schema Registry ({@code /data/foundation/schemaregistry}) tenant schemas, field groups and
 * descriptors for one org+sandbox.
 *
 * <p>Sends the {@code Accept} header every GET needs. Schema ids may be given as {@code $id} URI
 * (URL-encoded by the client) or {@code meta:altId}.
 */
public interface SchemaRegistryClient extends ServiceClient {

  /**
   * {@code /tenant/schemas}, looked up by exact {@code title} (titles are unique). Reads by id are
   * whole schemas ({@code Accept: application/vnd.adobe.xed+json; version=1}), lists summaries.
   */
  default RemoteCollection<Schema, SchemaRequest> schemas() {
    return collection(Schema.KIND);
  }

  /** {@code /tenant/fieldgroups}, looked up by exact {@code title}; lists are summaries. */
  default RemoteCollection<FieldGroup, FieldGroupRequest> fieldGroups() {
    return collection(FieldGroup.KIND);
  }

  /**
   * {@code POST /tenant/schemas}; returns the created schema with its {@code $id} and version.
   * Fails with 400 when the title is already used.
   */
  Schema createSchema(SchemaRequest request);

  /**
   * {@code GET /tenant/schemas/{id}} with {@code Accept: application/vnd.adobe.xed+json;
   * version=1}.
   */
  default Optional<Schema> getSchema(String id) {
    return schemas().get(id);
  }

  /** {@code DELETE /tenant/schemas/{id}}; false when it was already gone. */
  default boolean deleteSchema(String id) {
    return schemas().delete(id);
  }

  /**
   * The schema's resolved leaf fields (class and field groups), keyed by dot path: {@code GET
   * /tenant/schemas/{id}} with {@code Accept: application/vnd.adobe.xed-full+json; version=1}.
   * Empty when the schema does not exist.
   */
  Optional<Map<String, SchemaField>> schemaFields(String id);

  /** The org's TENANT_ID from {@code GET /stats} (platform-api.md 9). */
  String tenantId();

  // --- field groups (/tenant/fieldgroups, platform-api.md 10) ---

  /** {@code POST /tenant/fieldgroups}; the created group with its {@code $id} and fields. */
  FieldGroup createFieldGroup(FieldGroupRequest request);

  /** {@code GET /tenant/fieldgroups/{id}} with its fields. */
  default Optional<FieldGroup> getFieldGroup(String id) {
    return fieldGroups().get(id);
  }

  /**
   * {@code PUT /tenant/fieldgroups/{id}}: the full new body. The registry refuses anything but
   * additions once a dataset uses a schema with the group.
   */
  FieldGroup replaceFieldGroup(String id, FieldGroupRequest request);

  /** {@code DELETE /tenant/fieldgroups/{id}}; false when it was already gone. */
  default boolean deleteFieldGroup(String id) {
    return fieldGroups().delete(id);
  }

  // --- descriptors (/tenant/descriptors, platform-api.md 12) ---

  /**
   * {@code POST /tenant/descriptors} of type {@code xdm:descriptorIdentity}; returns it with its
   * id.
   */
  IdentityDescriptor createIdentityDescriptor(IdentityDescriptor descriptor);

  /** The identity descriptors whose {@code xdm:sourceSchema} is {@code schemaId}. */
  List<IdentityDescriptor> listIdentityDescriptors(String schemaId);

  /** {@code DELETE /tenant/descriptors/{id}}; false when it was already gone. */
  boolean deleteDescriptor(String id);
}
