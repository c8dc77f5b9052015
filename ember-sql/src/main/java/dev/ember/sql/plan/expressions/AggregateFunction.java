package dev.ember.sql.plan.expressions;

/**
 * A function over the rows of a group (count, sum, avg, min, max). It is computed in two phases, partial per
 * input partition and final after the exchange, so each function also describes its intermediate buffer.
 */
public interface AggregateFunction extends Expression {

  /** The function name as Spark prints it, e.g. {@code sum}. */
  String prettyName();

  /** The single input of the function. */
  Expression input();

  @Override
  default boolean foldable() {
    return false;
  }

  @Override
  default String sql() {
    return prettyName() + "(" + input().sql() + ")";
  }
}
