package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;

/**
 * {@code avg(x)}: the mean of the non-NULL values as a double; NULL when there are none.
 *
 * @param input the aggregated expression
 */
public record Average(Expression input) implements AggregateFunction {

  @Override
  public String prettyName() {
    return "avg";
  }

  @Override
  public List<Expression> children() {
    return List.of(input);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new Average(c.get(0));
  }

  @Override
  public DataType dataType() {
    return DataTypes.DoubleType;
  }

  @Override
  public boolean nullable() {
    return true;
  }
}
