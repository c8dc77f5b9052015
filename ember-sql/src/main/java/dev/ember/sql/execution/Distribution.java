package dev.ember.sql.execution;

import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.SortOrder;
import java.util.List;

/**
 * What an operator requires of how its input rows are spread over partitions. EnsureRequirements compares
 * it with the child's {@link Partitioning} and inserts an exchange where it is not satisfied.
 */
public sealed interface Distribution {

  /** Any partitioning will do. */
  record Unspecified() implements Distribution {
  }

  /** Every row in one partition (global sort, global limit, aggregation without GROUP BY). */
  record AllTuples() implements Distribution {
  }

  /**
   * Rows with equal {@code clustering} values in the same partition (final aggregation).
   *
   * @param clustering the expressions rows are clustered by
   */
  record Clustered(List<Expression> clustering) implements Distribution {
    /** Copies the expressions. */
    public Clustered {
      clustering = List.copyOf(clustering);
    }
  }

  /**
   * Rows range-partitioned by {@code ordering}, so sorting each partition sorts the whole (global sort).
   *
   * @param ordering the sort keys
   */
  record Ordered(List<SortOrder> ordering) implements Distribution {
    /** Copies the ordering. */
    public Ordered {
      ordering = List.copyOf(ordering);
    }
  }

  /**
   * Rows hash-partitioned on exactly {@code clustering}, in order (a shuffled join): both inputs of the
   * join must then place equal keys in the same partition number, which a subset or a single partition of
   * one side would not guarantee.
   *
   * @param clustering the expressions rows are hashed by
   */
  record HashClustered(List<Expression> clustering) implements Distribution {
    /** Copies the expressions. */
    public HashClustered {
      clustering = List.copyOf(clustering);
    }
  }

  /** Whether {@code partitioning} satisfies this requirement. */
  default boolean satisfiedBy(Partitioning partitioning) {
    if (partitioning instanceof Partitioning.Collection collection) {
      return collection.partitionings().stream().anyMatch(this::satisfiedBy);
    }
    if (this instanceof HashClustered exact) {
      return partitioning instanceof Partitioning.Hash hash && hash.expressions().equals(exact.clustering());
    }
    if (this instanceof Unspecified || partitioning instanceof Partitioning.Single) {
      return true;
    }
    if (this instanceof Clustered clustered && partitioning instanceof Partitioning.Hash hash) {
      // Rows equal on all required expressions are equal on any subset, so hashing on a subset clusters them.
      return !hash.expressions().isEmpty() && clustered.clustering().containsAll(hash.expressions());
    }
    if (this instanceof Ordered ordered && partitioning instanceof Partitioning.Range range) {
      return range.ordering().equals(ordered.ordering());
    }
    return false;
  }
}
