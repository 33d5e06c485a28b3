package dev.aep.simulator.dataprep;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A parsed Data Prep expression (DOC:DP-FN, platform-api.md 14). Parsing rejects bad syntax and
 * unknown functions with the position; evaluation turns record values into the column value.
 */
public final class Expression {
  /** Expressions are capped at 4096 characters (DOC:DP-FAQ). */
  public static final int MAX_LENGTH = 4096;

  private final String text;
  private final Node root;

  private Expression(String text, Node root) {
    this.text = text;
    this.root = root;
  }

  /** Parses; ExpressionException names the fault and its position. */
  public static Expression parse(String text) {
    if (text != null && text.length() > MAX_LENGTH) {
      throw new ExpressionException(
          "Expression is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
    }
    return new Expression(text, ExpressionParser.parse(text));
  }

  /**
   * The value for a record; null when the expression yields null. ExpressionException on a bad
   * value.
   */
  public JsonNode evaluate(EvalContext ctx) {
    JsonNode v = Values.toJson(root.eval(ctx));
    return v.isNull() ? null : v;
  }

  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
