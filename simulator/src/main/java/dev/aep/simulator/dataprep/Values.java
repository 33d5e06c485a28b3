package dev.aep.simulator.dataprep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;

/**
 * The values expressions compute with: null, String, Boolean, Long, Double, BigDecimal, BigInteger,
 * ZonedDateTime (from date()) and JsonNode (objects and arrays from the record).
 */
final class Values {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** The JSON node of each scalar value type. */
  private static final Map<Class<?>, Function<Object, JsonNode>> TO_JSON =
      Map.of(
          String.class, v -> F.textNode((String) v),
          Boolean.class, v -> F.booleanNode((Boolean) v),
          Long.class, v -> F.numberNode((Long) v),
          Double.class, v -> F.numberNode((Double) v),
          BigDecimal.class, v -> F.numberNode((BigDecimal) v),
          BigInteger.class, v -> F.numberNode((BigInteger) v),
          ZonedDateTime.class, v -> F.textNode(text(v)));

  /** What errors call the scalar value types (the types are disjoint, so order does not matter). */
  private static final Map<Class<?>, String> TYPE_NAMES =
      Map.of(
          String.class,
          "string",
          Boolean.class,
          "boolean",
          Number.class,
          "number",
          ZonedDateTime.class,
          "date");

  private Values() {}

  /** A record value as an expression value; containers stay JSON. */
  static Object fromJson(JsonNode n) {
    if (n == null) {
      return null;
    }
    return switch (n.getNodeType()) {
      case NULL, MISSING -> null;
      case STRING -> n.asText();
      case BOOLEAN -> n.asBoolean();
      case NUMBER -> number(n);
      default -> n;
    };
  }

  /** Long while it fits, else BigInteger; BigDecimal kept exact; other numbers as Double. */
  private static Object number(JsonNode n) {
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? (Object) n.asLong() : n.bigIntegerValue();
    }
    return n.isBigDecimal() ? n.decimalValue() : n.asDouble();
  }

  /** An expression value as JSON for a row; dates become RFC 3339 strings. */
  static JsonNode toJson(Object v) {
    if (v == null) {
      return F.nullNode();
    }
    if (v instanceof JsonNode j) {
      return j.deepCopy();
    }
    Function<Object, JsonNode> convert = TO_JSON.get(v.getClass());
    if (convert == null) {
      throw new IllegalStateException("not an expression value: " + v.getClass());
    }
    return convert.apply(v);
  }

  /** The text of a value for string functions and concatenation. */
  static String text(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof JsonNode j) {
      return j.isValueNode() ? j.asText() : j.toString();
    }
    if (v instanceof ZonedDateTime z) {
      return z.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
    if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return v.toString();
  }

  static String typeName(Object v) {
    if (v == null) {
      return "null";
    }
    for (Map.Entry<Class<?>, String> t : TYPE_NAMES.entrySet()) {
      if (t.getKey().isInstance(v)) {
        return t.getValue();
      }
    }
    return ((JsonNode) v).isArray() ? "array" : "object";
  }

  /** A number, or an evaluation error naming what was there instead. */
  static Number number(Object v, String what) {
    return as(Number.class, v, what);
  }

  static String string(Object v, String what) {
    return as(String.class, v, what);
  }

  static boolean bool(Object v, String what) {
    return as(Boolean.class, v, what);
  }

  private static <T> T as(Class<T> type, Object v, String what) {
    if (type.isInstance(v)) {
      return type.cast(v);
    }
    throw ExpressionException.eval(
        what + " needs a " + TYPE_NAMES.get(type) + ", got " + typeName(v));
  }

  static boolean isIntegral(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof BigInteger;
  }
}
