package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;

/**
 * {@code repartition(n, cols...)}: a shuffle into {@code n} partitions by the hash of the expressions, so rows
 * with equal keys end in the same partition.
 *
 * @param partitionExpressions the keys
 * @param numPartitions the number of partitions, at least 1
 * @param child the input
 */
public record RepartitionByExpression(List<Expression> partitionExpressions, int numPartitions, LogicalPlan child)
    implements ChildScopedNode {

  /** Copies the keys and checks the partition count. */
  public RepartitionByExpression {
    partitionExpressions = List.copyOf(partitionExpressions);
    if (numPartitions <= 0) {
      throw new IllegalArgumentException("Number of partitions (" + numPartitions + ") must be positive.");
    }
  }

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new RepartitionByExpression(partitionExpressions, numPartitions, newChild);
  }

  @Override
  public List<Expression> expressions() {
    return partitionExpressions;
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> newExpressions) {
    return new RepartitionByExpression(newExpressions, numPartitions, child);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public String simpleString() {
    return "RepartitionByExpression " + TreeStrings.list(partitionExpressions) + ", " + numPartitions;
  }
}
