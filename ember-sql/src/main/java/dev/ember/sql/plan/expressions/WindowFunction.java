package dev.ember.sql.plan.expressions;

/**
 * A function only defined over a window ({@code rank()}, {@code lag(x)}, ...), as opposed to an aggregate
 * function, which may also be computed over a window. It must appear in a {@link WindowExpression}.
 */
public interface WindowFunction extends Expression {

  /** The function name as Spark prints it, e.g. {@code row_number}. */
  String prettyName();

  /** Whether the function needs an ORDER BY in its window (all but first_value, last_value, nth_value). */
  default boolean requiresOrder() {
    return true;
  }

  /** Whether the function reads a frame; the others ignore it and reject frames that differ from theirs. */
  default boolean usesFrame() {
    return false;
  }

  @Override
  default boolean foldable() {
    return false;
  }
}
