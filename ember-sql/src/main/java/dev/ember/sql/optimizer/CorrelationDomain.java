package dev.ember.sql.optimizer;

import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.NamedExpression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a decorrelated subquery's rows are keyed to the outer rows they belong to (Spark's DecorrelateInnerQuery).
 * When every correlated predicate is {@code inner_column = outer_expression}, the inner columns themselves are
 * the key: the subquery is grouped by them and joined to the outer query on the predicates. Otherwise the
 * outer query's correlated columns, made distinct, form a <em>domain</em>; the domain is joined to the
 * subquery's input on the correlated predicates (outer columns replaced by the domain's), the subquery is
 * grouped by the domain columns, and the outer query is joined to that on null-safe equality of its columns
 * with the domain's, so an outer row with NULL correlated columns finds its own (empty) group.
 *
 * @param input the subquery's input, joined to the domain when there is one
 * @param keys the columns to group the subquery by, one group per outer row's correlated values at most
 * @param joinCondition the condition joining the outer query to the grouped subquery
 * @param equalityBound inner columns an equality correlation binds to the outer row (the GROUP BY a correlated
 *     scalar subquery may have)
 */
record CorrelationDomain(LogicalPlan input, List<AttributeReference> keys, Expression joinCondition,
    List<Expression> equalityBound) {

  /**
   * The keying of {@code pulled}, a subquery without its correlated predicates, to {@code outer}, the plan
   * whose columns the predicates read.
   */
  static CorrelationDomain of(CorrelatedPredicates pulled, LogicalPlan outer) {
    List<AttributeReference> inner = pulled.plan().output();
    List<Expression> bound = new ArrayList<>();
    boolean equalitiesOnly = true;
    for (Expression p : pulled.predicates()) {
      AttributeReference column = boundColumn(p, inner);
      if (column == null) {
        equalitiesOnly = false;
      } else if (!bound.contains(column)) {
        bound.add(column);
      }
    }
    if (equalitiesOnly) {
      List<AttributeReference> keys = new ArrayList<>();
      bound.forEach(e -> keys.add((AttributeReference) e));
      return new CorrelationDomain(pulled.plan(), keys, Predicates.and(pulled.predicates()), bound);
    }
    List<AttributeReference> outerColumns = new ArrayList<>();
    for (Expression p : pulled.predicates()) {
      for (AttributeReference a : p.references()) {
        if (!inner.contains(a) && !outerColumns.contains(a)) {
          outerColumns.add(a);
        }
      }
    }
    List<Expression> distinct = new ArrayList<>();
    List<AttributeReference> keys = new ArrayList<>();
    Map<AttributeReference, AttributeReference> toDomain = new HashMap<>();
    List<Expression> joinConjuncts = new ArrayList<>();
    for (AttributeReference a : outerColumns) {
      Alias alias = new Alias(a, a.name());
      AttributeReference key = alias.toAttribute();
      distinct.add(alias);
      keys.add(key);
      toDomain.put(a, key);
      joinConjuncts.add(new BinaryComparison(ComparisonOperator.NULL_SAFE_EQUAL, a, key));
    }
    LogicalPlan domain = new Aggregate(new ArrayList<>(outerColumns), distinct, outer);
    List<Expression> onDomain = new ArrayList<>();
    for (Expression p : pulled.predicates()) {
      onDomain.add(p.transformUp(x -> x instanceof AttributeReference a && toDomain.containsKey(a)
          ? toDomain.get(a) : x));
    }
    LogicalPlan input = new Join(domain, pulled.plan(), JoinType.INNER, Predicates.and(onDomain));
    return new CorrelationDomain(input, keys, Predicates.and(joinConjuncts), bound);
  }

  /** The inner column {@code p} binds by {@code inner = f(outer columns)}, or null when it is not such. */
  private static AttributeReference boundColumn(Expression p, List<AttributeReference> inner) {
    if (!(p instanceof BinaryComparison c) || c.operator() != ComparisonOperator.EQUAL) {
      return null;
    }
    if (c.left() instanceof AttributeReference a && inner.contains(a) && readsNone(c.right(), inner)) {
      return a;
    }
    if (c.right() instanceof AttributeReference a && inner.contains(a) && readsNone(c.left(), inner)) {
      return a;
    }
    return null;
  }

  private static boolean readsNone(Expression e, List<AttributeReference> inner) {
    return !e.references().isEmpty() && e.references().stream().noneMatch(inner::contains);
  }

  /** The key columns as the grouping of the decorrelated aggregate, followed by {@code grouping}. */
  List<Expression> grouping(List<Expression> grouping) {
    List<Expression> all = new ArrayList<>(keys);
    for (Expression e : grouping) {
      if (!(e instanceof NamedExpression n && keys.contains(n.toAttribute()))) {
        all.add(e);
      }
    }
    return all;
  }
}
