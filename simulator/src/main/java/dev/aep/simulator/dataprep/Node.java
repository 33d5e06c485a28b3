package dev.aep.simulator.dataprep;

import java.util.List;

/**
 * A parsed expression tree node; evaluation throws ExpressionException (position -1) on bad values.
 */
sealed interface Node {
  Object eval(EvalContext ctx);

  /** A literal string, number, boolean or null. */
  record Literal(Object value) implements Node {
    @Override
    public Object eval(EvalContext ctx) {
      return value;
    }
  }

  /** A field of the record. */
  record Path(SourcePath path) implements Node {
    @Override
    public Object eval(EvalContext ctx) {
      return Values.fromJson(path.lookup(ctx.record()));
    }
  }

  /** A function call; the function was resolved (and its argument count checked) while parsing. */
  record Call(Functions.Function function, List<Node> args) implements Node {
    @Override
    public Object eval(EvalContext ctx) {
      return function.apply(args, ctx);
    }
  }

  /** A binary operator. */
  record Binary(String op, Node left, Node right) implements Node {
    @Override
    public Object eval(EvalContext ctx) {
      if (op.equals("&&")) {
        return Values.bool(left.eval(ctx), "&&") && Values.bool(right.eval(ctx), "&&");
      }
      if (op.equals("||")) {
        return Values.bool(left.eval(ctx), "||") || Values.bool(right.eval(ctx), "||");
      }
      return Operators.binary(op, left.eval(ctx), right.eval(ctx));
    }
  }

  /** A unary ! or -. */
  record Unary(String op, Node operand) implements Node {
    @Override
    public Object eval(EvalContext ctx) {
      Object v = operand.eval(ctx);
      if (op.equals("!")) {
        return !Values.bool(v, "!");
      }
      return Operators.binary("-", 0L, v);
    }
  }
}
