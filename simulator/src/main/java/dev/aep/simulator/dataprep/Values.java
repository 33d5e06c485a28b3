package dev.aep.simulator.dataprep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The values expressions compute with: null, String, Boolean, Long, Double, BigDecimal,
 * BigInteger, ZonedDateTime (from date()) and JsonNode (objects and arrays from the record).
 */
final class Values {
  private Values() {}

  /** A record value as an expression value; containers stay JSON. */
  static Object fromJson(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isTextual()) {
      return n.asText();
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? (Object) n.asLong() : n.bigIntegerValue();
    }
    if (n.isBigDecimal()) {
      return n.decimalValue();
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    return n;
  }

  /** An expression value as JSON for a row; dates become RFC 3339 strings. */
  static JsonNode toJson(Object v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (v == null) {
      return f.nullNode();
    }
    if (v instanceof JsonNode j) {
      return j.deepCopy();
    }
    if (v instanceof String s) {
      return f.textNode(s);
    }
    if (v instanceof Boolean b) {
      return f.booleanNode(b);
    }
    if (v instanceof Long l) {
      return f.numberNode(l);
    }
    if (v instanceof Double d) {
      return f.numberNode(d);
    }
    if (v instanceof BigDecimal d) {
      return f.numberNode(d);
    }
    if (v instanceof BigInteger i) {
      return f.numberNode(i);
    }
    if (v instanceof ZonedDateTime z) {
      return f.textNode(z.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
    throw new IllegalStateException("not an expression value: " + v.getClass());
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
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "boolean";
    }
    if (v instanceof Number) {
      return "number";
    }
    if (v instanceof ZonedDateTime) {
      return "date";
    }
    return ((JsonNode) v).isArray() ? "array" : "object";
  }

  /** A number, or an evaluation error naming what was there instead. */
  static Number number(Object v, String what) {
    if (v instanceof Number n) {
      return n;
    }
    throw ExpressionException.eval(what + " needs a number, got " + typeName(v));
  }

  static String string(Object v, String what) {
    if (v instanceof String s) {
      return s;
    }
    throw ExpressionException.eval(what + " needs a string, got " + typeName(v));
  }

  static boolean bool(Object v, String what) {
    if (v instanceof Boolean b) {
      return b;
    }
    throw ExpressionException.eval(what + " needs a boolean, got " + typeName(v));
  }

  static boolean isIntegral(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof BigInteger;
  }
}
