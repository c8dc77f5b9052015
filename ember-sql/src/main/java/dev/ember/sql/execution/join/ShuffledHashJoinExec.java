package dev.ember.sql.execution.join;

import dev.ember.rdd.RDD;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.execution.Distribution;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.ExplainStrings;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.expressions.BindReferences;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hash join of two inputs hash-partitioned on the join keys into the same number of partitions (the
 * exchanges come from EnsureRequirements): partition i of the build side is hashed and partition i of the
 * stream side probes it. Every join type works, full outer too, since each build row lives in exactly one
 * partition. A build partition larger than its budget fails with HASH_JOIN_BUILD_SIDE_TOO_LARGE naming the
 * settings to change (spilling the build side to disk is not built yet).
 */
public final class ShuffledHashJoinExec extends JoinExec {

  /** The budget of one build partition in bytes; by default a quarter of the maximum heap. */
  public static final String BUILD_BUDGET_KEY = "ember.sql.join.shuffledHashJoinBuildBudget";
  private static final long serialVersionUID = 1L;
  private final List<Expression> leftKeys;
  private final List<Expression> rightKeys;
  private final boolean[] nullSafe;
  private final long buildBudget;

  /** A join of {@code left} and {@code right} on the keys, building the left side when {@code buildLeft}. */
  public ShuffledHashJoinExec(List<Expression> leftKeys, List<Expression> rightKeys, boolean[] nullSafe,
      JoinType joinType, boolean buildLeft, Expression residual, long buildBudget, PhysicalPlan left,
      PhysicalPlan right) {
    super(left, right, joinType, buildLeft, residual);
    this.leftKeys = List.copyOf(leftKeys);
    this.rightKeys = List.copyOf(rightKeys);
    this.nullSafe = nullSafe.clone();
    this.buildBudget = buildBudget;
  }

  @Override
  public List<Distribution> requiredChildDistribution() {
    return List.of(new Distribution.HashClustered(leftKeys), new Distribution.HashClustered(rightKeys));
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
    return new ShuffledHashJoinExec(leftKeys, rightKeys, nullSafe, joinType, buildLeft, condition, buildBudget,
        c.get(0), c.get(1));
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    PhysicalPlan build = buildSide();
    List<Expression> buildKeys = BindReferences.bindAll(buildLeft ? leftKeys : rightKeys, build.output());
    List<Expression> streamKeys = BindReferences.bindAll(buildLeft ? rightKeys : leftKeys, streamSide().output());
    JoinProcessor processor = processor(condition);
    List<DataType> buildTypes = types(build);
    boolean[] safe = nullSafe;
    long budget = buildBudget;
    String name = simpleString();
    RDD<ColumnarBatch> buildRdd = build.execute(context);
    return streamSide().execute(context).zipPartitions(buildRdd, (stream, buildBatches) -> {
      ColumnarBatch rows = collect(buildBatches, buildTypes, budget, name);
      HashedRelation hashed = HashedRelation.build(rows, buildKeys, safe);
      return processor.join(stream, rows, (batch, s, b) -> hashed.probe(batch, streamKeys, s, b));
    });
  }

  private static ColumnarBatch collect(Iterator<ColumnarBatch> batches, List<DataType> types, long budget,
      String join) {
    List<ColumnarBatch> all = new ArrayList<>();
    long bytes = 0;
    while (batches.hasNext()) {
      ColumnarBatch batch = batches.next();
      bytes += BatchConcat.estimatedBytes(batch);
      if (bytes > budget) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("join", join);
        parameters.put("size", String.valueOf(bytes));
        parameters.put("budget", String.valueOf(budget));
        parameters.put("shufflePartitionsKey", "spark.sql.shuffle.partitions");
        parameters.put("budgetKey", BUILD_BUDGET_KEY);
        throw new AnalysisException("HASH_JOIN_BUILD_SIDE_TOO_LARGE", parameters);
      }
      all.add(batch);
    }
    return BatchConcat.concat(all, types);
  }

  @Override
  public String simpleString() {
    return describe("ShuffledHashJoin", ExplainStrings.list(leftKeys) + ", " + ExplainStrings.list(rightKeys)
        + ", ");
  }
}
