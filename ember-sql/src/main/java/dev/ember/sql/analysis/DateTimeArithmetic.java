package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.expressions.ArithmeticOperator;
import dev.ember.sql.plan.expressions.BinaryArithmetic;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.Cast;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.plan.expressions.UnaryMinus;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Map;

/**
 * Arithmetic and comparisons on dates, timestamps and intervals, rewritten as Spark's analyzer rewrites them:
 * {@code date ± int} is date_add/date_sub, {@code date ± INTERVAL 'n' DAY} a date, {@code date ± year-month
 * interval} a date, {@code timestamp ± interval} a timestamp, {@code date - date} and
 * {@code timestamp - timestamp} day-time intervals; a date compared with a timestamp is cast to timestamp.
 * Returns null for expressions without such operands.
 */
final class DateTimeArithmetic {

  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private DateTimeArithmetic() {}

  static Expression coerce(Expression e) {
    if (e instanceof BinaryComparison c) {
      DataType l = c.left().dataType();
      DataType r = c.right().dataType();
      DataType wider = widerDateTime(l, r);
      if (wider != null && !l.equals(r)) {
        return new BinaryComparison(c.operator(), cast(c.left(), wider), cast(c.right(), wider));
      }
      return null;
    }
    if (!(e instanceof BinaryArithmetic a) || !involvesDateTime(a)) {
      return null;
    }
    ArithmeticOperator op = a.operator();
    if (op != ArithmeticOperator.ADD && op != ArithmeticOperator.SUBTRACT) {
      throw unsupported(a);
    }
    Expression left = a.left();
    Expression right = a.right();
    DataType l = left.dataType();
    DataType r = right.dataType();
    boolean add = op == ArithmeticOperator.ADD;
    if (add && isInterval(l) && !isInterval(r)) {
      // interval + date/timestamp: commute.
      return coerce(new BinaryArithmetic(op, right, left, a.ansi()));
    }
    if (l == DataTypes.DateType && DataTypes.isIntegral(r) && !(r == DataTypes.LongType)) {
      return call(add ? "date_add" : "date_sub", DataTypes.DateType, left, cast(right, DataTypes.IntegerType));
    }
    if (add && DataTypes.isIntegral(l) && l != DataTypes.LongType && r == DataTypes.DateType) {
      return call("date_add", DataTypes.DateType, right, left);
    }
    if (l.equals(r) && isInterval(l)) {
      return call(add ? "interval_add" : "interval_subtract", l, left, right);
    }
    Expression interval = add ? right : new UnaryMinus(right);
    if (l == DataTypes.DateType && r == DataTypes.YearMonthIntervalType) {
      return call("date_add_ym_interval", DataTypes.DateType, left, interval);
    }
    if (l == DataTypes.DateType && r == DataTypes.DayTimeIntervalType) {
      if (right instanceof Literal literal && literal.value() != null
          && (Long) literal.value() % MICROS_PER_DAY == 0) {
        int days = (int) ((Long) literal.value() / MICROS_PER_DAY);
        return call(add ? "date_add" : "date_sub", DataTypes.DateType, left, Literal.of(days));
      }
      return call("timestamp_add_interval", DataTypes.TimestampType, cast(left, DataTypes.TimestampType), interval);
    }
    if (isTimestamp(l) && r == DataTypes.DayTimeIntervalType) {
      return call("timestamp_add_interval", l, left, interval);
    }
    if (isTimestamp(l) && r == DataTypes.YearMonthIntervalType) {
      return call("timestamp_add_ym_interval", l, left, interval);
    }
    if (!add && l == DataTypes.DateType && r == DataTypes.DateType) {
      return call("subtract_dates", DataTypes.DayTimeIntervalType, left, right);
    }
    if (!add && (isTimestamp(l) || l == DataTypes.DateType) && (isTimestamp(r) || r == DataTypes.DateType)) {
      DataType common = widerDateTime(l, r);
      return call("subtract_timestamps", DataTypes.DayTimeIntervalType, cast(left, common), cast(right, common));
    }
    throw unsupported(a);
  }

  /** The type a date-time pair widens to (date &lt; timestamp_ntz &lt; timestamp), or null. */
  static DataType widerDateTime(DataType l, DataType r) {
    if (!isDateTime(l) || !isDateTime(r)) {
      return null;
    }
    if (l == DataTypes.TimestampType || r == DataTypes.TimestampType) {
      return DataTypes.TimestampType;
    }
    if (l == DataTypes.TimestampNTZType || r == DataTypes.TimestampNTZType) {
      return DataTypes.TimestampNTZType;
    }
    return DataTypes.DateType;
  }

  private static boolean involvesDateTime(BinaryArithmetic a) {
    DataType l = a.left().dataType();
    DataType r = a.right().dataType();
    return isDateTime(l) || isDateTime(r) || isInterval(l) || isInterval(r);
  }

  private static boolean isDateTime(DataType t) {
    return t == DataTypes.DateType || isTimestamp(t);
  }

  private static boolean isTimestamp(DataType t) {
    return t == DataTypes.TimestampType || t == DataTypes.TimestampNTZType;
  }

  private static boolean isInterval(DataType t) {
    return t == DataTypes.YearMonthIntervalType || t == DataTypes.DayTimeIntervalType;
  }

  private static Expression call(String name, DataType type, Expression... arguments) {
    return new ScalarFunction(name, List.of(arguments), type);
  }

  private static Expression cast(Expression e, DataType to) {
    return e.dataType().equals(to) ? e : new Cast(e, to);
  }

  private static AnalysisException unsupported(BinaryArithmetic a) {
    return new AnalysisException("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", Map.of("sqlExpr", "\"" + a.sql() + "\"",
        "left", "\"" + a.left().dataType().sql() + "\"", "right", "\"" + a.right().dataType().sql() + "\""));
  }
}
