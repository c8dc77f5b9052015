package dev.ember.sql.execution;

import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.SortOrder;
import java.util.List;

/**
 * How an operator's output rows are spread over partitions; operators compare it with the distribution
 * they require and the planner inserts an exchange where it does not satisfy it.
 */
public sealed interface Partitioning extends java.io.Serializable {

  /** The number of partitions. */
  int numPartitions();

  /** No known relationship between rows and partitions. */
  record Unknown(int numPartitions) implements Partitioning {
  }

  /** Every row in one partition. */
  record Single() implements Partitioning {
    @Override
    public int numPartitions() {
      return 1;
    }
  }

  /** Rows with equal {@code expressions} are in the same partition. */
  record Hash(List<Expression> expressions, int numPartitions) implements Partitioning {
    /** Copies the expressions. */
    public Hash {
      expressions = List.copyOf(expressions);
    }
  }

  /**
   * Rows partitioned in each of several ways at once (Spark's PartitioningCollection): the output of an
   * inner shuffled join is partitioned both by its left keys and by its right keys, which are equal.
   */
  record Collection(List<Partitioning> partitionings) implements Partitioning {
    /** Copies the partitionings; they have one number of partitions. */
    public Collection {
      partitionings = List.copyOf(partitionings);
      if (partitionings.isEmpty()) {
        throw new IllegalArgumentException("a partitioning collection needs a member");
      }
    }

    @Override
    public int numPartitions() {
      return partitionings.get(0).numPartitions();
    }
  }

  /** Rows ordered by {@code ordering} across partitions: every row of partition i sorts before those of i+1. */
  record Range(List<SortOrder> ordering, int numPartitions) implements Partitioning {
    /** Copies the ordering. */
    public Range {
      ordering = List.copyOf(ordering);
    }
  }
}
