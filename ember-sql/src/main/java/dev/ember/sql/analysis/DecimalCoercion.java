package dev.ember.sql.analysis;

import dev.ember.sql.plan.expressions.Average;
import dev.ember.sql.plan.expressions.BinaryArithmetic;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.Cast;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Sum;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;

/**
 * Spark's implicit casts around the types this file knows beyond int, bigint and double: decimals (Spark's
 * DecimalPrecision rule), tinyint, smallint and float. Integral operands of decimal arithmetic become decimals
 * (literals with only the digits they need, columns with every digit their type can hold); a decimal meeting
 * a float or double becomes a double. Returns null for expressions it leaves to {@link TypeCoercion}.
 */
final class DecimalCoercion {

  private DecimalCoercion() {}

  static Expression coerce(Expression e) {
    if (e instanceof BinaryArithmetic a && (hasDecimal(a.left(), a.right()))) {
      return arithmetic(a);
    }
    if (e instanceof BinaryComparison c && hasDecimal(c.left(), c.right())) {
      DataType l = c.left().dataType();
      DataType r = c.right().dataType();
      if (l.isNumeric() && r.isNumeric() || l == DataTypes.NullType || r == DataTypes.NullType) {
        DataType common = NumericWidening.wider(literalAware(c.left(), r), literalAware(c.right(), l));
        return new BinaryComparison(c.operator(), cast(c.left(), common), cast(c.right(), common));
      }
      return null;
    }
    if (e instanceof Sum sum && sum.input().dataType() instanceof DecimalType) {
      return sum;
    }
    if (e instanceof Sum sum && sum.input().dataType() == DataTypes.FloatType) {
      return new Sum(cast(sum.input(), DataTypes.DoubleType));
    }
    if (e instanceof Average avg && avg.input().dataType() instanceof DecimalType) {
      return avg;
    }
    return null;
  }

  private static boolean hasDecimal(Expression l, Expression r) {
    return l.dataType() instanceof DecimalType || r.dataType() instanceof DecimalType;
  }

  private static Expression arithmetic(BinaryArithmetic a) {
    DataType l = a.left().dataType();
    DataType r = a.right().dataType();
    if (DataTypes.isFractional(l) || DataTypes.isFractional(r) || l == DataTypes.StringType
        || r == DataTypes.StringType) {
      return new BinaryArithmetic(a.operator(), cast(a.left(), DataTypes.DoubleType),
          cast(a.right(), DataTypes.DoubleType), a.ansi());
    }
    if (!(l.isNumeric() || l == DataTypes.NullType) || !(r.isNumeric() || r == DataTypes.NullType)) {
      return null;
    }
    DecimalType left = asDecimal(a.left(), r);
    DecimalType right = asDecimal(a.right(), l);
    return new BinaryArithmetic(a.operator(), cast(a.left(), left), cast(a.right(), right), a.ansi());
  }

  /** The decimal an operand meeting {@code other} becomes. */
  private static DecimalType asDecimal(Expression operand, DataType other) {
    DataType t = literalAware(operand, other);
    if (t instanceof DecimalType d) {
      return d;
    }
    return (DecimalType) other;
  }

  /**
   * The type an operand counts as next to a decimal: an integral literal as the decimal of its digits (so
   * {@code 1 - l_discount} stays decimal(13,2), not decimal(13,2) widened by ten digits), an integral column
   * as the decimal of its type.
   */
  private static DataType literalAware(Expression operand, DataType other) {
    DataType t = operand.dataType();
    if (!(other instanceof DecimalType) || !DataTypes.isIntegral(t)) {
      return t;
    }
    if (operand instanceof Literal literal && literal.value() != null) {
      String digits = String.valueOf(Math.abs(((Number) literal.value()).longValue()));
      return new DecimalType(Math.max(1, digits.length()), 0);
    }
    return DecimalType.forIntegral(t);
  }

  private static Expression cast(Expression e, DataType to) {
    return e.dataType().equals(to) ? e : new Cast(e, to);
  }
}
