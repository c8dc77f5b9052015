package dev.ember.sql.optimizer;

import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.expressions.AggregateFunction;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.NamedExpression;
import dev.ember.sql.plan.expressions.OuterReference;
import dev.ember.sql.plan.expressions.ScalarSubquery;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves the correlated scalar subqueries of an aggregate's output ({@code SELECT g, (SELECT count(*) FROM u
 * WHERE u.x = t.g) FROM t GROUP BY g}, and the hidden columns HAVING and ORDER BY add) into a project above it,
 * so that each is evaluated once per group over the aggregated rows. The analyzer has checked that such a
 * subquery reads only grouping columns; the aggregate outputs those columns under their own identities, so the
 * subquery's outer references read them from the aggregated rows unchanged. The rest of an output expression
 * holding a subquery ({@code count(*) + (SELECT ...)}) is computed above too, from hidden columns of the
 * aggregate for its aggregate functions and grouping expressions.
 */
final class AggregateSubqueryPullUp {

  private final Aggregate aggregate;
  private final List<Expression> lower = new ArrayList<>();

  private AggregateSubqueryPullUp(Aggregate aggregate) {
    this.aggregate = aggregate;
  }

  /** Whether {@code aggregate} outputs a correlated scalar subquery outside its aggregate functions. */
  static boolean applies(Aggregate aggregate) {
    return aggregate.aggregates().stream().anyMatch(AggregateSubqueryPullUp::hasSubqueryOutsideAggregates);
  }

  /** {@code aggregate} as a project computing its subqueries over an aggregate that computes the rest. */
  static Project split(Aggregate aggregate) {
    return new AggregateSubqueryPullUp(aggregate).split();
  }

  private Project split() {
    List<Expression> top = new ArrayList<>();
    for (Expression e : aggregate.aggregates()) {
      if (!hasSubqueryOutsideAggregates(e)) {
        lower.add(e);
        top.add(((NamedExpression) e).toAttribute());
        continue;
      }
      Alias alias = (Alias) e;
      top.add(new Alias(above(alias.child()), alias.name(), alias.exprId()));
    }
    return new Project(top, new Aggregate(aggregate.grouping(), lower, aggregate.child()));
  }

  /** {@code e} rewritten to read the lower aggregate's output. */
  private Expression above(Expression e) {
    if (e instanceof ScalarSubquery s && s.correlated()) {
      // Its outer references name grouping columns, which the aggregate outputs under the same identity.
      for (AttributeReference a : outerColumns(s.plan())) {
        if (aggregate.child().output().contains(a) && !lower.contains(a)) {
          lower.add(a);
        }
      }
      return s;
    }
    if (e instanceof AggregateFunction || aggregate.grouping().contains(e)) {
      return lowerColumn(e);
    }
    if (e.children().isEmpty()) {
      return e;
    }
    List<Expression> children = new ArrayList<>();
    for (Expression child : e.children()) {
      children.add(above(child));
    }
    return e.withNewChildren(children);
  }

  /** The lower aggregate's column for {@code e}, added to it when it has none. */
  private AttributeReference lowerColumn(Expression e) {
    for (Expression existing : lower) {
      if (existing instanceof AttributeReference a && a.equals(e)) {
        return a;
      }
      if (existing instanceof Alias alias && alias.child().equals(e)) {
        return alias.toAttribute();
      }
    }
    if (e instanceof AttributeReference a) {
      lower.add(a);
      return a;
    }
    Alias hidden = new Alias(e, e instanceof Literal ? "literal" : "pulled");
    lower.add(hidden);
    return hidden.toAttribute();
  }

  private static List<AttributeReference> outerColumns(LogicalPlan plan) {
    List<AttributeReference> columns = new ArrayList<>();
    for (Expression e : plan.expressions()) {
      e.exists(x -> {
        if (x instanceof OuterReference o) {
          columns.add(o.attribute());
        }
        return false;
      });
    }
    for (LogicalPlan child : plan.children()) {
      columns.addAll(outerColumns(child));
    }
    return columns;
  }

  private static boolean hasSubqueryOutsideAggregates(Expression e) {
    if (e instanceof ScalarSubquery s) {
      return s.correlated();
    }
    if (e instanceof AggregateFunction) {
      return false;
    }
    return e.children().stream().anyMatch(AggregateSubqueryPullUp::hasSubqueryOutsideAggregates);
  }
}
