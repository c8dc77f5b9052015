package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;

/**
 * {@code count(DISTINCT x)}: the number of distinct non-NULL values. Not executed directly: the optimizer
 * rewrites it into a count over a grouping by {@code x} (RewriteDistinctAggregates).
 *
 * @param input the counted expression
 */
public record CountDistinct(Expression input) implements AggregateFunction {

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
    return new CountDistinct(c.get(0));
  }

  @Override
  public DataType dataType() {
    return DataTypes.LongType;
  }

  @Override
  public boolean nullable() {
    return false;
  }

  @Override
  public String sql() {
    return "count(DISTINCT " + input.sql() + ")";
  }
}
