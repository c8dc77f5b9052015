package dev.ember.sql.execution.sort;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.Distribution;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.ExplainStrings;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.expressions.BindReferences;
import dev.ember.sql.execution.expressions.VectorizedEvaluator;
import dev.ember.sql.execution.spill.ExternalRowSorter;
import dev.ember.sql.execution.spill.RowBatches;
import dev.ember.sql.execution.spill.TaskSpill;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.SortOrder;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Sorts each partition: sort keys are evaluated a batch at a time and appended to the rows, the rows are
 * sorted by an {@link ExternalRowSorter} (which spills sorted runs to disk when the task denies it memory
 * and merges them), and batches are rebuilt as the sorted rows are read. A global ORDER BY requires its input
 * range-partitioned on the sort keys, so each task sorts one range and the partitions in order form the
 * result; under a LIMIT it sorts in a single partition instead.
 */
public final class SortExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final List<SortOrder> order;
  private final boolean global;
  private final boolean singlePartition;
  private final PhysicalPlan child;

  /**
   * A sort of {@code child} by {@code order}. A global sort requires its input range-partitioned, or in one
   * partition when {@code singlePartition} (under a LIMIT, which must read the rows in order from one task).
   */
  public SortExec(List<SortOrder> order, boolean global, boolean singlePartition, PhysicalPlan child) {
    this.order = List.copyOf(order);
    this.global = global;
    this.singlePartition = singlePartition;
    this.child = child;
  }

  /** The sort keys. */
  public List<SortOrder> order() {
    return order;
  }

  /** Whether this sort orders all partitions (ORDER BY) rather than each one alone. */
  public boolean global() {
    return global;
  }

  /** This sort, required to produce a single partition. */
  public SortExec inSinglePartition() {
    return new SortExec(order, global, true, child);
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return new SortExec(order, global, singlePartition, newChildren.get(0));
  }

  @Override
  public List<Distribution> requiredChildDistribution() {
    if (!global) {
      return List.of(new Distribution.Unspecified());
    }
    return List.of(singlePartition ? new Distribution.AllTuples() : new Distribution.Ordered(order));
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
    int k = order.size();
    boolean[] ascending = new boolean[k];
    boolean[] nullsFirst = new boolean[k];
    for (int i = 0; i < k; i++) {
      keys.add(BindReferences.bind(order.get(i).child(), child.output()));
      ascending[i] = order.get(i).ascending();
      nullsFirst[i] = order.get(i).nullsFirst();
    }
    int width = child.output().size();
    int[] positions = new int[k];
    for (int i = 0; i < k; i++) {
      positions[i] = width + i;
    }
    RowComparator comparator = new RowComparator(positions, ascending, nullsFirst);
    List<DataType> types = child.output().stream().map(AttributeReference::dataType).toList();
    return child.execute(context).mapPartitions(batches -> sort(batches, keys, comparator, width, types));
  }

  private static Iterator<ColumnarBatch> sort(Iterator<ColumnarBatch> batches, List<Expression> keys,
      RowComparator comparator, int width, List<DataType> types) {
    ExternalRowSorter sorter = new ExternalRowSorter(TaskSpill.forCurrentTask(), comparator);
    while (batches.hasNext()) {
      ColumnarBatch batch = batches.next();
      ColumnVector[] keyColumns = new ColumnVector[keys.size()];
      for (int i = 0; i < keyColumns.length; i++) {
        keyColumns[i] = VectorizedEvaluator.evaluate(keys.get(i), batch);
      }
      for (int r = 0; r < batch.numRows(); r++) {
        Object[] row = new Object[width + keyColumns.length];
        for (int c = 0; c < width; c++) {
          row[c] = batch.column(c).getBoxed(r);
        }
        for (int i = 0; i < keyColumns.length; i++) {
          row[width + i] = keyColumns[i].getBoxed(r);
        }
        sorter.insert(row);
      }
    }
    return new RowBatches(sorter.sortedIterator(), types);
  }

  @Override
  public String simpleString() {
    return "Sort " + ExplainStrings.list(order) + ", " + global;
  }
}
