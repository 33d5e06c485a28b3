package dev.aep.simulator.dataprep;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The Data Prep functions the simulator implements (DOC:DP-FN, platform-api.md 14). A string
 * function given null answers null [INF]; a value of the wrong type is a transformation error
 * (strict [INF]: the docs describe no implicit coercion beyond DOC:DP-DATA's).
 */
public final class Functions {
  /** How a function computes from its (unevaluated) argument nodes. */
  interface Impl {
    Object apply(List<Node> args, EvalContext ctx);
  }

  /** How a function computes from evaluated arguments. */
  interface Eager {
    Object apply(List<Object> args, EvalContext ctx);
  }

  /** One function: its argument count range, whether it takes a field path, its implementation. */
  record Function(int minArgs, int maxArgs, boolean pathArgument, Impl impl) {
    Object apply(List<Node> args, EvalContext ctx) {
      return impl.apply(args, ctx);
    }
  }

  private static final int MANY = Integer.MAX_VALUE;

  /** The functions by name, in the order DOC:DP-FN documents them. */
  private static final Map<String, Function> ALL = new LinkedHashMap<>();

  static {
    eager("lower", 1, 1, (a, c) -> str(a, "lower", s -> s.toLowerCase(Locale.ROOT)));
    eager("upper", 1, 1, (a, c) -> str(a, "upper", s -> s.toUpperCase(Locale.ROOT)));
    eager("trim", 1, 1, (a, c) -> str(a, "trim", String::trim));
    eager("concat", 1, MANY, (a, c) -> concat(a));
    eager("substr", 3, 3, (a, c) -> substr(a));
    eager("uuid", 0, 0, (a, c) -> UUID.randomUUID().toString());
    eager("now", 0, 0, (a, c) -> rfc3339(c.now().atZone(ZoneOffset.UTC)));
    eager("timestamp", 0, 0, (a, c) -> c.now().toEpochMilli());
    eager("dformat", 2, 2, (a, c) -> Dates.dformat(a.get(0), a.get(1)));
    eager("date", 1, 3, (a, c) -> Dates.date(a));
    ALL.put(
        "iif",
        new Function(
            3,
            3,
            false,
            (a, c) -> Values.bool(a.get(0).eval(c), "iif") ? a.get(1).eval(c) : a.get(2).eval(c)));
    eager("decode", 3, MANY, (a, c) -> decode(a));
    ALL.put("coalesce", new Function(1, MANY, false, Functions::coalesce));
    eager("to_integer", 1, 1, (a, c) -> Conversions.toInteger(a.get(0)));
    eager("to_bigint", 1, 1, (a, c) -> Conversions.toBigInt(a.get(0)));
    eager("to_decimal", 1, 1, (a, c) -> Conversions.toDecimal(a.get(0)));
    eager("to_float", 1, 1, (a, c) -> Conversions.toFloat(a.get(0)));
    eager("sha256", 1, 2, (a, c) -> sha256(a));
    eager("nullify", 0, 0, (a, c) -> null);
    ALL.put(
        "contains_key",
        new Function(1, 1, true, (a, c) -> ((Node.Path) a.get(0)).path().exists(c.record())));
  }

  private Functions() {}

  /** The function of that name, or null. Names are case-sensitive like field names. */
  static Function get(String name) {
    return ALL.get(name);
  }

  /** A function of its evaluated arguments. */
  private static void eager(String name, int min, int max, Eager e) {
    ALL.put(
        name,
        new Function(
            min,
            max,
            false,
            (args, ctx) -> e.apply(args.stream().map(n -> n.eval(ctx)).toList(), ctx)));
  }

  private static Object str(List<Object> a, String fn, UnaryOperator<String> op) {
    Object v = a.get(0);
    return v == null ? null : op.apply(Values.string(v, fn));
  }

  /**
   * [INF] A null part makes the whole result null, as SQL's concat on null does; numbers are
   * written out.
   */
  private static Object concat(List<Object> a) {
    StringBuilder b = new StringBuilder();
    for (Object v : a) {
      if (v == null) {
        return null;
      }
      if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
        throw ExpressionException.eval("concat needs strings, got " + Values.typeName(v));
      }
      b.append(Values.text(v));
    }
    return b.toString();
  }

  /** Zero-based start and a length, clipped to the input (DOC:DP-FN example). */
  private static Object substr(List<Object> a) {
    if (a.get(0) == null) {
      return null;
    }
    String s = Values.string(a.get(0), "substr");
    long start = Values.number(a.get(1), "substr START_INDEX").longValue();
    long len = Values.number(a.get(2), "substr LENGTH").longValue();
    if (start < 0 || len < 0) {
      throw ExpressionException.eval("substr needs a non-negative START_INDEX and LENGTH");
    }
    int from = (int) Math.min(start, s.length());
    return s.substring(from, (int) Math.min(s.length(), from + len));
  }

  /** decode(key, k1, v1, k2, v2, ..., default?): an odd number of options ends with the default. */
  private static Object decode(List<Object> a) {
    Object key = a.get(0);
    int i = 1;
    for (; i + 1 < a.size(); i += 2) {
      if (java.util.Objects.equals(key, a.get(i))) {
        return a.get(i + 1);
      }
    }
    return i < a.size() ? a.get(i) : null;
  }

  private static Object coalesce(List<Node> args, EvalContext ctx) {
    for (Node n : args) {
      Object v = n.eval(ctx);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static Object sha256(List<Object> a) {
    if (a.get(0) == null) {
      return null;
    }
    String s = Values.string(a.get(0), "sha256");
    Charset cs = StandardCharsets.UTF_8;
    if (a.size() > 1) {
      String name = Values.string(a.get(1), "sha256 CHARSET");
      try {
        cs = Charset.forName(name);
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        throw ExpressionException.eval("sha256: unknown charset " + name);
      }
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(cs)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  static String rfc3339(ZonedDateTime t) {
    return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
