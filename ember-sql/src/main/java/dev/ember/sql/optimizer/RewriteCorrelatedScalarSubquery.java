package dev.ember.sql.optimizer;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.SubqueryAlias;
import dev.ember.sql.plan.expressions.AggregateFunction;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.CaseWhen;
import dev.ember.sql.plan.expressions.Count;
import dev.ember.sql.plan.expressions.CountDistinct;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.IsNull;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.NamedExpression;
import dev.ember.sql.plan.expressions.ScalarSubquery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rewrites a correlated scalar subquery that aggregates ({@code WHERE x < (SELECT avg(y) FROM t WHERE t.k =
 * outer.k)}, {@code SELECT (SELECT max(b) FROM t t2 WHERE t2.a < t.a) FROM t}) into an aggregate keyed by the
 * correlation (see {@link CorrelationDomain}: the inner columns equality correlations bind, or else the distinct
 * values of the outer columns read, joined to the subquery's input), left-outer-joined to the outer query; the
 * subquery becomes the aggregate's column, NULL where no inner row matched, as the subquery's aggregate over no
 * rows would be, except where it counts: a count of no rows is 0, so there the subquery's expression is
 * computed with its counts 0 and its other aggregates NULL (the "count bug"). A GROUP BY in the subquery is
 * allowed when it groups only by inner columns an equality correlation binds, so each outer row sees at most
 * one group (see {@link CorrelatedGroupBy}). Handles subqueries in filters (WHERE and HAVING), projections and
 * the output of aggregates (evaluated per group above them, see {@link AggregateSubqueryPullUp}); a subquery that
 * does not aggregate fails with Spark's MUST_AGGREGATE_CORRELATED_SCALAR_SUBQUERY.
 */
final class RewriteCorrelatedScalarSubquery implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (node instanceof Aggregate aggregate && AggregateSubqueryPullUp.applies(aggregate)) {
        // Subqueries evaluated per group: computed in a project over the aggregated rows, rewritten below.
        node = AggregateSubqueryPullUp.split(aggregate);
      }
      if (!(node instanceof Filter || node instanceof Project) || !hasCorrelatedScalar(node)) {
        return node;
      }
      LogicalPlan outer = node.children().get(0);
      LogicalPlan child = outer;
      List<Expression> rewritten = new ArrayList<>();
      for (Expression e : node.expressions()) {
        List<LogicalPlan> joined = new ArrayList<>(List.of(child));
        rewritten.add(e.transformUp(x -> {
          if (x instanceof ScalarSubquery s && s.correlated()) {
            return decorrelate(s, outer, joined);
          }
          return x;
        }));
        child = joined.get(0);
      }
      if (node instanceof Filter) {
        return new Project(new ArrayList<>(node.output()), new Filter(rewritten.get(0), child));
      }
      return new Project(rewritten, child);
    });
  }

  private static boolean hasCorrelatedScalar(LogicalPlan node) {
    return node.expressions().stream().anyMatch(e -> e.exists(x -> x instanceof ScalarSubquery s
        && s.correlated()));
  }

  /**
   * The column standing for {@code subquery} over the rows of {@code outer}; {@code joined[0]} becomes the outer
   * input joined to it.
   */
  private Expression decorrelate(ScalarSubquery subquery, LogicalPlan outer, List<LogicalPlan> joined) {
    LogicalPlan plan = subquery.plan();
    while (plan instanceof SubqueryAlias alias) {
      plan = alias.child();
    }
    if (!(plan instanceof Aggregate aggregate)) {
      throw new AnalysisException("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY."
          + "MUST_AGGREGATE_CORRELATED_SCALAR_SUBQUERY", Map.of());
    }
    Expression result = aggregate.aggregates().get(0);
    Expression function = result instanceof Alias alias ? alias.child() : result;
    // With GROUP BY, no inner row means no group and so no row: NULL, even for a count.
    boolean counts = aggregate.grouping().isEmpty()
        && result.exists(x -> x instanceof Count || x instanceof CountDistinct);
    CorrelatedPredicates pulled = CorrelatedPredicates.pullOut(apply(aggregate.child()));
    CorrelationDomain domain = CorrelationDomain.of(pulled, outer);
    CorrelatedGroupBy.check(aggregate.grouping(), domain.equalityBound());
    List<Expression> grouping = domain.grouping(aggregate.grouping());
    List<Expression> aggregates = new ArrayList<>(domain.keys());
    aggregates.add(aggregate.aggregates().get(0));
    Alias matched = new Alias(Literal.TRUE, "matched");
    if (counts) {
      aggregates.add(matched);
    }
    Aggregate grouped = new Aggregate(grouping, aggregates, domain.input());
    joined.set(0, new Join(joined.get(0), grouped, JoinType.LEFT_OUTER, domain.joinCondition()));
    AttributeReference value = ((NamedExpression) aggregate.aggregates().get(0)).toAttribute();
    AttributeReference nullable = nullable(value);
    if (!counts) {
      return nullable;
    }
    // No group for an outer row means the subquery saw no row: there it is what its expression gives over no
    // rows, where a count is 0, not NULL (count(*) + 1 is 1), and every other aggregate is NULL.
    Expression overNoRows = function.transformUp(x -> x instanceof Count || x instanceof CountDistinct
        ? Literal.of(0L) : x instanceof AggregateFunction f ? new Literal(null, f.dataType()) : x);
    return new CaseWhen(List.of(new IsNull(nullable(matched.toAttribute()))), List.of(overNoRows), nullable);
  }

  private static AttributeReference nullable(AttributeReference a) {
    return new AttributeReference(a.name(), a.dataType(), true, a.exprId(), List.of());
  }
}
