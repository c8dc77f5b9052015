package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.Sort;
import dev.ember.sql.plan.expressions.AggregateFunction;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.ScalarSubquery;
import dev.ember.sql.plan.expressions.SortOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HAVING and ORDER BY above an aggregate may use aggregate functions and grouping columns the select list
 * does not show. They are added to the aggregate as hidden columns, the filter or sort reads them, and a
 * project on top restores the select list, as Spark's ResolveAggregateFunctions does.
 */
final class AggregateResolver {

  private AggregateResolver() {}

  static LogicalPlan having(Expression condition, Aggregate aggregate) {
    Rewrite rewrite = new Rewrite(aggregate);
    Expression rewritten = rewrite.apply(resolveOver(condition, aggregate));
    return rewrite.finish(new Filter(rewritten, rewrite.newAggregate()), aggregate);
  }

  static LogicalPlan sort(List<SortOrder> order, boolean global, Aggregate aggregate) {
    Rewrite rewrite = new Rewrite(aggregate);
    List<SortOrder> rewritten = new ArrayList<>();
    for (SortOrder key : order) {
      rewritten.add((SortOrder) rewrite.apply(resolveOver(key, aggregate)));
    }
    return rewrite.finish(new Sort(rewritten, global, rewrite.newAggregate()), aggregate);
  }

  /** Resolves names against the aggregate's output first (select aliases), then its input. */
  private static Expression resolveOver(Expression e, Aggregate aggregate) {
    Expression partly = ExpressionResolver.resolvePartially(e, aggregate.output());
    return ExpressionResolver.resolve(partly, aggregate.child().output());
  }

  /** Checks that outside aggregate functions, {@code e} only reads grouping expressions. */
  static void checkGrouped(Expression e, List<Expression> grouping) {
    if (grouping.contains(stripAlias(e))) {
      return;
    }
    if (e instanceof AggregateFunction) {
      AggregateSubqueries.checkArguments(e);
      return;
    }
    if (e instanceof ScalarSubquery s && s.correlated()) {
      AggregateSubqueries.checkOuterGrouped(s, grouping);
      return;
    }
    if (e instanceof AttributeReference a) {
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("expression", "\"" + a.name() + "\"");
      parameters.put("expressionAnyValue", "\"any_value(" + a.name() + ")\"");
      throw new AnalysisException("MISSING_AGGREGATION", parameters);
    }
    for (Expression child : e.children()) {
      checkGrouped(child, grouping);
    }
  }

  static Expression stripAlias(Expression e) {
    return e instanceof Alias alias ? alias.child() : e;
  }

  /** Replaces aggregate functions and grouping expressions by attributes of an extended aggregate. */
  private static final class Rewrite {
    private final Aggregate aggregate;
    private final List<Expression> extra = new ArrayList<>();

    Rewrite(Aggregate aggregate) {
      this.aggregate = aggregate;
    }

    Expression apply(Expression e) {
      if (e instanceof AttributeReference a && aggregate.output().contains(a)) {
        return a;
      }
      Expression match = stripAlias(e);
      if (e instanceof AggregateFunction || aggregate.grouping().contains(match)) {
        checkGrouped(match, aggregate.grouping());
        return attributeFor(match);
      }
      if (e instanceof ScalarSubquery s && s.correlated()) {
        // Evaluated per group: a hidden column of the aggregate, which the optimizer computes above it.
        AggregateSubqueries.checkOuterGrouped(s, aggregate.grouping());
        return attributeFor(s);
      }
      if (e instanceof AttributeReference a) {
        checkGrouped(a, aggregate.grouping());
      }
      if (e.children().isEmpty()) {
        return e;
      }
      List<Expression> children = new ArrayList<>();
      for (Expression child : e.children()) {
        children.add(apply(child));
      }
      return e.withNewChildren(children);
    }

    private AttributeReference attributeFor(Expression e) {
      for (Expression existing : aggregate.aggregates()) {
        if (existing instanceof Alias alias && alias.child().equals(e)) {
          return alias.toAttribute();
        }
        if (existing.equals(e) && e instanceof AttributeReference a) {
          return a;
        }
      }
      for (Expression existing : extra) {
        if (((Alias) existing).child().equals(e)) {
          return ((Alias) existing).toAttribute();
        }
      }
      Alias hidden = new Alias(e, ExpressionResolver.prettyName(e));
      extra.add(hidden);
      return hidden.toAttribute();
    }

    Aggregate newAggregate() {
      List<Expression> all = new ArrayList<>(aggregate.aggregates());
      all.addAll(extra);
      return new Aggregate(aggregate.grouping(), all, aggregate.child());
    }

    LogicalPlan finish(LogicalPlan top, Aggregate original) {
      return extra.isEmpty() ? top : new Project(new ArrayList<>(original.output()), top);
    }
  }
}
