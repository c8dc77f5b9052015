package dev.ember.sql.execution;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.SortOrder;
import java.io.Serializable;
import java.util.List;

/**
 * A node of a physical plan: how to compute, as RDDs of columnar batches run by the core engine. Each
 * operator says how its output is partitioned and prints itself for EXPLAIN. Operators run on the driver
 * to build RDDs; only the functions they hand to those RDDs travel to executors, and those capture
 * serializable values (bound expressions, types), never the operator.
 */
public abstract class PhysicalPlan implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The inputs, in order. */
  public abstract List<PhysicalPlan> children();

  /** The columns produced, in batch column order. */
  public abstract List<AttributeReference> output();

  /** How the output is partitioned. */
  public abstract Partitioning outputPartitioning();

  /** What each child's partitioning must satisfy; EnsureRequirements adds exchanges where it does not. */
  public List<Distribution> requiredChildDistribution() {
    return children().stream().map(c -> (Distribution) new Distribution.Unspecified()).toList();
  }

  /**
   * How each child's rows must be sorted within each partition (empty: any order); EnsureRequirements adds a
   * partition-local sort, after any exchange, where the child does not already sort them so.
   */
  public List<List<SortOrder>> requiredChildOrdering() {
    return children().stream().map(c -> List.<SortOrder>of()).toList();
  }

  /** This operator over new children (same count and order). */
  public abstract PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren);

  /** The RDD computing this operator's output. */
  public abstract RDD<ColumnarBatch> execute(ExecutionContext context);

  /**
   * Runs this plan and returns all its batches on the driver, in partition order (Spark's
   * {@code executeCollect}); an operator whose last step needs only a few rows overrides it to take that step
   * on the driver instead of in a stage of its own.
   */
  public List<ColumnarBatch> executeCollect(ExecutionContext context) {
    return execute(context).collect();
  }

  /**
   * Whether this operator only gathers its one child's rows, unchanged, into a single partition, as a
   * single-partition exchange the planner added does: a step above it that runs on the driver may then collect
   * the child's partitions directly instead.
   */
  public boolean gathersIntoOnePartition() {
    return false;
  }

  /** One line describing this operator, as in Spark's EXPLAIN. */
  public abstract String simpleString();

  /** The plan as an indented tree, as Spark prints it. */
  public final String treeString() {
    StringBuilder sb = new StringBuilder();
    append(this, sb, "", true, true);
    return sb.toString();
  }

  private static void append(PhysicalPlan plan, StringBuilder sb, String prefix, boolean last, boolean root) {
    sb.append(root ? "" : prefix + (last ? "+- " : ":- ")).append(plan.simpleString()).append('\n');
    String childPrefix = root ? "" : prefix + (last ? "   " : ":  ");
    List<PhysicalPlan> children = plan.children();
    for (int i = 0; i < children.size(); i++) {
      append(children.get(i), sb, childPrefix, i == children.size() - 1, false);
    }
  }

  @Override
  public String toString() {
    return treeString();
  }
}
