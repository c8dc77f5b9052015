package dev.ember.sql.execution.joinfilter;

import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Objects;

/**
 * A runtime join filter before it is built (Spark's {@code might_contain} over a Bloom filter subquery): TRUE
 * for the rows whose {@code child} key may equal a value of {@code creationKey} in {@code creationPlan}'s output.
 * The optimizer's {@code InjectRuntimeFilter} places it above a join's application-side scan; before the query
 * runs, the creation plan is run, its distinct keys become a {@link KeyFilter}, and this node is replaced by a
 * {@link RuntimeFilterPredicate} (or by TRUE when the keys are too many to filter well). It cannot be evaluated.
 *
 * @param child the application side's key
 * @param creationPlan the plan producing the creation side's keys
 * @param creationKey the creation side's key, a column of {@code creationPlan}'s output
 * @param applicationRows the estimated rows of the application side's scan, to judge the filter's selectivity
 */
public record RuntimeFilter(Expression child, LogicalPlan creationPlan, AttributeReference creationKey,
    long applicationRows) implements Expression {

  /** Validates the parts. */
  public RuntimeFilter {
    Objects.requireNonNull(child, "child is null");
    Objects.requireNonNull(creationPlan, "creationPlan is null");
    Objects.requireNonNull(creationKey, "creationKey is null");
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new RuntimeFilter(c.get(0), creationPlan, creationKey, applicationRows);
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    return false;
  }

  @Override
  public String sql() {
    return "runtime_filter(" + child.sql() + ", from [" + creationKey + "])";
  }
}
