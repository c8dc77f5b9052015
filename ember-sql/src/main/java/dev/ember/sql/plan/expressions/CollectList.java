package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import java.util.List;

/**
 * {@code collect_list(x)} and {@code collect_set(x)}: the group's non-NULL values as an array, in the order
 * rows arrive (not deterministic after a shuffle, as in Spark), without duplicates for the set.
 *
 * @param input the aggregated expression
 * @param set whether duplicates are dropped
 */
public record CollectList(Expression input, boolean set) implements AggregateFunction {

  @Override
  public String prettyName() {
    return set ? "collect_set" : "collect_list";
  }

  @Override
  public List<Expression> children() {
    return List.of(input);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new CollectList(c.get(0), set);
  }

  @Override
  public DataType dataType() {
    return new ArrayType(input.dataType(), false);
  }

  @Override
  public boolean nullable() {
    return false;
  }
}
