package dev.aep.operator.platform;

import java.util.List;

/**
 * A tenant XDM schema. List and find-by-title answers are summaries (id, altId, version, title);
 * {@link SchemaRegistryClient#getSchema} fills every field.
 *
 * @param id {@code $id} URI
 * @param altId {@code meta:altId}
 * @param version schema version, {@code "1.0"} on create
 * @param title title (unique per sandbox)
 * @param description description, may be null
 * @param classId {@code meta:class}, may be null in summaries
 * @param fieldGroupIds the {@code allOf} references other than the class
 */
public record Schema(
    String id,
    String altId,
    String version,
    String title,
    String description,
    String classId,
    List<String> fieldGroupIds)
    implements RemoteObject {

  public Schema {
    fieldGroupIds = Copies.list(fieldGroupIds);
  }

  /** Lookups match the title. */
  @Override
  public String name() {
    return title;
  }

  /** Tenant schemas, looked up by title. */
  public static final RemoteKind<Schema, SchemaRequest> KIND =
      new RemoteKind<>("schema", s -> s.schemaRegistry().schemas(), SchemaRequest::title);
}
