package dev.aep.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.simulator.http.ApiError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One `property=` expression (platform-api.md 2.3 / DOC:FILTER): field path with dots and `[]` for
 * arrays, an operator (==, !=, <, <=, >, >=; none = "exists"), a comma list meaning "any of".
 */
record PropertyFilter(String field, String op, List<String> values) {
  private static final Pattern EXPR =
      Pattern.compile("^([A-Za-z0-9_.\\[\\]:@$-]+?)\\s*(==|!=|<=|>=|<|>|~)\\s*(.*)$");
  private static final Pattern FIELD = Pattern.compile("^[A-Za-z0-9_.\\[\\]:@$-]+$");

  /** Parses an expression; IllegalArgumentException when the syntax is wrong. */
  static PropertyFilter parse(String expr) {
    Matcher m = EXPR.matcher(expr.trim());
    if (m.matches()) {
      if (m.group(3).isEmpty()) {
        throw new IllegalArgumentException("filter value missing in '" + expr + "'");
      }
      return new PropertyFilter(m.group(1), m.group(2), Arrays.asList(m.group(3).split(",")));
    }
    if (FIELD.matcher(expr.trim()).matches()) {
      return new PropertyFilter(expr.trim(), "exists", List.of());
    }
    throw new IllegalArgumentException("invalid filter '" + expr + "'");
  }

  /**
   * Every {@code property=} value of a request, parsed: a syntax error is answered with {@code
   * invalid(message)}; a service without the regex operator passes {@code noRegex}, which answers a
   * {@code ~} expression.
   */
  static List<PropertyFilter> parseAll(
      List<String> exprs, Function<String, ApiError> invalid, Function<String, ApiError> noRegex) {
    List<PropertyFilter> out = new ArrayList<>();
    for (String expr : exprs) {
      PropertyFilter filter;
      try {
        filter = parse(expr);
      } catch (IllegalArgumentException e) {
        throw invalid.apply(e.getMessage());
      }
      if (noRegex != null && filter.op().equals("~")) {
        throw noRegex.apply(expr);
      }
      out.add(filter);
    }
    return out;
  }

  /** Whether a document passes every filter. */
  static boolean all(List<PropertyFilter> filters, JsonNode doc) {
    return filters.stream().allMatch(f -> f.matches(doc));
  }

  boolean matches(JsonNode doc) {
    List<String> leaves = leaves(doc, field);
    switch (op) {
      case "exists":
        return !leaves.isEmpty();
      case "==":
        return leaves.stream().anyMatch(values::contains);
      case "!=":
        return leaves.stream().noneMatch(values::contains);
      case "~":
        return leaves.stream().anyMatch(l -> Pattern.compile(values.get(0)).matcher(l).find());
      default:
        String v = values.get(0);
        return leaves.stream().anyMatch(l -> compareOk(compare(l, v)));
    }
  }

  private boolean compareOk(int c) {
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  /**
   * Compares numerically when both sides are numbers (epoch values arrive as strings), else as
   * text.
   */
  static int compare(String a, String b) {
    try {
      return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }

  /** Text values at a dotted path; "x[]" walks into every element of array x. */
  static List<String> leaves(JsonNode doc, String path) {
    List<JsonNode> current = List.of(doc);
    for (String seg : path.split("\\.")) {
      boolean each = seg.endsWith("[]");
      String name = each ? seg.substring(0, seg.length() - 2) : seg;
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode n : current) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
          continue;
        }
        if (v.isArray()) {
          v.forEach(next::add);
        } else {
          next.add(v);
        }
      }
      current = next;
    }
    List<String> out = new ArrayList<>();
    for (JsonNode n : current) {
      if (n.isValueNode()) {
        out.add(n.asText());
      }
    }
    return out;
  }
}
