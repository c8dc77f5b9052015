package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;

/**
 * {@code min(x)}: the least non-NULL value; NULL when there is none.
 *
 * @param input the aggregated expression
 */
public record Min(Expression input) implements AggregateFunction {

  @Override
  public String prettyName() {
    return "min";
  }

  @Override
  public List<Expression> children() {
    return List.of(input);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new Min(c.get(0));
  }

  @Override
  public DataType dataType() {
    return input.dataType();
  }

  @Override
  public boolean nullable() {
    return true;
  }
}
