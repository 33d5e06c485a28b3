package dev.aep.simulator.dataprep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One mapping of a mapping set, compiled: ATTRIBUTE (a source path), EXPRESSION (evaluated per
 * record) or STATIC (the source text is the value) (platform-api.md 14, DOC:DP-MSO, SPEC:DP), with
 * what keeps it from compiling; only a mapping without problems is part of a mapping set.
 */
public record Mapping(
    int index,
    String sourceType,
    String source,
    String destination,
    SourcePath path,
    Expression expression,
    List<String> problems) {

  /**
   * The request's sourceType, or the one a stored mapping reads back with: GETs show attribute
   * mappings as "text/x.schema-path" [DOC:DP-MS] and the simulator stores expressions as
   * "text/x.aep-xl" [INF]. A mapping without one is an ATTRIBUTE (the legacy format has none).
   */
  public static String typeOf(JsonNode m) {
    String type = m.hasNonNull("sourceType") ? m.get("sourceType").asText() : null;
    if (type == null || type.equals("text/x.schema-path")) {
      return "ATTRIBUTE";
    }
    return type.equals("text/x.aep-xl") ? "EXPRESSION" : type;
  }

  /** The source and destination of a mapping in either name set (current or legacy). */
  public static String source(JsonNode m) {
    return m.hasNonNull("source") ? m.get("source").asText() : Json.text(m, "sourceAttribute");
  }

  public static String destination(JsonNode m) {
    return m.hasNonNull("destination")
        ? m.get("destination").asText()
        : Json.text(m, "destinationXdmPath");
  }

  /**
   * Compiles a mapping and lists what is wrong with it against the output schema's fields: a
   * destination the schema does not have, an expression that does not parse or calls an unknown
   * function, an attribute path with bad syntax. [INF] Destinations must be leaf fields the
   * resolver lists (strict: object-to-object copies are not modelled).
   */
  public static Mapping compile(int index, JsonNode m, Map<String, ?> schemaFields) {
    String type = typeOf(m);
    String source = source(m);
    String destination = destination(m);
    List<String> problems = new ArrayList<>();
    SourcePath path = null;
    Expression expression = null;
    if (source == null || source.isBlank() || destination == null || destination.isBlank()) {
      problems.add("every mapping needs source and destination");
    } else {
      if (!schemaFields.containsKey(destination)) {
        problems.add("destination '" + destination + "' is not a field of the output schema");
      }
      try {
        switch (type) {
          case "ATTRIBUTE" -> path = SourcePath.parse(source);
          case "EXPRESSION" -> expression = Expression.parse(source);
          case "STATIC" -> {
            // the source text is the value itself
          }
          default ->
              problems.add("sourceType must be ATTRIBUTE, EXPRESSION or STATIC, got " + type);
        }
      } catch (ExpressionException e) {
        problems.add(
            ("ATTRIBUTE".equals(type) ? "invalid source path: " : "invalid expression: ")
                + e.getMessage());
      }
    }
    return new Mapping(index, type, source, destination, path, expression, List.copyOf(problems));
  }

  /** "mapping[i] (source -> destination): problem" for each problem. */
  public List<String> messages() {
    return problems.stream()
        .map(p -> "mapping[" + index + "] (" + source + " -> " + destination + "): " + p)
        .toList();
  }

  /** TransformErrorInfo of SPEC:DP: source, destination, sourceType, columnName, exception. */
  public ObjectNode errorInfo(String exception) {
    return Json.obj()
        .put("source", source)
        .put("destination", destination)
        .put("sourceType", sourceType)
        .put("columnName", destination)
        .put("exception", exception);
  }

  /**
   * The column value for a record; null when absent. ExpressionException on a transformation error.
   */
  public JsonNode value(EvalContext ctx) {
    return switch (sourceType) {
      case "ATTRIBUTE" -> path.lookup(ctx.record());
      case "EXPRESSION" -> expression.evaluate(ctx);
      default -> JsonNodeFactory.instance.textNode(source);
    };
  }
}
