package dev.ember.sql.optimizer;

import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.ReplicateRows;
import dev.ember.sql.plan.SetOperation;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.CaseWhen;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Count;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Sum;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites EXCEPT ALL and INTERSECT ALL as Spark's RewriteExceptAll and RewriteIntersectAll do: both inputs
 * tagged and unioned, grouped by every column (NULLs equal, as set operations want), each distinct row kept
 * with its number of copies — left count minus right count for EXCEPT ALL, the smaller count for INTERSECT
 * ALL — and then replicated that many times.
 */
final class RewriteSetOperationAll implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (node instanceof SetOperation op && op.all() && op.kind() != SetOperation.Kind.UNION) {
        return op.kind() == SetOperation.Kind.EXCEPT ? exceptAll(op) : intersectAll(op);
      }
      return node;
    });
  }

  private static LogicalPlan exceptAll(SetOperation op) {
    LogicalPlan left = tagged(op.left(), List.of(Literal.of(1L)));
    LogicalPlan right = tagged(op.right(), List.of(Literal.of(-1L)));
    SetOperation union = new SetOperation(SetOperation.Kind.UNION, true, left, right);
    AttributeReference tag = union.output().get(union.output().size() - 1);
    List<AttributeReference> columns = union.output().subList(0, union.output().size() - 1);
    Alias copies = new Alias(new Sum(tag), "sum");
    Aggregate grouped = new Aggregate(new ArrayList<>(columns), withColumns(columns, copies), union);
    Filter positive = new Filter(new BinaryComparison(ComparisonOperator.GREATER_THAN, copies.toAttribute(),
        Literal.of(0L)), grouped);
    return new ReplicateRows(copies.toAttribute(), op.output(), positive);
  }

  private static LogicalPlan intersectAll(SetOperation op) {
    Literal yes = Literal.TRUE;
    Literal no = new Literal(null, DataTypes.BooleanType);
    SetOperation union = new SetOperation(SetOperation.Kind.UNION, true, tagged(op.left(), List.of(yes, no)),
        tagged(op.right(), List.of(no, yes)));
    int n = union.output().size();
    List<AttributeReference> columns = union.output().subList(0, n - 2);
    Alias leftCount = new Alias(new Count(union.output().get(n - 2)), "vcol1_count");
    Alias rightCount = new Alias(new Count(union.output().get(n - 1)), "vcol2_count");
    List<Expression> aggregates = withColumns(columns, leftCount);
    aggregates.add(rightCount);
    Aggregate grouped = new Aggregate(new ArrayList<>(columns), aggregates, union);
    AttributeReference l = leftCount.toAttribute();
    AttributeReference r = rightCount.toAttribute();
    Filter both = new Filter(new And(new BinaryComparison(ComparisonOperator.GREATER_THAN_OR_EQUAL, l,
        Literal.of(1L)), new BinaryComparison(ComparisonOperator.GREATER_THAN_OR_EQUAL, r, Literal.of(1L))),
        grouped);
    Alias smaller = new Alias(new CaseWhen(List.of(new BinaryComparison(ComparisonOperator.GREATER_THAN, l, r)),
        List.of(r), l), "min_count");
    List<Expression> projected = new ArrayList<>(columns);
    projected.add(smaller);
    return new ReplicateRows(smaller.toAttribute(), op.output(), new Project(projected, both));
  }

  private static LogicalPlan tagged(LogicalPlan plan, List<Literal> tags) {
    List<Expression> list = new ArrayList<>(plan.output());
    for (int i = 0; i < tags.size(); i++) {
      list.add(new Alias(tags.get(i), "vcol" + (i + 1)));
    }
    return new Project(list, plan);
  }

  private static List<Expression> withColumns(List<AttributeReference> columns, Expression extra) {
    List<Expression> out = new ArrayList<>(columns);
    out.add(extra);
    return out;
  }
}
