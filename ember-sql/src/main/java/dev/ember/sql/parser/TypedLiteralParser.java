package dev.ember.sql.parser;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.execution.expressions.DateTimeUtils;
import dev.ember.sql.parser.EmberSqlParser.ConstantContext;
import dev.ember.sql.plan.expressions.Cast;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.types.DataTypes;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * The literals beyond numbers, strings and dates, typed as Spark types them: decimals ({@code 1.5} is
 * decimal(2,1)), suffixed numbers ({@code 10Y}, {@code 10S}, {@code 1.5F}, {@code 1.5D}, {@code 1.5BD}),
 * {@code TIMESTAMP '...'} and {@code TIMESTAMP_NTZ '...'}, and ANSI intervals ({@code INTERVAL '90' DAY},
 * {@code INTERVAL 3 DAYS}, {@code INTERVAL '1-2' YEAR TO MONTH}, {@code INTERVAL 1 DAY 2 HOURS}).
 */
final class TypedLiteralParser {

  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final List<String> DAY_TIME_UNITS = List.of("DAY", "HOUR", "MINUTE", "SECOND");
  private static final long[] DAY_TIME_MICROS = {86_400L * MICROS_PER_SECOND, 3_600L * MICROS_PER_SECOND,
      60L * MICROS_PER_SECOND, MICROS_PER_SECOND};

  private TypedLiteralParser() {}

  /** The literal of a typed constant (timestamp, interval), or null for the other kinds. */
  static Expression typed(ConstantContext ctx) {
    if (ctx instanceof EmberSqlParser.TypeConstructorContext t) {
      return typeConstructor(t);
    }
    if (ctx instanceof EmberSqlParser.IntervalLiteralContext i) {
      return interval(i);
    }
    if (ctx instanceof EmberSqlParser.IntervalRangeLiteralContext r) {
      return intervalRange(r);
    }
    return null;
  }

  /** A decimal literal of {@code text}; a double when it needs more than 38 digits, as in Spark. */
  static Literal decimal(String text, ParserRuleContext ctx) {
    BigDecimal value = new BigDecimal(text);
    Literal literal = Literal.of(value);
    return literal.value() == null ? Literal.of(value.doubleValue()) : literal;
  }

  /** A suffixed number: 10Y, 10S, 1.5F, 1.5D, 1.5BD. */
  static Literal of(ConstantContext ctx) {
    if (!(ctx instanceof EmberSqlParser.TypedNumberLiteralContext t)) {
      return null;
    }
    String text = t.getText().toUpperCase(Locale.ROOT);
    if (t.BIGDECIMAL_LITERAL() != null) {
      return decimal(text.substring(0, text.length() - 2), ctx);
    }
    String digits = text.substring(0, text.length() - 1);
    if (t.DOUBLE_LITERAL() != null) {
      return Literal.of(Double.parseDouble(digits));
    }
    if (t.FLOAT_LITERAL() != null) {
      return Literal.of(Float.parseFloat(digits));
    }
    long value = Long.parseLong(digits);
    boolean tiny = t.TINYINT_LITERAL() != null;
    long max = tiny ? Byte.MAX_VALUE : Short.MAX_VALUE;
    if (value > max) {
      throw error(ctx, "'" + t.getText() + "'", ": numeric literal out of range for "
          + (tiny ? "tinyint" : "smallint"));
    }
    return tiny ? Literal.of((byte) value) : Literal.of((short) value);
  }

  private static Expression typeConstructor(EmberSqlParser.TypeConstructorContext t) {
    String type = ExpressionBuilder.identifier(t.identifier()).toUpperCase(Locale.ROOT);
    String text = Literals.unquote(t.STRING().getText());
    switch (type) {
      case "TIMESTAMP", "TIMESTAMP_LTZ" -> {
        if (DateTimeUtils.parseTimestamp(text, ZoneOffset.UTC) == null) {
          throw invalid(t, "TIMESTAMP", text);
        }
        // Read in the session time zone, which the analyzer sets on the cast.
        return new Cast(Literal.of(text), DataTypes.TimestampType);
      }
      case "TIMESTAMP_NTZ" -> {
        Long micros = DateTimeUtils.parseTimestamp(text, null);
        if (micros == null) {
          throw invalid(t, "TIMESTAMP_NTZ", text);
        }
        return new Literal(micros, DataTypes.TimestampNTZType);
      }
      case "X" -> {
        return new Literal(hexBytes(t, text), DataTypes.BinaryType);
      }
      default -> throw new AnalysisException("UNSUPPORTED_TYPED_LITERAL", Map.of("unsupportedType",
          "\"" + type + "\"", "supportedTypes", "\"DATE\", \"TIMESTAMP\", \"TIMESTAMP_NTZ\", \"INTERVAL\", \"X\""),
          t.getStart().getLine(), t.getStart().getCharPositionInLine(), "");
    }
  }

