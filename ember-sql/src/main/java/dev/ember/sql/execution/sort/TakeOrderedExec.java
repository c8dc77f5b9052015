package dev.ember.sql.execution.sort;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.expressions.BindReferences;
import dev.ember.sql.execution.Distribution;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.ExplainStrings;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.spill.RowBatches;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.plan.expressions.SortOrder;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code ORDER BY ... LIMIT n} without sorting everything (Spark's {@code TakeOrderedAndProject}): each
 * partition keeps its first {@code n} rows in the order in a bounded heap ({@link TopRows}), at most {@code n}
 * rows a partition move to a single partition, and the same step there picks the final {@code n}, sorted.
 * Planned twice, like a limit: a local step over the input and a global one, which requires all rows in one
 * partition, over the exchange. The planner uses it for limits up to
 * {@code spark.sql.execution.topKSortFallbackThreshold} rows (the heap is held in memory); larger limits sort,
 * which spills.
 */
public final class TakeOrderedExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final int limit;
  private final List<SortOrder> order;
  private final boolean global;
  private final PhysicalPlan child;
  private transient volatile boolean mergedOnDriver;

  /** The first {@code limit} rows of {@code child} by {@code order}; {@code global} over all partitions. */
  public TakeOrderedExec(int limit, List<SortOrder> order, boolean global, PhysicalPlan child) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    this.limit = limit;
    this.order = List.copyOf(order);
    this.global = global;
    this.child = child;
  }

  /** The plan of {@code limit} rows of {@code child} by {@code order}: a local step, an exchange, a global one. */
  public static TakeOrderedExec of(int limit, List<SortOrder> order, PhysicalPlan child) {
    return new TakeOrderedExec(limit, order, true, new TakeOrderedExec(limit, order, false, child));
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return new TakeOrderedExec(limit, order, global, newChildren.get(0));
  }

  @Override
  public List<Distribution> requiredChildDistribution() {
    return List.of(global ? new Distribution.AllTuples() : new Distribution.Unspecified());
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public Partitioning outputPartitioning() {
    return child.outputPartitioning();
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    List<Expression> keys = new ArrayList<>();
    for (SortOrder o : order) {
      keys.add(BindReferences.bind(o.child(), child.output()));
    }
    RowComparator comparator = RowComparator.forKeys(order);
    List<DataType> types = child.output().stream().map(AttributeReference::dataType).toList();
    int n = limit;
    mergedOnDriver = false;
    return child.execute(context).mapPartitions(batches -> take(batches, n, keys, comparator, types));
  }

  /**
   * The global step over a planned single-partition exchange, as Spark's {@code executeCollect} does it: the
   * partitions' top rows (at most {@code limit} a partition) are collected and the final ones picked on the
   * driver, so no shuffle stage runs to move those few rows into one partition. Otherwise as {@link #execute}.
   */
  @Override
  public List<ColumnarBatch> executeCollect(ExecutionContext context) {
    PhysicalPlan input = singlePartitionExchangeInput();
    if (input == null) {
      mergedOnDriver = false;
      return super.executeCollect(context);
    }
    List<ColumnarBatch> tops = input.execute(context).collect();
    List<Expression> keys = new ArrayList<>();
    for (SortOrder o : order) {
      keys.add(BindReferences.bind(o.child(), input.output()));
    }
    List<DataType> types = input.output().stream().map(AttributeReference::dataType).toList();
    List<ColumnarBatch> result = new ArrayList<>();
    take(tops.iterator(), limit, keys, RowComparator.forKeys(order), types).forEachRemaining(result::add);
    mergedOnDriver = true;
    return result;
  }

  /**
   * The input of the exchange under this global step when that exchange only gathers the rows into one
   * partition ({@link PhysicalPlan#gathersIntoOnePartition}) and the order is deterministic (its keys are then
   * evaluated on the driver); else null.
   */
  private PhysicalPlan singlePartitionExchangeInput() {
    if (!global || !child.gathersIntoOnePartition()
        || order.stream().anyMatch(ScalarFunction::containsNondeterministic)) {
      return null;
    }
    return child.children().get(0);
  }

  private static Iterator<ColumnarBatch> take(Iterator<ColumnarBatch> batches, int limit, List<Expression> keys,
      RowComparator comparator, List<DataType> types) {
    TopRows top = new TopRows(limit, keys, comparator);
    while (batches.hasNext()) {
      top.add(batches.next());
    }
    return new RowBatches(top.sorted().iterator(), types);
  }

  @Override
  public String simpleString() {
    String orderBy = "limit=" + limit + ", orderBy=" + ExplainStrings.list(order);
    if (!global) {
      return "LocalTakeOrdered(" + orderBy + ")";
    }
    return "TakeOrderedAndProject(" + orderBy + ", output=" + ExplainStrings.list(output()) + ")"
        + (mergedOnDriver ? " merged on the driver: the exchange below did not run" : "");
  }
}
