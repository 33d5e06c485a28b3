package dev.aep.operator.platform;

import java.util.Map;

/**
 * Body of {@code POST} and {@code PUT /tenant/fieldgroups}: one class to extend and the custom
 * fields, each a dot path under {@code _<tenant>} with its XDM type; the client builds the nested
 * {@code definitions} (platform-api.md 10).
 *
 * @param title title, unique across the sandbox's registry resources
 * @param description description
 * @param classId the class {@code $id} the group extends ({@code meta:intendedToExtend})
 * @param fields dot path (e.g. {@code _acme.stripe.amount}) to XDM type ({@code string}, {@code
 *     integer}, {@code number}, {@code boolean}, {@code date-time}, {@code date})
 */
public record FieldGroupRequest(
    String title, String description, String classId, Map<String, String> fields) {

  public FieldGroupRequest {
    fields = Copies.map(fields);
  }
}
