package dev.ember.sql.execution.columnar;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.ExplainStrings;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.List;

/**
 * Reads a cached plan's batches from the persisted core RDD (computing and storing them on first use). Its
 * partitioning is the cached plan's, so no exchange is added that the cached data already satisfies.
 */
public final class InMemoryTableScanExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final List<AttributeReference> output;
  private final CachedBatches cachedBatches;
  private final boolean reusedSubplan;

  /** A scan of {@code cachedBatches}, whose columns are {@code output}. */
  public InMemoryTableScanExec(List<AttributeReference> output, CachedBatches cachedBatches) {
    this(output, cachedBatches, false);
  }

  /**
   * A scan of {@code cachedBatches}; {@code reusedSubplan} when they are a query-scoped cache of a subplan the
   * query shares with its subqueries (EXPLAIN says so).
   */
  public InMemoryTableScanExec(List<AttributeReference> output, CachedBatches cachedBatches,
      boolean reusedSubplan) {
    this.output = List.copyOf(output);
    this.cachedBatches = cachedBatches;
    this.reusedSubplan = reusedSubplan;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of();
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return this;
  }

  @Override
  public List<AttributeReference> output() {
    return output;
  }

  @Override
  public Partitioning outputPartitioning() {
    return cachedBatches.plan().outputPartitioning();
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    return cachedBatches.batches(context);
  }

  @Override
  public String simpleString() {
    return "InMemoryTableScan " + ExplainStrings.list(output) + ", " + cachedBatches.storageLevel()
        + (reusedSubplan ? ", ReusedSubplan (computed once for the query and its subqueries)" : "");
  }
}
