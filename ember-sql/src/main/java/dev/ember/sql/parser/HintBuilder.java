package dev.ember.sql.parser;

import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.UnresolvedHint;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@link UnresolvedHint}s of a SELECT's {@code /*+ ... *}{@code /} comments over its query. */
final class HintBuilder {

  private HintBuilder() {}

  /** {@code plan} under {@code hints}, the first written outermost as Spark nests them. */
  static LogicalPlan apply(ExpressionBuilder expressions, List<EmberSqlParser.HintContext> hints,
      LogicalPlan plan) {
    List<EmberSqlParser.HintStatementContext> statements = new ArrayList<>();
    for (EmberSqlParser.HintContext hint : hints) {
      statements.addAll(hint.hintStatements);
    }
    LogicalPlan out = plan;
    for (int i = statements.size() - 1; i >= 0; i--) {
      EmberSqlParser.HintStatementContext statement = statements.get(i);
      List<Expression> parameters = new ArrayList<>();
      for (EmberSqlParser.ExpressionContext p : statement.parameters) {
        parameters.add(expressions.visit(p));
      }
      out = new UnresolvedHint(ExpressionBuilder.identifier(statement.hintName), parameters, out);
    }
    return out;
  }
}
