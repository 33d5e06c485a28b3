package dev.aep.simulator.dataprep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.http.Json;
import dev.aep.simulator.xdm.XdmField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A mapping set version compiled against its output schema's fields: maps a source record into a
 * row (nested object by destination dot path, nulls omitted [DOC:XDM-COMP]) and collects the
 * transformation errors, which null their column (DOC:DP-FAQ).
 */
public final class MappingSet {
  private final List<Mapping> mappings;
  private final Map<String, XdmField> fields;

  private MappingSet(List<Mapping> mappings, Map<String, XdmField> fields) {
    this.mappings = mappings;
    this.fields = fields;
  }

  /** Every mapping compiled, each with its problems (empty when it is fine). */
  public static List<Mapping> check(JsonNode mappings, Map<String, XdmField> fields) {
    List<Mapping> out = new ArrayList<>();
    for (JsonNode m : mappings) {
      out.add(Mapping.compile(out.size(), m, fields));
    }
    return out;
  }

  /** Compiles; IllegalArgumentException with one line per problem when any mapping is bad. */
  public static MappingSet compile(JsonNode mappings, Map<String, XdmField> fields) {
    List<Mapping> all = check(mappings, fields);
    List<String> problems = all.stream().flatMap(m -> m.messages().stream()).toList();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new MappingSet(List.copyOf(all), fields);
  }

  /** A transformation error of one mapping on one record. */
  public record TransformError(Mapping mapping, String message) {
    /** TransformErrorInfo of SPEC:DP: source, destination, sourceType, columnName, exception. */
    public ObjectNode toJson() {
      return mapping.errorInfo(message);
    }
  }

  /** A mapped row and the transformation errors met while mapping it. */
  public record Mapped(ObjectNode row, List<TransformError> errors) {}

  /**
   * Maps one record. Values are converted toward the destination type where Data Prep documents it.
   */
  public Mapped apply(EvalContext ctx) {
    ObjectNode row = Json.obj();
    List<TransformError> errors = new ArrayList<>();
    for (Mapping m : mappings) {
      JsonNode v;
      try {
        v = m.value(ctx);
      } catch (ExpressionException e) {
        errors.add(new TransformError(m, e.getMessage()));
        continue;
      }
      XdmField f = fields.get(m.destination());
      v = f == null ? v : Coercion.toType(v, f.type());
      if (v != null && !v.isNull()) {
        put(row, m.destination(), v.deepCopy());
      }
    }
    return new Mapped(row, errors);
  }

  public Map<String, XdmField> fields() {
    return fields;
  }

  private static void put(ObjectNode row, String dotPath, JsonNode v) {
    String[] parts = dotPath.split("\\.");
    ObjectNode o = row;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = o.get(parts[i]);
      o = next instanceof ObjectNode n ? n : o.putObject(parts[i]);
    }
    o.set(parts[parts.length - 1], v);
  }
}
