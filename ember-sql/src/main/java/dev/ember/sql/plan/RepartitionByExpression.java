package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.SortOrder;
import java.util.List;

/**
 * {@code repartition(n, cols...)}: a shuffle into {@code n} partitions by the hash of the expressions, so rows
 * with equal keys end in the same partition. As in Spark, partition expressions that are {@link SortOrder}s
 * ({@code repartitionByRange}, the REPARTITION_BY_RANGE hint) range-partition instead: every row of partition i
 * sorts before those of partition i+1 under that ordering.
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

  /** Whether this range-partitions: its partition expressions are sort orders. */
  public boolean byRange() {
    return !partitionExpressions.isEmpty() && partitionExpressions.get(0) instanceof SortOrder;
  }

  /** The ordering a range partitioning follows: each key's own, or ascending NULLS FIRST for a plain key. */
  public List<SortOrder> rangeOrdering() {
    return partitionExpressions.stream()
        .map(e -> e instanceof SortOrder order ? order : new SortOrder(e, true, true)).toList();
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
    return (byRange() ? "RepartitionByRange " : "RepartitionByExpression ") + TreeStrings.list(partitionExpressions)
        + ", " + numPartitions;
  }
}
