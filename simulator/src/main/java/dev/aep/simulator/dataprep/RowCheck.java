package dev.aep.simulator.dataprep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.simulator.xdm.XdmField;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ingestion's check of a mapped row against the target schema (platform-api.md 11): a required
 * field without a value fails the row with INGEST-1555-400 [DOC:ERR-DIAG]; a value that does not
 * fit its field's type fails it too (INGEST-1212-400, code choice [INF]); a transformation error
 * fails the row only when its column is required (MAPPER-3700-400) [DOC:DP-FAQ, DOC:MON].
 */
public final class RowCheck {
  public static final String REQUIRED_MISSING = "INGEST-1555-400";
  public static final String TYPE_MISMATCH = "INGEST-1212-400";
  public static final String MAPPING_FAILED = "MAPPER-3700-400";

  /** Why a row was refused. */
  public record Failure(String code, String message) {}

  private RowCheck() {}

  /** The reasons the row fails; empty when it is ingested. */
  public static List<Failure> check(MappingSet.Mapped mapped, Map<String, XdmField> fields) {
    List<Failure> out = new ArrayList<>();
    Set<String> failedColumns = new java.util.HashSet<>();
    for (MappingSet.TransformError e : mapped.errors()) {
      XdmField f = fields.get(e.mapping().destination());
      if (f != null && f.required()) {
        failedColumns.add(f.path());
        out.add(
            new Failure(
                MAPPING_FAILED,
                "Mapping of required field '"
                    + f.path()
                    + "' from '"
                    + e.mapping().source()
                    + "' failed: "
                    + e.message()));
      }
    }
    for (XdmField f : fields.values()) {
      JsonNode v = lookup(mapped.row(), f.path());
      if (v == null) {
        if (f.required() && !failedColumns.contains(f.path())) {
          out.add(
              new Failure(
                  REQUIRED_MISSING, "Required field '" + f.path() + "' is missing or null"));
        }
      } else if (!fits(v, f.type())) {
        out.add(
            new Failure(
                TYPE_MISMATCH,
                "Field '"
                    + f.path()
                    + "' expects "
                    + f.type()
                    + " but got "
                    + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
      }
    }
    return out;
  }

  private static JsonNode lookup(JsonNode row, String dotPath) {
    JsonNode n = row;
    for (String p : dotPath.split("\\.")) {
      n = n.get(p);
      if (n == null || n.isNull()) {
        return null;
      }
    }
    return n;
  }

  /**
   * XDM types (DOC:XDM-TYPES): date-time is RFC 3339 section 5.6, date is full-date; integers are
   * whole.
   */
  static boolean fits(JsonNode v, String type) {
    return switch (type) {
      case "string" -> v.isTextual();
      case "integer" ->
          v.isIntegralNumber() && v.canConvertToLong()
              || v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0;
      case "number" -> v.isNumber();
      case "boolean" -> v.isBoolean();
      case "date-time" -> v.isTextual() && parses(() -> OffsetDateTime.parse(v.asText()));
      case "date" -> v.isTextual() && parses(() -> LocalDate.parse(v.asText()));
      case "array" -> v.isArray();
      default -> v.isObject();
    };
  }

  private static boolean parses(Runnable r) {
    try {
      r.run();
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
