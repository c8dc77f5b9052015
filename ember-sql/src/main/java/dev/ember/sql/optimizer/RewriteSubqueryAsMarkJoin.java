package dev.ember.sql.optimizer;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.CaseWhen;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Count;
import dev.ember.sql.plan.expressions.Exists;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.InSubquery;
import dev.ember.sql.plan.expressions.IsNotNull;
import dev.ember.sql.plan.expressions.IsNull;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.NamedExpression;
import dev.ember.sql.plan.expressions.Or;
import dev.ember.sql.plan.expressions.SubqueryExpression;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * The EXISTS and IN subqueries that {@link RewritePredicateSubquery} leaves (under OR or NOT, in SELECT
 * lists) become boolean values computed by joins, the part Spark's ExistenceJoin plays:
 * <ul>
 *   <li>{@code EXISTS (q)} without correlation: a cross join with the one-row {@code count(*) > 0} of q;
 *   <li>{@code EXISTS (q)} correlated by equalities {@code inner = outer}: a left outer join with the distinct
 *       inner key values of q and a mark, the EXISTS being {@code mark IS NOT NULL};
 *   <li>{@code x IN (q)} without correlation: a left outer join with q's distinct non-NULL values and a
 *       cross join with q's row and non-NULL counts, so the value is SQL's three-valued IN: TRUE on a match,
 *       FALSE for an empty q, NULL when x is NULL or q holds a NULL, else FALSE.
 * </ul>
 * Filters keep their output through a projection above. Other shapes (a correlated IN, correlation other than
 * equality) fail with UNSUPPORTED_FEATURE.
 */
final class RewriteSubqueryAsMarkJoin implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    LogicalPlan rewritten = plan.transformUp(node -> {
      if (!(node instanceof Filter || node instanceof Project) || !hasPredicate(node)) {
        return node;
      }
      List<LogicalPlan> child = new ArrayList<>(List.of(node.children().get(0)));
      List<Expression> expressions = new ArrayList<>();
      for (Expression e : node.expressions()) {
        expressions.add(e.transformUp(x -> x instanceof Exists || x instanceof InSubquery
            ? mark((SubqueryExpression) x, child) : x));
      }
      if (node instanceof Filter) {
        return new Project(new ArrayList<>(node.output()), new Filter(expressions.get(0), child.get(0)));
      }
      return new Project(expressions, child.get(0));
    });
    rewritten.transformUp(node -> {
      for (Expression e : node.expressions()) {
        if (e.exists(RewriteSubqueryAsMarkJoin::isPredicate)) {
          throw AnalysisException.unsupported("IN or EXISTS subqueries outside WHERE clauses and SELECT lists ("
              + e.sql() + ")");
        }
      }
      return node;
    });
    return rewritten;
  }

  private static boolean isPredicate(Expression e) {
    return e instanceof Exists || e instanceof InSubquery;
  }

  private static boolean hasPredicate(LogicalPlan node) {
    return node.expressions().stream().anyMatch(e -> e.exists(RewriteSubqueryAsMarkJoin::isPredicate));
  }

  /** The boolean standing for {@code subquery}; {@code child[0]} becomes the input joined to what it needs. */
  private Expression mark(SubqueryExpression subquery, List<LogicalPlan> child) {
    LogicalPlan inner = apply(new RewritePredicateSubquery().apply(subquery.plan()));
    CorrelatedPredicates pulled = CorrelatedPredicates.pullOut(inner);
    if (subquery instanceof InSubquery in) {
      if (!pulled.predicates().isEmpty()) {
        throw AnalysisException.unsupported("correlated IN subqueries under OR or NOT or in a SELECT list ("
            + in.value().sql() + " IN ...)");
      }
      return in(in.value(), pulled.plan(), child);
    }
    if (pulled.predicates().isEmpty()) {
      Alias any = new Alias(new BinaryComparison(ComparisonOperator.GREATER_THAN, new Count(Literal.of(1)),
          Literal.of(0L)), "exists");
      child.set(0, new Join(child.get(0), new Aggregate(List.of(), List.of(any), pulled.plan()), JoinType.INNER,
          null));
      return any.toAttribute();
    }
    List<Expression> keys = new ArrayList<>();
    for (Expression p : pulled.predicates()) {
      if (!(p instanceof BinaryComparison c) || c.operator() != ComparisonOperator.EQUAL) {
        throw AnalysisException.unsupported("EXISTS subqueries under OR or NOT or in a SELECT list correlated "
            + "by other than equalities (" + p.sql() + ")");
      }
      for (Expression side : List.of(c.left(), c.right())) {
        if (side instanceof AttributeReference a && pulled.plan().output().contains(a) && !keys.contains(a)) {
          keys.add(a);
        }
      }
    }
    List<Expression> aggregates = new ArrayList<>(keys);
    Alias mark = new Alias(Literal.TRUE, "exists");
    aggregates.add(mark);
    child.set(0, new Join(child.get(0), new Aggregate(keys, aggregates, pulled.plan()), JoinType.LEFT_OUTER,
        Predicates.and(pulled.predicates())));
    return new IsNotNull(nullable(mark));
  }

  private static Expression in(Expression value, LogicalPlan query, List<LogicalPlan> child) {
    AttributeReference column = query.output().get(0);
    Alias matched = new Alias(Literal.TRUE, "matched");
    Aggregate values = new Aggregate(List.of(column), List.of(column, matched), new Filter(new IsNotNull(column),
        query));
    Alias rows = new Alias(new Count(Literal.of(1)), "rows");
    Alias nonNull = new Alias(new Count(column), "non_null");
    Aggregate counts = new Aggregate(List.of(), List.of(rows, nonNull), query);
    Join withValues = new Join(child.get(0), values, JoinType.LEFT_OUTER,
        new BinaryComparison(ComparisonOperator.EQUAL, value, column));
    child.set(0, new Join(withValues, counts, JoinType.INNER, null));
    AttributeReference rowCount = rows.toAttribute();
    Expression unknown = new Or(new IsNull(value), new BinaryComparison(ComparisonOperator.LESS_THAN,
        nonNull.toAttribute(), rowCount));
    return new CaseWhen(List.of(new IsNotNull(nullable(matched)),
        new BinaryComparison(ComparisonOperator.EQUAL, rowCount, Literal.of(0L)), unknown),
        List.of(Literal.TRUE, Literal.FALSE, new Literal(null, DataTypes.BooleanType)), Literal.FALSE);
  }

  private static AttributeReference nullable(NamedExpression e) {
    AttributeReference a = e.toAttribute();
    return new AttributeReference(a.name(), a.dataType(), true, a.exprId(), List.of());
  }
}
