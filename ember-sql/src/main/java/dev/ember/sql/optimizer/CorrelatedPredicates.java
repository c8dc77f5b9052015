package dev.ember.sql.optimizer;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.SubqueryAlias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.NamedExpression;
import dev.ember.sql.plan.expressions.OuterReference;
import dev.ember.sql.plan.expressions.SubqueryExpression;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Pulls the predicates reading outer columns out of a correlated subquery plan (Spark's
 * pullOutCorrelatedPredicates): they leave the filters that hold them, with their outer references turned
 * back into plain columns, so they can become the condition of the join that replaces the subquery.
 * Projections on the way up keep the inner columns those predicates read. Correlation below other operators
 * (aggregates, joins, limits) is not decorrelated and fails with UNSUPPORTED_FEATURE.
 *
 * @param plan the subquery without its correlated predicates
 * @param predicates the correlated predicates, over the subquery's output and outer columns
 */
record CorrelatedPredicates(LogicalPlan plan, List<Expression> predicates) {

  /** The decorrelated {@code plan}. */
  static CorrelatedPredicates pullOut(LogicalPlan plan) {
    if (plan instanceof Filter filter) {
      CorrelatedPredicates below = pullOut(filter.child());
      List<Expression> kept = new ArrayList<>();
      List<Expression> pulled = new ArrayList<>(below.predicates());
      for (Expression c : Predicates.conjuncts(filter.condition())) {
        if (c.exists(x -> x instanceof OuterReference)) {
          pulled.add(stripOuter(c));
        } else {
          kept.add(c);
        }
      }
      LogicalPlan child = below.plan();
      return new CorrelatedPredicates(kept.isEmpty() ? child : new Filter(Predicates.and(kept), child), pulled);
    }
    if (plan instanceof Project project) {
      CorrelatedPredicates below = pullOut(project.child());
      if (below.predicates().isEmpty()) {
        checkUncorrelated(project);
        return new CorrelatedPredicates(project, List.of());
      }
      List<Expression> list = new ArrayList<>(project.projectList());
      List<AttributeReference> visible = new ArrayList<>();
      for (Expression e : list) {
        visible.add(((NamedExpression) e).toAttribute());
      }
      for (Expression p : below.predicates()) {
        for (AttributeReference a : p.references()) {
          if (below.plan().output().contains(a) && !visible.contains(a)) {
            list.add(a);
            visible.add(a);
          }
        }
      }
      Project widened = new Project(list, below.plan());
      checkUncorrelated(widened);
      return new CorrelatedPredicates(widened, below.predicates());
    }
    if (plan instanceof SubqueryAlias alias) {
      CorrelatedPredicates below = pullOut(alias.child());
      return new CorrelatedPredicates(alias.withNewChild(below.plan()), below.predicates());
    }
    if (SubqueryExpression.containsOuterReference(plan)) {
      throw AnalysisException.unsupported("correlated subqueries whose outer references (" + outerColumns(plan)
          + ") are not in WHERE predicates above joins, aggregates or limits");
    }
    return new CorrelatedPredicates(plan, List.of());
  }

  /** The outer columns {@code plan} reads, qualified as written ({@code t.a, u.b}), so that none is ambiguous. */
  static String outerColumns(LogicalPlan plan) {
    Set<String> names = new LinkedHashSet<>();
    collectOuterColumns(plan, names);
    return String.join(", ", names);
  }

  private static void collectOuterColumns(LogicalPlan plan, Set<String> names) {
    for (Expression e : plan.expressions()) {
      e.exists(x -> {
        if (x instanceof OuterReference o) {
          AttributeReference a = o.attribute();
          List<String> parts = new ArrayList<>(a.qualifier());
          parts.add(a.name());
          names.add(String.join(".", parts));
        }
        return false;
      });
    }
    for (LogicalPlan child : plan.children()) {
      collectOuterColumns(child, names);
    }
  }

  private static void checkUncorrelated(Project project) {
    for (Expression e : project.projectList()) {
      if (e.exists(x -> x instanceof OuterReference)) {
        throw AnalysisException.unsupported("outer references in the SELECT list of a subquery ("
            + outerColumns(project) + ")");
      }
    }
  }

  private static Expression stripOuter(Expression e) {
    return e.transformUp(x -> x instanceof OuterReference o ? o.attribute() : x);
  }
}
