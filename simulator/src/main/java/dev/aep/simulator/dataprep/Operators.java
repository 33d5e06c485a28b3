package dev.aep.simulator.dataprep;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Objects;

/**
 * Arithmetic and comparison. [INF] The operator list in DOC:DP-FN is truncated: + - * / are numeric
 * (long arithmetic when both sides are whole numbers, exact decimals otherwise); + with a string on
 * either side concatenates; any other operand type, null included, is a transformation error
 * (strict: nothing is silently coerced).
 */
final class Operators {
  private Operators() {}

  static Object binary(String op, Object a, Object b) {
    return switch (op) {
      case "==" -> equal(a, b);
      case "!=" -> !equal(a, b);
      case "<", "<=", ">", ">=" -> compare(op, a, b);
      case "+" -> a instanceof String || b instanceof String ? concat(a, b) : arithmetic(op, a, b);
      default -> arithmetic(op, a, b);
    };
  }

  private static String concat(Object a, Object b) {
    if (a == null || b == null) {
      throw ExpressionException.eval("+ cannot concatenate null");
    }
    return Values.text(a) + Values.text(b);
  }

  private static Object arithmetic(String op, Object a, Object b) {
    Number x = Values.number(a, "operator " + op);
    Number y = Values.number(b, "operator " + op);
    if (x instanceof Long l && y instanceof Long m) {
      try {
        return switch (op) {
          case "+" -> Math.addExact(l, m);
          case "-" -> Math.subtractExact(l, m);
          case "*" -> Math.multiplyExact(l, m);
          case "%" -> mod(l, m);
          default -> divide(l, m);
        };
      } catch (ArithmeticException overflow) {
        return arithmetic(op, BigInteger.valueOf(l), BigInteger.valueOf(m));
      }
    }
    BigDecimal p = decimal(x);
    BigDecimal q = decimal(y);
    if ((op.equals("/") || op.equals("%")) && q.signum() == 0) {
      throw ExpressionException.eval("division by zero");
    }
    BigDecimal r =
        switch (op) {
          case "+" -> p.add(q);
          case "-" -> p.subtract(q);
          case "*" -> p.multiply(q);
          case "%" -> p.remainder(q);
          default -> p.divide(q, MathContext.DECIMAL64);
        };
    return x instanceof Double || y instanceof Double
        ? (Object) r.doubleValue()
        : r.stripTrailingZeros();
  }

  private static long mod(long l, long m) {
    if (m == 0) {
      throw ExpressionException.eval("division by zero");
    }
    return l % m;
  }

  /** Whole division stays whole when exact; otherwise a decimal (7 / 2 = 3.5). */
  private static Object divide(long l, long m) {
    if (m == 0) {
      throw ExpressionException.eval("division by zero");
    }
    return l % m == 0
        ? (Object) (l / m)
        : BigDecimal.valueOf(l).divide(BigDecimal.valueOf(m), MathContext.DECIMAL64);
  }

  static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (n instanceof Double d) {
      return BigDecimal.valueOf(d);
    }
    return BigDecimal.valueOf(n.longValue());
  }

  private static boolean equal(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return decimal(x).compareTo(decimal(y)) == 0;
    }
    return Objects.equals(a, b);
  }

  private static boolean compare(String op, Object a, Object b) {
    int c;
    if (a instanceof Number x && b instanceof Number y) {
      c = decimal(x).compareTo(decimal(y));
    } else if (a instanceof String s && b instanceof String t) {
      c = s.compareTo(t);
    } else {
      throw ExpressionException.eval(
          "operator "
              + op
              + " compares two numbers or two strings, got "
              + Values.typeName(a)
              + " and "
              + Values.typeName(b));
    }
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }
}
