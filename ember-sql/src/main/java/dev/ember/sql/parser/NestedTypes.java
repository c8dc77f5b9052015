package dev.ember.sql.parser;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Origin;
import dev.ember.sql.plan.expressions.UnresolvedFunction;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.misc.Interval;

/** The parser's side of nested types: {@code array<...>}, {@code map<...>}, {@code struct<...>} and extraction. */
final class NestedTypes {

  /**
   * The internal name of value extraction ({@code a[i]}, {@code m[k]}, {@code s.f}); the analyzer picks the
   * operation by the base's type, as Spark's ExtractValue does.
   */
  static final String EXTRACT_VALUE = "__extract_value";
  /** The internal name of field extraction on an expression ({@code a[0].f}). */
  static final String EXTRACT_FIELD = "__extract_field";

  private NestedTypes() {}

  /** The composite type a {@code dataType} with angle brackets spells, from its text as written. */
  static DataType dataType(EmberSqlParser.DataTypeContext ctx) {
    String text = ctx.start.getInputStream().getText(Interval.of(ctx.start.getStartIndex(),
        ctx.stop.getStopIndex()));
    DataType type = DataTypes.fromSqlName(text);
    if (type == null) {
      throw AnalysisException.unsupported("the data type " + text.toUpperCase(Locale.ROOT));
    }
    return type;
  }

  /** {@code base[key]}. */
  static Expression extractValue(Expression base, Expression key, Origin origin) {
    return new UnresolvedFunction(EXTRACT_VALUE, List.of(base, key), false, origin);
  }

  /** {@code base.field} (the field name as a string literal key). */
  static Expression extractField(Expression base, Expression key, Origin origin) {
    return new UnresolvedFunction(EXTRACT_FIELD, List.of(base, key), false, origin);
  }
}
