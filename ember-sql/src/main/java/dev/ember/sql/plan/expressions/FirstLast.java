package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;

/**
 * {@code first(x[, ignoreNulls])} and {@code last(x[, ignoreNulls])}: a value of the group's first (last) row
 * in the order rows arrive, which, as in Spark, is not deterministic after a shuffle.
 *
 * @param input the aggregated expression
 * @param ignoreNulls whether NULL values are skipped
 * @param last whether this is {@code last}
 */
public record FirstLast(Expression input, boolean ignoreNulls, boolean last) implements AggregateFunction {

  @Override
  public String prettyName() {
    return last ? "last" : "first";
  }

  @Override
  public List<Expression> children() {
    return List.of(input);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new FirstLast(c.get(0), ignoreNulls, last);
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
