package dev.aep.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.http.ApiError;
import dev.aep.simulator.http.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * RFC 6902 add / replace / remove on a document (the only ops Platform supports). Ops are parsed
 * first so a service can vet every op before any is applied.
 */
final class JsonPatch {
  /** One op with its lower-cased name; value is null for remove. */
  record Op(String op, String path, JsonNode value) {}

  private JsonPatch() {}

  /**
   * Parses a patch body. Throws IllegalArgumentException with a message for: not an array, an op
   * that is not an object, missing op/path, or a missing value on add/replace. Unsupported op names
   * are returned as-is for the service to refuse with its own code.
   */
  static List<Op> parse(JsonNode body) {
    if (body == null || !body.isArray()) {
      throw new IllegalArgumentException("the body must be a JSON Patch array");
    }
    List<Op> ops = new ArrayList<>();
    for (JsonNode n : body) {
      if (!n.isObject() || !n.hasNonNull("op") || !n.hasNonNull("path")) {
        throw new IllegalArgumentException("every patch instruction needs op and path");
      }
      String op = n.get("op").asText().toLowerCase(Locale.ROOT);
      String path = n.get("path").asText();
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("path must be a JSON pointer: " + path);
      }
      if ((op.equals("add") || op.equals("replace")) && !n.has("value")) {
        throw new IllegalArgumentException("value is required for " + op + " " + path);
      }
      ops.add(new Op(op, path, n.get("value")));
    }
    if (ops.isEmpty()) {
      throw new IllegalArgumentException("the patch is empty");
    }
    return ops;
  }

  /**
   * The request's patch body, parsed by {@link #parse(JsonNode)}; a malformed body (JSON or patch)
   * is answered with {@code invalid(message)}.
   */
  static List<Op> parse(Request req, Function<String, ApiError> invalid) {
    try {
      return parse(req.json());
    } catch (IllegalArgumentException e) {
      throw invalid.apply(e.getMessage());
    }
  }

  /** Refuses an op Platform does not support (all but add, replace and remove) with {@code no}. */
  static void requireSupported(Op op, Function<String, ApiError> no) {
    if (!(op.op().equals("add") || op.op().equals("replace") || op.op().equals("remove"))) {
      throw no.apply(op.op());
    }
  }

  /** {@link #apply(ObjectNode, Op)}, a missing target answered with {@code invalid(message)}. */
  static void apply(ObjectNode doc, Op op, Function<String, ApiError> invalid) {
    try {
      apply(doc, op);
    } catch (IllegalArgumentException e) {
      throw invalid.apply(e.getMessage());
    }
  }

  /** Applies one op in place; IllegalArgumentException when the target does not exist. */
  static void apply(ObjectNode doc, Op op) {
    List<String> segs = new ArrayList<>();
    for (String s : op.path().substring(1).split("/", -1)) {
      segs.add(s.replace("~1", "/").replace("~0", "~"));
    }
    JsonNode parent = doc;
    for (int i = 0; i < segs.size() - 1; i++) {
      JsonNode next = child(parent, segs.get(i));
      if (next == null && op.op().equals("add") && parent.isObject()) {
        next = ((ObjectNode) parent).putObject(segs.get(i));
      }
      if (next == null || !next.isContainerNode()) {
        throw new IllegalArgumentException("path not found: " + op.path());
      }
      parent = next;
    }
    String last = segs.get(segs.size() - 1);
    if (parent.isObject()) {
      ObjectNode o = (ObjectNode) parent;
      switch (op.op()) {
        case "add" -> o.set(last, op.value().deepCopy());
        case "replace" -> {
          if (!o.has(last)) {
            throw new IllegalArgumentException("path not found: " + op.path());
          }
          o.set(last, op.value().deepCopy());
        }
        default -> {
          if (o.remove(last) == null) {
            throw new IllegalArgumentException("path not found: " + op.path());
          }
        }
      }
      return;
    }
    ArrayNode a = (ArrayNode) parent;
    if (op.op().equals("add") && last.equals("-")) {
      a.add(op.value().deepCopy());
      return;
    }
    int idx = index(last, op.op().equals("add") ? a.size() : a.size() - 1, op.path());
    switch (op.op()) {
      case "add" -> a.insert(idx, op.value().deepCopy());
      case "replace" -> a.set(idx, op.value().deepCopy());
      default -> a.remove(idx);
    }
  }

  private static JsonNode child(JsonNode parent, String seg) {
    if (parent.isObject()) {
      return parent.get(seg);
    }
    try {
      return parent.get(Integer.parseInt(seg));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int index(String seg, int max, String path) {
    try {
      int i = Integer.parseInt(seg);
      if (i < 0 || i > max) {
        throw new IllegalArgumentException("index out of range: " + path);
      }
      return i;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an array index: " + path);
    }
  }
}
