package dev.aep.simulator.dataprep;

import java.math.BigDecimal;

/**
 * to_integer, to_bigint, to_decimal, to_float (DOC:DP-FN: string to number). A number passes
 * through converted; null stays null; a string that is not a number of that kind, or any other
 * type, is a transformation error (strict [INF]: "3.7" is not an integer).
 */
final class Conversions {
  private Conversions() {}

  static Object toInteger(Object v) {
    BigDecimal d = decimal(v, "to_integer");
    if (d == null) {
      return null;
    }
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) {
      throw ExpressionException.eval("to_integer: " + Values.text(v) + " is not an integer in range");
    }
  }

  static Object toBigInt(Object v) {
    BigDecimal d = decimal(v, "to_bigint");
    if (d == null) {
      return null;
    }
    try {
      return d.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw ExpressionException.eval("to_bigint: " + Values.text(v) + " is not an integer");
    }
  }

  static Object toDecimal(Object v) {
    return decimal(v, "to_decimal");
  }

  static Object toFloat(Object v) {
    BigDecimal d = decimal(v, "to_float");
    return d == null ? null : (Object) d.doubleValue();
  }

  private static BigDecimal decimal(Object v, String fn) {
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return Operators.decimal(n);
    }
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        throw ExpressionException.eval(fn + ": '" + s + "' is not a number");
      }
    }
    throw ExpressionException.eval(fn + " needs a string or number, got " + Values.typeName(v));
  }
}
