package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;

/**
 * {@code count(x)}: the number of rows where x is not NULL ({@code count(*)} is {@code count(1)}).
 *
 * @param input the aggregated expression
 */
public record Count(Expression input) implements AggregateFunction {

  @Override
  public String prettyName() {
    return "count";
  }

  @Override
  public List<Expression> children() {
    return List.of(input);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new Count(c.get(0));
  }

  @Override
  public DataType dataType() {
    return DataTypes.LongType;
  }

  @Override
  public boolean nullable() {
    return false;
  }
}
