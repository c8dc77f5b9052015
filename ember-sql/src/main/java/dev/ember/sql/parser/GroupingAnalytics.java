package dev.ember.sql.parser;

import dev.ember.sql.parser.EmberSqlParser.GroupingElementContext;
import dev.ember.sql.parser.EmberSqlParser.GroupingSetContext;
import dev.ember.sql.parser.EmberSqlParser.QuerySpecificationContext;
import dev.ember.sql.plan.GroupingSets;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code GROUP BY} items with {@code ROLLUP}, {@code CUBE}, {@code GROUPING SETS} or a trailing
 * {@code WITH ROLLUP | WITH CUBE} into the list of grouping sets they stand for, as Spark does: ROLLUP(a, b)
 * is (a, b), (a), (); CUBE(a, b) is (a, b), (a), (b), (); several items combine as a cross product, so
 * {@code GROUP BY a, ROLLUP(b)} is (a, b), (a).
 */
final class GroupingAnalytics {

  private GroupingAnalytics() {}

  /** Whether the GROUP BY of {@code ctx} uses grouping analytics rather than plain expressions. */
  static boolean isAnalytics(QuerySpecificationContext ctx) {
    return ctx.groupingKind != null
        || ctx.groupBy.stream().anyMatch(e -> !(e instanceof EmberSqlParser.GroupingExpressionContext));
  }

  /** The grouping sets of the GROUP BY of {@code ctx}. */
  static List<List<Expression>> sets(ExpressionBuilder builder, QuerySpecificationContext ctx) {
    if (ctx.groupingKind != null) {
      List<List<Expression>> columns = new ArrayList<>();
      for (GroupingElementContext e : ctx.groupBy) {
        columns.add(List.of(builder.visit(((EmberSqlParser.GroupingExpressionContext) e).expression())));
      }
      return ctx.groupingKind.getType() == EmberSqlParser.ROLLUP ? GroupingSets.rollup(columns)
          : GroupingSets.cube(columns);
    }
    List<List<Expression>> result = new ArrayList<>();
    result.add(List.of());
    for (GroupingElementContext element : ctx.groupBy) {
      List<List<Expression>> item = element(builder, element);
      List<List<Expression>> product = new ArrayList<>();
      for (List<Expression> left : result) {
        for (List<Expression> right : item) {
          List<Expression> combined = new ArrayList<>(left);
          combined.addAll(right);
          product.add(combined);
        }
      }
      result = product;
    }
    return result;
  }

  private static List<List<Expression>> element(ExpressionBuilder builder, GroupingElementContext element) {
    if (element instanceof EmberSqlParser.RollupContext rollup) {
      return GroupingSets.rollup(groupingSets(builder, rollup.groupingSet()));
    }
    if (element instanceof EmberSqlParser.CubeContext cube) {
      return GroupingSets.cube(groupingSets(builder, cube.groupingSet()));
    }
    if (element instanceof EmberSqlParser.GroupingSetsContext sets) {
      return groupingSets(builder, sets.groupingSet());
    }
    Expression e = builder.visit(((EmberSqlParser.GroupingExpressionContext) element).expression());
    return List.of(List.of(e));
  }

  private static List<List<Expression>> groupingSets(ExpressionBuilder builder, List<GroupingSetContext> sets) {
    List<List<Expression>> out = new ArrayList<>();
    for (GroupingSetContext set : sets) {
      List<Expression> columns = new ArrayList<>();
      for (EmberSqlParser.ExpressionContext e : set.expression()) {
        columns.add(builder.visit(e));
      }
      out.add(columns);
    }
    return out;
  }
}
