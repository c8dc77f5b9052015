package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * {@code function OVER (window)}: a window function or an aggregate function evaluated, for each row, over
 * the frame of that row in its partition. The analyzer moves these out of select lists into
 * {@code Window} operators.
 *
 * @param windowFunction a {@link WindowFunction} or an {@link AggregateFunction} (or, unresolved, a call)
 * @param spec the window
 */
public record WindowExpression(Expression windowFunction, WindowSpecDefinition spec) implements Expression {

  /** Validates the expression. */
  public WindowExpression {
    Objects.requireNonNull(windowFunction, "windowFunction is null");
    Objects.requireNonNull(spec, "spec is null");
  }

  @Override
  public List<Expression> children() {
    return List.of(windowFunction, spec);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new WindowExpression(c.get(0), (WindowSpecDefinition) c.get(1));
  }

  @Override
  public DataType dataType() {
    return windowFunction.dataType();
  }

  @Override
  public boolean nullable() {
    return windowFunction.nullable();
  }

  @Override
  public String sql() {
    return windowFunction.sql() + " OVER (" + spec.sql() + ")";
  }
}
