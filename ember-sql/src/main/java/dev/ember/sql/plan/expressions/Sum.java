package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.util.List;

/**
 * {@code sum(x)}: bigint for integral input, double for double, decimal(p+10,s) for decimal(p,s);
 * NULL when no non-NULL input.
 *
 * @param input the aggregated expression
 */
public record Sum(Expression input) implements AggregateFunction {

  @Override
  public String prettyName() {
    return "sum";
  }

  @Override
  public List<Expression> children() {
    return List.of(input);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new Sum(c.get(0));
  }

  @Override
  public DataType dataType() {
    if (input.dataType() instanceof DecimalType d) {
      // Spark: ten more integral digits for the sum of a decimal.
      return DecimalType.bounded(d.precision() + 10, d.scale());
    }
    return input.dataType() == DataTypes.DoubleType ? DataTypes.DoubleType : DataTypes.LongType;
  }

  @Override
  public boolean nullable() {
    return true;
  }
}