  private static Expression interval(EmberSqlParser.IntervalLiteralContext ctx) {
    long months = 0;
    long micros = 0;
    boolean yearMonth = false;
    boolean dayTime = false;
    for (EmberSqlParser.IntervalFieldContext field : ctx.intervalField()) {
      String unit = unit(ExpressionBuilder.identifier(field.unit), field);
      String valueText = field.value.STRING() != null ? Literals.unquote(field.value.STRING().getText()).trim()
          : field.value.getText();
      BigDecimal value;
      try {
        value = new BigDecimal(valueText);
      } catch (NumberFormatException e) {
        throw intervalError(field, valueText);
      }
      if (unit.equals("YEAR") || unit.equals("MONTH")) {
        yearMonth = true;
        months += value.intValueExact() * (unit.equals("YEAR") ? 12L : 1L);
      } else {
        dayTime = true;
        long scale = unit.equals("WEEK") ? 7 * DAY_TIME_MICROS[0] : DAY_TIME_MICROS[DAY_TIME_UNITS.indexOf(unit)];
        micros += value.multiply(BigDecimal.valueOf(scale)).longValue();
      }
    }
    if (yearMonth && dayTime) {
      throw AnalysisException.unsupported("an interval literal mixing year-month and day-time units ("
          + ctx.getText() + ")");
    }
    return yearMonth ? new Literal((int) months, DataTypes.YearMonthIntervalType)
        : new Literal(micros, DataTypes.DayTimeIntervalType);
  }

  private static String unit(String written, ParserRuleContext ctx) {
    String unit = written.toUpperCase(Locale.ROOT);
    if (unit.endsWith("S")) {
      unit = unit.substring(0, unit.length() - 1);
    }
    if (!unit.equals("YEAR") && !unit.equals("MONTH") && !unit.equals("WEEK") && !DAY_TIME_UNITS.contains(unit)) {
      throw error(ctx, "'" + written + "'", ": not an interval unit");
    }
    return unit;
  }

  private static Expression intervalRange(EmberSqlParser.IntervalRangeLiteralContext ctx) {
    String from = unit(ExpressionBuilder.identifier(ctx.from), ctx);
    String to = unit(ExpressionBuilder.identifier(ctx.to), ctx);
    String text = Literals.unquote(ctx.STRING().getText()).trim();
    boolean negative = text.startsWith("-");
    String body = negative || text.startsWith("+") ? text.substring(1) : text;
    try {
      if (from.equals("YEAR") && to.equals("MONTH")) {
        String[] parts = body.split("-");
        if (parts.length != 2) {
          throw intervalError(ctx, text);
        }
        int months = Integer.parseInt(parts[0]) * 12 + Integer.parseInt(parts[1]);
        return new Literal(negative ? -months : months, DataTypes.YearMonthIntervalType);
      }
      int first = DAY_TIME_UNITS.indexOf(from);
      int last = DAY_TIME_UNITS.indexOf(to);
      String[] parts = body.split("[ :]");
      if (first < 0 || last <= first || parts.length != last - first + 1) {
        throw intervalError(ctx, text);
      }
      long micros = 0;
      for (int i = 0; i < parts.length; i++) {
        micros += new BigDecimal(parts[i]).multiply(BigDecimal.valueOf(DAY_TIME_MICROS[first + i])).longValue();
      }
      return new Literal(negative ? -micros : micros, DataTypes.DayTimeIntervalType);
    } catch (NumberFormatException e) {
      throw intervalError(ctx, text);
    }
  }

  private static AnalysisException intervalError(ParserRuleContext ctx, String text) {
    return new AnalysisException("INVALID_INTERVAL_FORMAT.UNSUPPORTED", Map.of("input", "'" + text + "'"),
        ctx.getStart().getLine(), ctx.getStart().getCharPositionInLine(), "");
  }

  /** The bytes of a binary literal's hex digits; an odd count starts with a lone nibble, as Spark reads it. */
  private static byte[] hexBytes(ParserRuleContext ctx, String hex) {
    String digits = hex.length() % 2 == 0 ? hex : "0" + hex;
    byte[] bytes = new byte[digits.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      int high = Character.digit(digits.charAt(2 * i), 16);
      int low = Character.digit(digits.charAt(2 * i + 1), 16);
      if (high < 0 || low < 0) {
        throw invalid(ctx, "X", hex);
      }
      bytes[i] = (byte) (high << 4 | low);
    }
    return bytes;
  }

  private static AnalysisException invalid(ParserRuleContext ctx, String type, String value) {
    return new AnalysisException("INVALID_TYPED_LITERAL", Map.of("valueType", "\"" + type + "\"", "value",
        "'" + value + "'"), ctx.getStart().getLine(), ctx.getStart().getCharPositionInLine(), "");
  }

  private static AnalysisException error(ParserRuleContext ctx, String token, String hint) {
    return new AnalysisException("PARSE_SYNTAX_ERROR", Map.of("error", token, "hint", hint),
        ctx.getStart().getLine(), ctx.getStart().getCharPositionInLine(), "");
  }
}
