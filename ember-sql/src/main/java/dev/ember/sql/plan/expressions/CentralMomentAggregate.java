package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;

/**
 * The variance and standard deviation aggregates ({@code var_samp}, {@code var_pop}, {@code stddev_samp},
 * {@code stddev_pop}; {@code variance} and {@code stddev} are the sample ones), over doubles. NULL without
 * input, and for the sample forms with a single value, as in Spark.
 *
 * @param name the function name as Spark prints it
 * @param input the aggregated expression, cast to double
 */
public record CentralMomentAggregate(String name, Expression input) implements AggregateFunction {

  /** Whether this is a sample (n - 1) rather than population (n) statistic. */
  public boolean sample() {
    return !name.endsWith("_pop");
  }

  /** Whether the result is the square root of the variance. */
  public boolean standardDeviation() {
    return name.startsWith("stddev") || name.equals("std");
  }

  @Override
  public String prettyName() {
    return name;
  }

  @Override
  public List<Expression> children() {
    return List.of(input);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new CentralMomentAggregate(name, c.get(0));
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
