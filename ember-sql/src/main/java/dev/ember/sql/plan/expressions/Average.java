package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.util.List;

/**
 * {@code avg(x)}: the mean of the non-NULL values as a double (decimal(p+4,s+4) for decimal(p,s));
 * NULL when there are none.
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
    if (input.dataType() instanceof DecimalType d) {
      // Spark: four more digits, all after the point, for the mean of a decimal.
      return DecimalType.bounded(d.precision() + 4, d.scale() + 4);
    }
    return DataTypes.DoubleType;
  }

  @Override
  public boolean nullable() {
    return true;
  }
}
