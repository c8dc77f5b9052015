package dev.ember.sql.optimizer;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.OuterReference;
import dev.ember.sql.plan.expressions.SubqueryExpression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves subqueries out of JOIN ... ON conditions, where the subquery rules do not look, to places they do.
 * A conjunct holding a subquery that reads columns of one side only (its outer references and, for IN, the
 * tested value) becomes a boolean column projected onto that side, and the condition tests the column;
 * this keeps the meaning for every join type, outer ones included, since the conjunct is still decided per
 * pair of rows. An uncorrelated one goes to the left side. A conjunct reading both sides can only be taken
 * out of an inner or cross join, as a filter above it; in other joins it fails with UNSUPPORTED_FEATURE.
 * A projection above keeps the join's output.
 */
final class RewriteJoinConditionSubquery implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Join join) || join.condition() == null
          || !Predicates.hasSubquery(join.condition())) {
        return node;
      }
      return rewrite(join);
    });
  }

  private static LogicalPlan rewrite(Join join) {
    List<Expression> leftColumns = new ArrayList<>(join.left().output());
    List<Expression> rightColumns = new ArrayList<>(join.right().output());
    List<Expression> kept = new ArrayList<>();
    List<Expression> above = new ArrayList<>();
    for (Expression conjunct : Predicates.conjuncts(join.condition())) {
      if (!Predicates.hasSubquery(conjunct)) {
        kept.add(conjunct);
        continue;
      }
      Set<AttributeReference> reads = reads(conjunct);
      if (join.left().output().containsAll(reads)) {
        kept.add(project(conjunct, leftColumns));
      } else if (join.right().output().containsAll(reads)) {
        kept.add(project(conjunct, rightColumns));
      } else if (join.joinType() == JoinType.INNER || join.joinType() == JoinType.CROSS) {
        above.add(conjunct);
      } else {
        throw AnalysisException.unsupported("a subquery reading both sides of a " + join.joinType().prettyName()
            + " join in its ON condition (" + conjunct.sql() + ")");
      }
    }
    LogicalPlan left = leftColumns.size() == join.left().output().size()
        ? join.left() : new Project(leftColumns, join.left());
    LogicalPlan right = rightColumns.size() == join.right().output().size()
        ? join.right() : new Project(rightColumns, join.right());
    JoinType type = join.joinType() == JoinType.CROSS && !kept.isEmpty() ? JoinType.INNER : join.joinType();
    LogicalPlan result = new Join(left, right, type, Predicates.and(kept));
    if (!above.isEmpty()) {
      result = new Filter(Predicates.and(above), result);
    }
    return new Project(new ArrayList<>(join.output()), result);
  }

  /** Projects {@code conjunct} as a new column of a side's {@code columns}; the column's reference. */
  private static Expression project(Expression conjunct, List<Expression> columns) {
    Alias column = new Alias(conjunct, "join_condition");
    columns.add(column);
    return column.toAttribute();
  }

  /** The columns of the enclosing join that {@code conjunct} reads, inside its subqueries too. */
  private static Set<AttributeReference> reads(Expression conjunct) {
    Set<AttributeReference> out = new HashSet<>(conjunct.references());
    conjunct.exists(x -> {
      if (x instanceof SubqueryExpression s) {
        collectOuterReferences(s.plan(), out);
      }
      return false;
    });
    return out;
  }

  private static void collectOuterReferences(LogicalPlan plan, Set<AttributeReference> out) {
    for (Expression e : plan.expressions()) {
      e.exists(x -> {
        if (x instanceof OuterReference o) {
          out.add(o.attribute());
        }
        return false;
      });
    }
    for (LogicalPlan child : plan.children()) {
      collectOuterReferences(child, out);
    }
  }
}
