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
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.CaseWhen;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Count;
import dev.ember.sql.plan.expressions.CountDistinct;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.IsNull;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.NamedExpression;
import dev.ember.sql.plan.expressions.ScalarSubquery;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a correlated scalar subquery that aggregates over equality correlations ({@code WHERE x <
 * (SELECT avg(y) FROM t WHERE t.k = outer.k)}) into an aggregate grouped by the correlated inner columns,
 * left-outer-joined to the outer query on the correlation; the subquery becomes the aggregate's column, NULL
 * where no inner row matched, as the subquery's aggregate over no rows would be, except where it counts: a
 * count of no rows is 0, so there the subquery's expression is computed with its counts 0 and its other
 * aggregates NULL (the "count bug"). A GROUP BY in the subquery is allowed when it groups only by inner
 * columns the equality correlation binds, so each outer row sees at most one group (see
 * {@link CorrelatedGroupBy}). Handles subqueries in filters and projections; other forms fail with
 * UNSUPPORTED_FEATURE.
 */
final class RewriteCorrelatedScalarSubquery implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Filter || node instanceof Project) || !hasCorrelatedScalar(node)) {
        return node;
      }
      LogicalPlan child = node.children().get(0);
      List<Expression> rewritten = new ArrayList<>();
      for (Expression e : node.expressions()) {
        List<LogicalPlan> joined = new ArrayList<>(List.of(child));
        rewritten.add(e.transformUp(x -> {
          if (x instanceof ScalarSubquery s && s.correlated()) {
            return decorrelate(s, joined);
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

  /** The column standing for {@code subquery}; {@code joined[0]} becomes the outer input joined to it. */
  private Expression decorrelate(ScalarSubquery subquery, List<LogicalPlan> joined) {
    LogicalPlan plan = subquery.plan();
    while (plan instanceof SubqueryAlias alias) {
      plan = alias.child();
    }
    if (!(plan instanceof Aggregate aggregate)) {
      throw AnalysisException.unsupported("correlated scalar subqueries other than one aggregate over equality "
          + "correlations");
    }
    Expression result = aggregate.aggregates().get(0);
    Expression function = result instanceof Alias alias ? alias.child() : result;
    // With GROUP BY, no inner row means no group and so no row: NULL, even for a count.
    boolean counts = aggregate.grouping().isEmpty()
        && result.exists(x -> x instanceof Count || x instanceof CountDistinct);
    CorrelatedPredicates pulled = CorrelatedPredicates.pullOut(apply(aggregate.child()));
    List<Expression> grouping = new ArrayList<>();
    for (Expression p : pulled.predicates()) {
      if (!(p instanceof BinaryComparison c) || c.operator() != ComparisonOperator.EQUAL) {
        throw AnalysisException.unsupported("correlated scalar subqueries with non-equality correlation ("
            + p.sql() + ")");
      }
      for (Expression side : List.of(c.left(), c.right())) {
        if (side instanceof AttributeReference a && pulled.plan().output().contains(a) && !grouping.contains(a)) {
          grouping.add(a);
        }
      }
    }
    if (grouping.isEmpty()) {
      throw AnalysisException.unsupported("correlated scalar subqueries whose correlation compares no inner "
          + "column");
    }
    CorrelatedGroupBy.check(aggregate.grouping(), grouping);
    List<Expression> aggregates = new ArrayList<>(grouping);
    aggregates.add(aggregate.aggregates().get(0));
    Alias matched = new Alias(Literal.TRUE, "matched");
    if (counts) {
      aggregates.add(matched);
    }
    Aggregate grouped = new Aggregate(grouping, aggregates, pulled.plan());
    joined.set(0, new Join(joined.get(0), grouped, JoinType.LEFT_OUTER, Predicates.and(pulled.predicates())));
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
