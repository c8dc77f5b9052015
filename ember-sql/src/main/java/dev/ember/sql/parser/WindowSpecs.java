package dev.ember.sql.parser;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.parser.EmberSqlParser.FrameBoundContext;
import dev.ember.sql.parser.EmberSqlParser.SortItemContext;
import dev.ember.sql.parser.EmberSqlParser.WindowDefinitionContext;
import dev.ember.sql.parser.EmberSqlParser.WindowFrameContext;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.FrameBoundary;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.SortOrder;
import dev.ember.sql.plan.expressions.WindowFrame;
import dev.ember.sql.plan.expressions.WindowSpecDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds window specifications from {@code OVER (...)} and {@code WINDOW name AS (...)} clauses. */
final class WindowSpecs {

  private WindowSpecs() {}

  /** The window an OVER clause names or defines; a name must be defined by the query's WINDOW clause. */
  static WindowSpecDefinition spec(ExpressionBuilder builder, EmberSqlParser.WindowSpecContext ctx) {
    if (ctx instanceof EmberSqlParser.WindowReferenceContext reference) {
      String name = ExpressionBuilder.identifier(reference.name);
      WindowSpecDefinition named = builder.namedWindows.get(name.toLowerCase(Locale.ROOT));
      if (named == null) {
        throw new AnalysisException("MISSING_WINDOW_SPECIFICATION", Map.of("windowName", name),
            reference.getStart().getLine(), reference.getStart().getCharPositionInLine(), "");
      }
      return named;
    }
    return definition(builder, ((EmberSqlParser.WindowInlineContext) ctx).windowDefinition());
  }

  /** The windows of a WINDOW clause by lower-case name. */
  static Map<String, WindowSpecDefinition> named(ExpressionBuilder builder, EmberSqlParser.WindowClauseContext ctx) {
    Map<String, WindowSpecDefinition> windows = new HashMap<>(builder.namedWindows);
    for (EmberSqlParser.NamedWindowContext window : ctx.namedWindow()) {
      windows.put(ExpressionBuilder.identifier(window.name).toLowerCase(Locale.ROOT),
          definition(builder, window.windowDefinition()));
    }
    return windows;
  }

  private static WindowSpecDefinition definition(ExpressionBuilder builder, WindowDefinitionContext ctx) {
    List<Expression> partition = new ArrayList<>();
    for (EmberSqlParser.ExpressionContext e : ctx.partition) {
      partition.add(builder.visit(e));
    }
    List<SortOrder> order = new ArrayList<>();
    for (SortItemContext item : ctx.sortItem()) {
      boolean ascending = item.DESC() == null;
      boolean nullsFirst = item.nullOrder == null ? ascending : item.FIRST() != null;
      order.add(new SortOrder(builder.visit(item.expression()), ascending, nullsFirst));
    }
    WindowFrame frame = ctx.windowFrame() == null ? null : frame(builder, ctx.windowFrame());
    return new WindowSpecDefinition(partition, order, frame);
  }

  private static WindowFrame frame(ExpressionBuilder builder, WindowFrameContext ctx) {
    WindowFrame.FrameType type = ctx.ROWS() != null ? WindowFrame.FrameType.ROWS : WindowFrame.FrameType.RANGE;
    FrameBoundary lower = bound(builder, ctx.start);
    // "ROWS 2 PRECEDING" is "ROWS BETWEEN 2 PRECEDING AND CURRENT ROW".
    FrameBoundary upper = ctx.end == null ? FrameBoundary.CURRENT_ROW : bound(builder, ctx.end);
    return new WindowFrame(type, lower, upper);
  }

  private static FrameBoundary bound(ExpressionBuilder builder, FrameBoundContext ctx) {
    boolean preceding = ctx.PRECEDING() != null;
    if (ctx.UNBOUNDED() != null) {
      return preceding ? FrameBoundary.UNBOUNDED_PRECEDING : FrameBoundary.UNBOUNDED_FOLLOWING;
    }
    if (ctx.CURRENT() != null) {
      return FrameBoundary.CURRENT_ROW;
    }
    Expression offset = builder.visit(ctx.valueExpression());
    if (!(offset instanceof Literal literal) || !(literal.value() instanceof Number number)) {
      throw AnalysisException.unsupported("window frame bounds other than numeric constants ("
          + ctx.getText() + ")");
    }
    return frameBoundary(preceding, number);
  }

  /** {@code n PRECEDING} or {@code n FOLLOWING}; a negative distance looks the other way. */
  static FrameBoundary frameBoundary(boolean preceding, Number n) {
    boolean negative = n.doubleValue() < 0;
    Number magnitude = !negative ? n : n instanceof Double d ? (Number) (-d)
        : n instanceof Long l ? (Number) (-l) : (Number) (-n.intValue());
    if (n.doubleValue() == 0) {
      return FrameBoundary.CURRENT_ROW;
    }
    return new FrameBoundary(preceding != negative ? FrameBoundary.Kind.PRECEDING : FrameBoundary.Kind.FOLLOWING,
        magnitude);
  }
}
