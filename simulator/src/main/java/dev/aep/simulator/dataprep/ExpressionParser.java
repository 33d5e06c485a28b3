package dev.aep.simulator.dataprep;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for Data Prep expressions (DOC:DP-FN): paths ({@code data.a.b}, {@code
 * ${odd name}}, {@code [0]}), string and number literals, true/false/null, + - * / %, comparisons,
 * && || !, parentheses and function calls. Precedence, loosest first: ||, &&, == !=, < <= > >=, +
 * -, * / %, unary ! -.
 */
final class ExpressionParser {
  /** Words that must be wrapped in ${...} to be used as field names (DOC:DP-FN). */
  private static final Set<String> RESERVED =
      Set.of(
          "new",
          "mod",
          "or",
          "break",
          "var",
          "lt",
          "for",
          "while",
          "eq",
          "gt",
          "div",
          "not",
          "continue",
          "else",
          "and",
          "ne",
          "le",
          "if",
          "ge",
          "return",
          "_errors",
          "do",
          "function",
          "empty",
          "size");

  /** The binary operators of each precedence level, loosest first; all are left-associative. */
  private static final String[][] LEVELS = {
    {"||"}, {"&&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"+", "-"}, {"*", "/", "%"}
  };

  private final String src;
  private int pos;

  private ExpressionParser(String src) {
    this.src = src;
  }

  static Node parse(String text) {
    if (text == null || text.isBlank()) {
      throw new ExpressionException("Empty expression", 0);
    }
    ExpressionParser p = new ExpressionParser(text);
    Node n = p.expression();
    p.skipSpace();
    if (p.pos < text.length()) {
      throw new ExpressionException("Unexpected '" + text.charAt(p.pos) + "'", p.pos);
    }
    return n;
  }

  /** A whole (sub)expression: the loosest level. */
  private Node expression() {
    return binary(0);
  }

  /** Operands of the next tighter level joined by this level's operators. */
  private Node binary(int level) {
    if (level == LEVELS.length) {
      return unary();
    }
    Node n = binary(level + 1);
    for (String op = acceptAny(LEVELS[level]); op != null; op = acceptAny(LEVELS[level])) {
      n = new Node.Binary(op, n, binary(level + 1));
    }
    return n;
  }

  private Node unary() {
    skipSpace();
    if (peek() == '!' && peekAt(1) != '=') {
      pos++;
      return new Node.Unary("!", unary());
    }
    if (peek() == '-' && !Character.isDigit(peekAt(1))) {
      pos++;
      return new Node.Unary("-", unary());
    }
    return primary();
  }

  private Node primary() {
    skipSpace();
    int start = pos;
    char ch = peek();
    if (ch == 0) {
      throw new ExpressionException("Unexpected end of expression", pos);
    }
    if (ch == '(') {
      pos++;
      Node n = expression();
      expect(')');
      return n;
    }
    if (ch == '"' || ch == '\'') {
      return new Node.Literal(string(ch));
    }
    if (Character.isDigit(ch) || ch == '-') {
      return new Node.Literal(number());
    }
    if (ch == '$' && peekAt(1) == '{') {
      return path(start);
    }
    if (Character.isLetter(ch) || ch == '_' || ch == '$') {
      String word = identifier();
      skipSpace();
      if (peek() == '(') {
        return call(word, start);
      }
      return switch (word) {
        case "true" -> new Node.Literal(Boolean.TRUE);
        case "false" -> new Node.Literal(Boolean.FALSE);
        case "null" -> new Node.Literal(null);
        default -> {
          pos = start;
          yield path(start);
        }
      };
    }
    throw new ExpressionException("Unexpected '" + ch + "'", pos);
  }

  private Node call(String name, int start) {
    Functions.Function f = Functions.get(name);
    if (f == null) {
      throw new ExpressionException("Unknown function '" + name + "'", start);
    }
    expect('(');
    List<Node> args = new ArrayList<>();
    skipSpace();
    if (peek() != ')') {
      do {
        args.add(expression());
      } while (accept(","));
    }
    expect(')');
    if (args.size() < f.minArgs() || args.size() > f.maxArgs()) {
      String want =
          f.minArgs() == f.maxArgs()
              ? Integer.toString(f.minArgs())
              : f.maxArgs() == Integer.MAX_VALUE
                  ? "at least " + f.minArgs()
                  : f.minArgs() + " to " + f.maxArgs();
      throw new ExpressionException(
          "Function '" + name + "' takes " + want + " arguments, got " + args.size(), start);
    }
    if (f.pathArgument() && !(args.get(0) instanceof Node.Path)) {
      throw new ExpressionException("Function '" + name + "' takes a field path", start);
    }
    return new Node.Call(f, List.copyOf(args));
  }

  /** A path: segments joined by '.', each an identifier or ${...}, each optionally indexed. */
  private Node path(int start) {
    List<Object> segs = new ArrayList<>();
    do {
      int segStart = pos;
      if (peek() == '$' && peekAt(1) == '{') {
        int close = src.indexOf('}', pos + 2);
        if (close < 0) {
          throw new ExpressionException("Unclosed '${'", pos);
        }
        String name = src.substring(pos + 2, close).replace("\\.", ".");
        if (name.isEmpty()) {
          throw new ExpressionException("Empty field name in '${}'", pos);
        }
        segs.add(name);
        pos = close + 1;
      } else if (Character.isLetter(peek()) || peek() == '_' || peek() == '$') {
        String word = identifier();
        if (RESERVED.contains(word)
            || Functions.get(word) != null
            || Set.of("true", "false", "null").contains(word)) {
          throw new ExpressionException(
              "Reserved word '" + word + "' must be written ${" + word + "} as a field name",
              segStart);
        }
        segs.add(word);
      } else {
        throw new ExpressionException("Expected a field name", pos);
      }
      while (peek() == '[') {
        int close = src.indexOf(']', pos);
        String idx = close < 0 ? "" : src.substring(pos + 1, close).trim();
        if (!idx.matches("\\d+")) {
          throw new ExpressionException("Array index must be a non-negative integer", pos);
        }
        segs.add(Integer.parseInt(idx));
        pos = close + 1;
      }
    } while (peek() == '.' && advance());
    return new Node.Path(new SourcePath(List.copyOf(segs)));
  }

  private String identifier() {
    int s = pos;
    while (pos < src.length()
        && (Character.isLetterOrDigit(src.charAt(pos))
            || src.charAt(pos) == '_'
            || src.charAt(pos) == '$')) {
      pos++;
    }
    return src.substring(s, pos);
  }

  private String string(char quote) {
    int start = pos;
    pos++;
    StringBuilder b = new StringBuilder();
    while (pos < src.length() && src.charAt(pos) != quote) {
      char ch = src.charAt(pos++);
      if (ch == '\\' && pos < src.length()) {
        char e = src.charAt(pos++);
        b.append(
            switch (e) {
              case 'n' -> '\n';
              case 't' -> '\t';
              default -> e;
            });
      } else {
        b.append(ch);
      }
    }
    if (pos >= src.length()) {
      throw new ExpressionException("Unterminated string", start);
    }
    pos++;
    return b.toString();
  }

  private Object number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    while (Character.isDigit(peek())) {
      pos++;
    }
    boolean decimal = false;
    if (peek() == '.' && Character.isDigit(peekAt(1))) {
      decimal = true;
      pos++;
      while (Character.isDigit(peek())) {
        pos++;
      }
    }
    if (Character.isLetter(peek()) || peek() == '_') {
      throw new ExpressionException("Malformed number", start);
    }
    String t = src.substring(start, pos);
    try {
      return decimal ? (Object) Double.parseDouble(t) : (Object) Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw new ExpressionException("Number out of range: " + t, start);
    }
  }

  private boolean advance() {
    pos++;
    return true;
  }

  private void expect(char ch) {
    skipSpace();
    if (peek() != ch) {
      throw new ExpressionException(
          peek() == 0
              ? "Expected '" + ch + "' before the end"
              : "Expected '" + ch + "' but found '" + peek() + "'",
          pos);
    }
    pos++;
  }

  private boolean accept(String token) {
    skipSpace();
    if (src.startsWith(token, pos)) {
      pos += token.length();
      return true;
    }
    return false;
  }

  private String acceptAny(String... tokens) {
    skipSpace();
    for (String t : tokens) {
      if (src.startsWith(t, pos)
          && !(t.length() == 1 && "<>".contains(t) && src.startsWith("=", pos + 1))) {
        pos += t.length();
        return t;
      }
    }
    return null;
  }

  private void skipSpace() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    return pos < src.length() ? src.charAt(pos) : 0;
  }

  private char peekAt(int ahead) {
    return pos + ahead < src.length() ? src.charAt(pos + ahead) : 0;
  }
}
