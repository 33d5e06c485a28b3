package dev.aep.operator.platform;

import java.util.List;
import java.util.Optional;

/**
 * Schema Registry ({@code /data/foundation/schemaregistry}) tenant schemas for one org+sandbox.
 *
 * <p>Sends the {@code Accept} header every GET needs. Schema ids may be given as {@code $id} URI
 * (URL-encoded by the client) or {@code meta:altId}.
 */
public interface SchemaRegistryClient {

  /**
   * {@code POST /tenant/schemas}; returns the created schema with its {@code $id} and version.
   * Fails with 400 when the title is already used.
   */
  Schema createSchema(SchemaRequest request);

  /** {@code GET /tenant/schemas/{id}} with {@code Accept: application/vnd.adobe.xed+json; version=1}. */
  Optional<Schema> getSchema(String id);

  /** The schema whose title is exactly {@code title} (titles are unique); a summary. */
  Optional<Schema> findSchemaByTitle(String title);

  /** {@code GET /tenant/schemas?property=...}, all pages; summaries. */
  List<Schema> listSchemas(ListQuery query);

  /** One page of {@code GET /tenant/schemas}; summaries. */
  Page<Schema> listSchemasPage(ListQuery query, String pageToken);

  /** {@code DELETE /tenant/schemas/{id}}; false when it was already gone. */
  boolean deleteSchema(String id);
}
