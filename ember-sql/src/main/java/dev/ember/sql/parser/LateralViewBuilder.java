package dev.ember.sql.parser;

import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.UnresolvedLateralView;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Origin;
import dev.ember.sql.plan.expressions.UnresolvedFunction;
import java.util.ArrayList;
import java.util.List;

/** {@code FROM t LATERAL VIEW [OUTER] f(...) name [AS c, ...]...}: each lateral view over the plan before it. */
final class LateralViewBuilder {

  private LateralViewBuilder() {}

  /** {@code plan} under the query's lateral views, in the order they are written. */
  static LogicalPlan apply(ExpressionBuilder expressions, List<EmberSqlParser.LateralViewContext> views,
      LogicalPlan plan) {
    LogicalPlan result = plan;
    for (EmberSqlParser.LateralViewContext view : views) {
      List<Expression> arguments = new ArrayList<>();
      for (EmberSqlParser.ExpressionContext e : view.expression()) {
        arguments.add(expressions.visit(e));
      }
      Origin origin = new Origin(view.functionName.getStart().getLine(),
          view.functionName.getStart().getCharPositionInLine());
      Expression generator = new UnresolvedFunction(ExpressionBuilder.identifier(view.functionName), arguments,
          false, origin);
      List<String> columns = new ArrayList<>();
      for (EmberSqlParser.IdentifierContext column : view.columns) {
        columns.add(ExpressionBuilder.identifier(column));
      }
      result = new UnresolvedLateralView(generator, view.OUTER() != null,
          ExpressionBuilder.identifier(view.table), columns, origin, result);
    }
    return result;
  }
}
