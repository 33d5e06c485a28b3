package dev.aep.simulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.http.Json;
import dev.aep.simulator.stripe.StripeFields;
import dev.aep.simulator.stripe.StripeRecords;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The explore answer of the Stripe source (platform-api.md 13): {format: hierarchical, schema}
 * whose root is one object property {@code data} holding the resource's fields [DOC:STRIPE], plus
 * with preview=true a {@code data} array of sample records {@code {"data": {...}}} [INF, after
 * DOC:ZENDESK's {"result": {...}}].
 */
final class StripeCatalog {
  static final Set<String> RESOURCE_PATHS = StripeFields.RESOURCE_PATHS;

  /** Integers carry +-2^53 bounds as in the documented Stripe explore answer [DOC:STRIPE]. */
  private static final long MAX_SAFE = 9007199254740991L;

  /** How many sample records preview shows. */
  private static final int PREVIEW_RECORDS = 5;

  private StripeCatalog() {}

  static ObjectNode explore(String resourcePath, boolean preview) {
    ObjectNode answer = Json.obj().put("format", "hierarchical");
    ObjectNode schema = answer.putObject("schema").put("type", "object");
    schema.putObject("properties").set("data", object(StripeFields.of(resourcePath)));
    if (preview) {
      ArrayNode records = answer.putArray("data");
      StripeRecords.records(resourcePath, resourcePath.hashCode(), PREVIEW_RECORDS)
          .forEach(records::add);
    }
    return answer;
  }

  @SuppressWarnings("unchecked")
  private static ObjectNode object(Map<String, Object> tree) {
    ObjectNode o = Json.obj().put("type", "object");
    ObjectNode props = o.putObject("properties");
    tree.forEach((name, type) -> props.set(name, node(type)));
    return o;
  }

  @SuppressWarnings("unchecked")
  private static ObjectNode node(Object type) {
    if (type instanceof Map<?, ?> m) {
      return object((Map<String, Object>) m);
    }
    if (type instanceof List<?> l) {
      ObjectNode a = Json.obj().put("type", "array");
      a.set("items", object((Map<String, Object>) l.get(0)));
      return a;
    }
    return switch ((String) type) {
      case "integer" ->
          Json.obj().put("type", "integer").put("minimum", -MAX_SAFE - 1).put("maximum", MAX_SAFE);
      // metadata: free keys, so an object without properties
      case "map" -> Json.obj().put("type", "object");
      case "array:string" -> {
        ObjectNode a = Json.obj().put("type", "array");
        a.putObject("items").put("type", "string");
        yield a;
      }
      default -> Json.obj().put("type", (String) type);
    };
  }
}
