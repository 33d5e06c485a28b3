package dev.aep.operator.platform;

import java.util.List;

/**
 * Body of {@code POST /tenant/schemas}: one class plus field groups in {@code allOf}.
 *
 * @param title title, unique per sandbox
 * @param description description
 * @param classId class {@code $id}, e.g. {@code https://ns.adobe.com/xdm/context/profile}
 * @param fieldGroupIds field group {@code $id}s
 */
public record SchemaRequest(
    String title, String description, String classId, List<String> fieldGroupIds) {

  public SchemaRequest {
    fieldGroupIds = Copies.list(fieldGroupIds);
  }
}
