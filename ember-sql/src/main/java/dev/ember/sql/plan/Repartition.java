package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;

/**
 * {@code repartition(n)} (a round-robin shuffle into {@code n} partitions) or {@code coalesce(n)} (merging
 * partitions without a shuffle).
 *
 * @param numPartitions the number of partitions, at least 1
 * @param shuffle true for repartition, false for coalesce
 * @param child the input
 */
public record Repartition(int numPartitions, boolean shuffle, LogicalPlan child) implements ChildScopedNode {

  /** Checks the partition count. */
  public Repartition {
    if (numPartitions <= 0) {
      throw new IllegalArgumentException("Number of partitions (" + numPartitions + ") must be positive.");
    }
  }

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new Repartition(numPartitions, shuffle, newChild);
  }

  @Override
  public List<Expression> expressions() {
    return List.of();
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> newExpressions) {
    return this;
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public String simpleString() {
    return "Repartition " + numPartitions + ", " + shuffle;
  }
}
