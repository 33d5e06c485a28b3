package dev.aep.simulator.dataprep;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * to_integer, to_bigint, to_decimal, to_float (DOC:DP-FN: string to number). A number passes
 * through converted; null stays null; a string that is not a number of that kind, or any other
 * type, is a transformation error (strict [INF]: "3.7" is not an integer).
 */
final class Conversions {
  private Conversions() {}

  static Object toInteger(Object v) {
    return exact(v, "to_integer", BigDecimal::longValueExact, " is not an integer in range");
  }

  static Object toBigInt(Object v) {
    return exact(v, "to_bigint", BigDecimal::toBigIntegerExact, " is not an integer");
  }

  static Object toDecimal(Object v) {
    return decimal(v, "to_decimal");
  }

  static Object toFloat(Object v) {
    return exact(v, "to_float", BigDecimal::doubleValue, "");
  }

  /**
   * The value as a decimal, then converted; null stays null; a conversion that would lose digits
   * fails.
   */
  private static Object exact(
      Object v, String fn, Function<BigDecimal, Object> convert, String inexact) {
    BigDecimal d = decimal(v, fn);
    if (d == null) {
      return null;
    }
    try {
      return convert.apply(d);
    } catch (ArithmeticException e) {
      throw ExpressionException.eval(fn + ": " + Values.text(v) + inexact);
    }
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
