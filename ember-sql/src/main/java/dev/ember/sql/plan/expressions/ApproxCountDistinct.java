package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;

/**
 * {@code approx_count_distinct(x[, rsd])}: the number of distinct non-NULL values estimated with
 * HyperLogLog++ at relative standard deviation {@code rsd} (Spark's default 0.05), exact in practice for
 * small inputs, where the estimate comes from linear counting.
 *
 * @param input the aggregated expression
 * @param relativeSd the wanted relative standard deviation
 */
public record ApproxCountDistinct(Expression input, double relativeSd) implements AggregateFunction {

  /** The number of index bits: {@code ceil(2 * log2(1.106 / rsd))}, as in Spark. */
  public int precisionBits() {
    return (int) Math.ceil(2.0 * Math.log(1.106 / relativeSd) / Math.log(2.0));
  }

  @Override
  public String prettyName() {
    return "approx_count_distinct";
  }

  @Override
  public List<Expression> children() {
    return List.of(input);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new ApproxCountDistinct(c.get(0), relativeSd);
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
