package dev.ember.sql.execution.columnar;

import dev.ember.sql.execution.ExplainStrings;
import dev.ember.sql.plan.SizedRelation;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.List;
import java.util.Objects;

/**
 * A subplan a query shares with its subqueries, computed once for the query and read from a query-scoped cache:
 * in the plan where the subplan was, with its columns, and with the subplan's estimated size so join planning
 * above it chooses as it did before (a broadcast of a small side stays a broadcast).
 *
 * @param output the subplan's columns
 * @param cachedBatches the query-scoped cache of its batches
 * @param sizeInBytes the subplan's estimated size
 */
public record ReusedSubplanRelation(List<AttributeReference> output, CachedBatches cachedBatches, long sizeInBytes)
    implements SizedRelation {

  /** Copies the output. */
  public ReusedSubplanRelation {
    output = List.copyOf(output);
    Objects.requireNonNull(cachedBatches, "cachedBatches is null");
  }

  @Override
  public String simpleString() {
    return "ReusedSubplan " + ExplainStrings.list(output) + ", " + cachedBatches.storageLevel();
  }
}
