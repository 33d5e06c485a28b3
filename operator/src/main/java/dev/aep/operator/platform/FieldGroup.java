package dev.aep.operator.platform;

import java.util.List;
import java.util.Map;

/**
 * A tenant field group ({@code /tenant/fieldgroups}, platform-api.md 10).
 *
 * @param id {@code $id} URI, {@code https://ns.adobe.com/<tenant>/mixins/<hash>}
 * @param altId {@code meta:altId}
 * @param version {@code "1.0"} on create, the minor rises on every change
 * @param title title, unique across the sandbox's registry resources
 * @param description description, may be null
 * @param classIds {@code meta:intendedToExtend}
 * @param fields leaf fields by dot path (under {@code _<tenant>}) with their XDM type; empty in
 *     list summaries
 */
public record FieldGroup(
    String id,
    String altId,
    String version,
    String title,
    String description,
    List<String> classIds,
    Map<String, String> fields)
    implements RemoteObject {

  public FieldGroup {
    classIds = Copies.list(classIds);
    fields = Copies.map(fields);
  }

  /** Lookups match the title. */
  @Override
  public String name() {
    return title;
  }

  /** Tenant field groups, looked up by title. */
  public static final RemoteKind<FieldGroup, FieldGroupRequest> KIND =
      new RemoteKind<>(
          "field group", s -> s.schemaRegistry().fieldGroups(), FieldGroupRequest::title);
}
