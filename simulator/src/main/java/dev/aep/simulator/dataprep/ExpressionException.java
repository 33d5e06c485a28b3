package dev.aep.simulator.dataprep;

/**
 * A Data Prep expression that cannot be parsed (position >= 0: bad syntax, unknown function) or
 * that fails on a record (position -1: a transformation error, which nulls the column).
 */
public final class ExpressionException extends RuntimeException {
  private final int position;

  public ExpressionException(String message, int position) {
    super(position >= 0 ? message + " at position " + position : message);
    this.position = position;
  }

  /** A failure while evaluating, not tied to a position in the text. */
  public static ExpressionException eval(String message) {
    return new ExpressionException(message, -1);
  }

  /** Zero-based character position of a syntax error; -1 for evaluation errors. */
  public int position() {
    return position;
  }
}
