package dev.ember.sql.execution.join;

import dev.ember.sql.execution.ExplainStrings;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.expressions.BindReferences;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;

/** What the join operators share: inputs, join type, build side, condition, output and EXPLAIN text. */
abstract class JoinExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  final PhysicalPlan left;
  final PhysicalPlan right;
  final JoinType joinType;
  final boolean buildLeft;
  final Expression condition;
  /** The positions of the full output (left then right columns) this join emits, or null for all. */
  final int[] kept;

  JoinExec(PhysicalPlan left, PhysicalPlan right, JoinType joinType, boolean buildLeft, Expression condition) {
    this(left, right, joinType, buildLeft, condition, null);
  }

  JoinExec(PhysicalPlan left, PhysicalPlan right, JoinType joinType, boolean buildLeft, Expression condition,
      int[] kept) {
    this.left = left;
    this.right = right;
    this.joinType = joinType;
    this.buildLeft = buildLeft;
    this.condition = condition;
    this.kept = kept == null ? null : kept.clone();
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(left, right);
  }

  PhysicalPlan streamSide() {
    return buildLeft ? right : left;
  }

  PhysicalPlan buildSide() {
    return buildLeft ? left : right;
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> full = fullOutput();
    if (kept == null) {
      return full;
    }
    List<AttributeReference> out = new ArrayList<>(kept.length);
    for (int position : kept) {
      out.add(full.get(position));
    }
    return out;
  }

  /** Every column a join of the inputs yields, left then right, before {@link #kept} narrows it. */
  List<AttributeReference> fullOutput() {
    List<AttributeReference> out = new ArrayList<>(nullable(left.output(), joinType.leftNullable()));
    if (!joinType.leftOnly()) {
      out.addAll(nullable(right.output(), joinType.rightNullable()));
    }
    return out;
  }

  private static List<AttributeReference> nullable(List<AttributeReference> attributes, boolean padded) {
    if (!padded) {
      return attributes;
    }
    return attributes.stream().map(a -> new AttributeReference(a.name(), a.dataType(), true, a.exprId(),
        a.qualifier())).toList();
  }

  @Override
  public Partitioning outputPartitioning() {
    PhysicalPlan stream = streamSide();
    Partitioning p = stream.outputPartitioning();
    // Padded rows of an outer build side, emitted at the end of a partition, follow no stream partitioning.
    boolean outerBuild = joinType == JoinType.FULL_OUTER || (buildLeft ? joinType == JoinType.LEFT_OUTER
        : joinType == JoinType.RIGHT_OUTER);
    return outerBuild ? new Partitioning.Unknown(p.numPartitions()) : p;
  }

  /** The processor of this join, its condition bound to the left then right columns. */
  JoinProcessor processor(Expression remaining) {
    List<AttributeReference> both = new ArrayList<>(left.output());
    both.addAll(right.output());
    Expression bound = remaining == null ? null : BindReferences.bind(remaining, both);
    return new JoinProcessor(joinType, buildLeft, bound, types(left), types(right), kept);
  }

  static List<DataType> types(PhysicalPlan plan) {
    return plan.output().stream().map(AttributeReference::dataType).toList();
  }

  /** The keys of both sides, then the condition when there is one. */
  static List<Expression> concat(List<Expression> leftKeys, List<Expression> rightKeys, Expression condition) {
    List<Expression> all = new ArrayList<>(leftKeys);
    all.addAll(rightKeys);
    if (condition != null) {
      all.add(condition);
    }
    return all;
  }

  String describe(String name, String keys) {
    return name + " " + keys + joinType.prettyName() + ", " + (buildLeft ? "BuildLeft" : "BuildRight")
        + (condition == null ? "" : ", " + ExplainStrings.expr(condition));
  }
}
