package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Window;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.WindowExpression;
import dev.ember.sql.plan.expressions.WindowFunction;
import java.util.Map;

/**
 * Checks of window expressions in a resolved plan: window functions only inside OVER, window expressions
 * only where a Window operator computes them (the select list), never in WHERE.
 */
final class WindowChecks {

  private WindowChecks() {}

  static void check(LogicalPlan plan) {
    for (Expression e : plan.expressions()) {
      checkOver(e, false);
      if (!(plan instanceof Window) && WindowExtraction.hasWindow(e)) {
        if (plan instanceof Filter) {
          throw new AnalysisException("_LEGACY_ERROR_TEMP_1034", Map.of("clauseName", "WHERE"));
        }
        throw AnalysisException.unsupported("window functions outside the SELECT list (in "
            + plan.simpleString() + ")");
      }
    }
  }

  private static void checkOver(Expression e, boolean insideOver) {
    if (e instanceof WindowFunction && !insideOver) {
      throw new AnalysisException("WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE", Map.of("funcName",
          "\"" + e.sql() + "\""));
    }
    if (e instanceof WindowExpression w) {
      checkOver(w.windowFunction(), true);
      for (Expression argument : w.windowFunction().children()) {
        checkOver(argument, false);
      }
      checkOver(w.spec(), false);
      return;
    }
    for (Expression child : e.children()) {
      checkOver(child, insideOver);
    }
  }
}
