package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.expressions.AggregateFunction;
import dev.ember.sql.plan.expressions.CountDistinct;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.FrameBoundary;
import dev.ember.sql.plan.expressions.RankingFunction;
import dev.ember.sql.plan.expressions.SortOrder;
import dev.ember.sql.plan.expressions.WindowExpression;
import dev.ember.sql.plan.expressions.WindowFrame;
import dev.ember.sql.plan.expressions.WindowFunction;
import dev.ember.sql.plan.expressions.WindowSpecDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives every window expression its frame and checks it, with Spark's rules and conditions: an ORDER BY
 * for the functions that need one, Spark's default frame where none is written (with an ORDER BY the
 * partition up to the current row and its peers, without one the whole partition), bounds in order, and
 * value (RANGE) offsets only over a single numeric sort key.
 */
final class WindowFrames {

  private WindowFrames() {}

  /** {@code w} with its frame filled in, or an AnalysisException. */
  static WindowExpression resolve(WindowExpression w) {
    Expression function = w.windowFunction();
    WindowSpecDefinition spec = w.spec();
    if (function instanceof CountDistinct) {
      throw new AnalysisException("DISTINCT_WINDOW_FUNCTION_UNSUPPORTED", Map.of("windowExpr",
          "\"" + w.sql() + "\""));
    }
    if (function instanceof WindowFunction wf) {
      if (wf.requiresOrder() && spec.orderSpec().isEmpty()) {
        throw new AnalysisException("_LEGACY_ERROR_TEMP_1037", Map.of("wf", function.sql()));
      }
      if (!wf.usesFrame()) {
        boolean rankingDefault = function instanceof RankingFunction
            && WindowFrame.ROWS_UNBOUNDED_TO_CURRENT.equals(spec.frame());
        if (spec.frame() != null && !rankingDefault) {
          throw new AnalysisException("WINDOW_FUNCTION_AND_FRAME_MISMATCH", Map.of("funcName",
              "\"" + function.sql() + "\"", "windowExpr", "\"" + w.sql() + "\""));
        }
        return new WindowExpression(function, spec.withFrame(WindowFrame.ROWS_UNBOUNDED_TO_CURRENT));
      }
    } else if (!(function instanceof AggregateFunction)) {
      throw new AnalysisException("UNSUPPORTED_EXPR_FOR_WINDOW", Map.of("sqlExpr", "\"" + function.sql() + "\""));
    }
    WindowFrame frame = spec.frame();
    if (frame == null) {
      frame = spec.orderSpec().isEmpty() ? WindowFrame.ROWS_UNBOUNDED : WindowFrame.RANGE_UNBOUNDED_TO_CURRENT;
    }
    check(frame, spec);
    return new WindowExpression(function, spec.withFrame(frame));
  }

  private static void check(WindowFrame frame, WindowSpecDefinition spec) {
    String sqlExpr = "\"" + frame.sql() + "\"";
    if (frame.lower().kind() == FrameBoundary.Kind.UNBOUNDED_FOLLOWING
        || frame.upper().kind() == FrameBoundary.Kind.UNBOUNDED_PRECEDING) {
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("sqlExpr", sqlExpr);
      parameters.put("lower", "\"" + frame.lower().sql() + "\"");
      parameters.put("upper", "\"" + frame.upper().sql() + "\"");
      throw new AnalysisException("DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_INVALID_BOUND", parameters);
    }
    if (frame.lower().signedOffset() > frame.upper().signedOffset()) {
      throw new AnalysisException("DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON", Map.of(
          "sqlExpr", sqlExpr, "comparison", "less than or equal"));
    }
    boolean valueOffsets = frame.lower().offset() != null || frame.upper().offset() != null;
    if (frame.type() != WindowFrame.FrameType.RANGE || !valueOffsets) {
      return;
    }
    if (spec.orderSpec().isEmpty()) {
      throw new AnalysisException("DATATYPE_MISMATCH.RANGE_FRAME_WITHOUT_ORDER", Map.of("sqlExpr", sqlExpr));
    }
    if (spec.orderSpec().size() > 1) {
      throw new AnalysisException("DATATYPE_MISMATCH.RANGE_FRAME_MULTI_ORDER", Map.of("sqlExpr", sqlExpr,
          "orderSpec", String.join(", ", spec.orderSpec().stream().map(SortOrder::sql).toList())));
    }
    SortOrder key = spec.orderSpec().get(0);
    if (!key.dataType().isNumeric()) {
      Number offset = frame.lower().offset() != null ? frame.lower().offset() : frame.upper().offset();
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("sqlExpr", sqlExpr);
      parameters.put("orderSpecType", "\"" + key.dataType().sql() + "\"");
      parameters.put("valueBoundaryType", "\"" + (offset instanceof Double ? "DOUBLE" : offset instanceof Long
          ? "BIGINT" : "INT") + "\"");
      throw new AnalysisException("DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE", parameters);
    }
  }
}
