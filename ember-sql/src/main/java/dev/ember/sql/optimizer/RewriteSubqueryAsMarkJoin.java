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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The EXISTS and IN subqueries that {@link RewritePredicateSubquery} leaves (under OR or NOT, in SELECT
 * lists) become boolean values computed by joins, the part Spark's ExistenceJoin plays:
 * <ul>
 *   <li>{@code EXISTS (q)} without correlation: a cross join with the one-row {@code count(*) > 0} of q;
 *   <li>{@code EXISTS (q)} correlated by equalities {@code inner = outer}: a left outer join with the distinct
 *       inner key values of q and a mark, the EXISTS being {@code mark IS NOT NULL};
 *   <li>{@code x IN (q)} without correlation: a left outer join with q's distinct non-NULL values and a
 *       cross join with q's row and non-NULL counts, so the value is SQL's three-valued IN: TRUE on a match,
 *       FALSE for an empty q, NULL when x is NULL or q holds a NULL, else FALSE; correlated by equalities, the
 *       same per correlation group, both joins also on the correlation.
 * </ul>
 * Filters keep their output through a projection above. Correlation other than equalities fails with
 * UNSUPPORTED_FEATURE.
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
    List<Expression> keys = innerKeys(pulled);
    if (subquery instanceof InSubquery in) {
      return in(in.value(), pulled, keys, child);
    }
    if (pulled.predicates().isEmpty()) {
      Alias any = new Alias(new BinaryComparison(ComparisonOperator.GREATER_THAN, new Count(Literal.of(1)),
          Literal.of(0L)), "exists");
      child.set(0, new Join(child.get(0), new Aggregate(List.of(), List.of(any), pulled.plan()), JoinType.INNER,
          null));
      return any.toAttribute();
    }
    List<Expression> aggregates = new ArrayList<>(keys);
    Alias mark = new Alias(Literal.TRUE, "exists");
    aggregates.add(mark);
    child.set(0, new Join(child.get(0), new Aggregate(keys, aggregates, pulled.plan()), JoinType.LEFT_OUTER,
        Predicates.and(pulled.predicates())));
    return new IsNotNull(nullable(mark));
  }

  /** The inner columns of equality correlations; other correlations are not supported here. */
  private static List<Expression> innerKeys(CorrelatedPredicates pulled) {
    List<Expression> keys = new ArrayList<>();
    for (Expression p : pulled.predicates()) {
      if (!(p instanceof BinaryComparison c) || c.operator() != ComparisonOperator.EQUAL) {
        throw AnalysisException.unsupported("EXISTS or IN subqueries under OR or NOT or in a SELECT list "
            + "correlated by other than equalities (" + p.sql() + ")");
      }
      for (Expression side : List.of(c.left(), c.right())) {
        if (side instanceof AttributeReference a && pulled.plan().output().contains(a) && !keys.contains(a)) {
          keys.add(a);
        }
      }
    }
    return keys;
  }

  /**
   * {@code value IN (query)}, per correlation group when correlated: the distinct non-NULL values with a
   * mark, joined on the correlation and the value, and the group's row and non-NULL counts under fresh
   * column ids (the query appears twice), joined on the correlation.
   */
  private static Expression in(Expression value, CorrelatedPredicates pulled, List<Expression> keys,
      List<LogicalPlan> child) {
    LogicalPlan query = pulled.plan();
    AttributeReference column = query.output().get(0);
    Alias matched = new Alias(Literal.TRUE, "matched");
    List<Expression> valueKeys = new ArrayList<>(keys);
    if (!valueKeys.contains(column)) {
      valueKeys.add(column);
    }
    List<Expression> valueColumns = new ArrayList<>(valueKeys);
    valueColumns.add(matched);
    Aggregate values = new Aggregate(valueKeys, valueColumns, new Filter(new IsNotNull(column), query));
    List<Expression> valueCondition = new ArrayList<>(pulled.predicates());
    valueCondition.add(new BinaryComparison(ComparisonOperator.EQUAL, value, column));
    Join withValues = new Join(child.get(0), values, JoinType.LEFT_OUTER, Predicates.and(valueCondition));

    List<Expression> countColumns = new ArrayList<>();
    Map<AttributeReference, AttributeReference> renamed = new HashMap<>();
    for (Expression key : keys) {
      Alias copy = new Alias(key, ((AttributeReference) key).name());
      countColumns.add(copy);
      renamed.put((AttributeReference) key, copy.toAttribute());
    }
    Alias rows = new Alias(new Count(Literal.of(1)), "rows");
    Alias nonNull = new Alias(new Count(column), "non_null");
    countColumns.add(rows);
    countColumns.add(nonNull);
    Aggregate counts = new Aggregate(keys, countColumns, query);
    Expression countCondition = keys.isEmpty() ? null : Predicates.and(pulled.predicates()).transformUp(
        x -> x instanceof AttributeReference a && renamed.containsKey(a) ? renamed.get(a) : x);
    child.set(0, new Join(withValues, counts, keys.isEmpty() ? JoinType.INNER : JoinType.LEFT_OUTER,
        countCondition));

    // No count row for an outer row means an empty subquery for it, as a count of 0 does.
    Expression rowCount = nullable(rows);
    Expression empty = new Or(new IsNull(rowCount), new BinaryComparison(ComparisonOperator.EQUAL, rowCount,
        Literal.of(0L)));
    Expression unknown = new Or(new IsNull(value), new BinaryComparison(ComparisonOperator.LESS_THAN,
        nullable(nonNull), rowCount));
    return new CaseWhen(List.of(new IsNotNull(nullable(matched)), empty, unknown),
        List.of(Literal.TRUE, Literal.FALSE, new Literal(null, DataTypes.BooleanType)), Literal.FALSE);
  }

  private static AttributeReference nullable(NamedExpression e) {
    AttributeReference a = e.toAttribute();
    return new AttributeReference(a.name(), a.dataType(), true, a.exprId(), List.of());
  }
}
