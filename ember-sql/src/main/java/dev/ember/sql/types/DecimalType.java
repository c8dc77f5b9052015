package dev.ember.sql.types;

import java.util.Locale;

/**
 * Spark's {@code decimal(precision, scale)}: exact numbers of at most {@code precision} digits, {@code scale}
 * of them after the point; precision at most {@link #MAX_PRECISION}. Values are {@link java.math.BigDecimal}s
 * with exactly the type's scale; vectors keep unscaled longs where they fit.
 *
 * <pre>{@code
 * DataType price = DataTypes.createDecimalType(12, 2);   // decimal(12,2)
 * }</pre>
 */
public final class DecimalType extends DataType {

  /** The largest precision, as in Spark. */
  public static final int MAX_PRECISION = 38;
  /** The largest scale. */
  public static final int MAX_SCALE = 38;
  /** Spark's default for {@code decimal} without arguments and for Java BigDecimals: decimal(10,0). */
  public static final DecimalType USER_DEFAULT = new DecimalType(10, 0);
  /** Spark's type of BigDecimal values of unknown shape: decimal(38,18). */
  public static final DecimalType SYSTEM_DEFAULT = new DecimalType(38, 18);
  /** The scale a division keeps at least when precision runs out, as in Spark. */
  public static final int MINIMUM_ADJUSTED_SCALE = 6;

  private static final long serialVersionUID = 1L;
  private final int precision;
  private final int scale;

  /** {@code decimal(precision, scale)}; throws when the precision is outside 1..38 or the scale above it. */
  public DecimalType(int precision, int scale) {
    if (precision < 1 || precision > MAX_PRECISION || scale < 0 || scale > precision) {
      throw new IllegalArgumentException("decimal(" + precision + "," + scale + ") is not a valid decimal type: "
          + "the precision must be 1..38 and the scale 0..precision");
    }
    this.precision = precision;
    this.scale = scale;
  }

  /** The number of digits. */
  public int precision() {
    return precision;
  }

  /** The number of digits after the point. */
  public int scale() {
    return scale;
  }

  /** Whether values fit an unscaled long (precision at most 18). */
  public boolean isCompact() {
    return precision <= 18;
  }

  /** {@code decimal(p, s)} with both clipped to 38, as Spark's {@code DecimalType.bounded}. */
  public static DecimalType bounded(int precision, int scale) {
    int s = Math.min(scale, MAX_SCALE);
    return new DecimalType(Math.max(Math.min(precision, MAX_PRECISION), Math.max(1, s)), s);
  }

  /**
   * The result type of an operation whose exact result needs {@code decimal(precision, scale)}: when that
   * does not fit in 38 digits, integral digits are kept and the scale shrinks, but not below 6 (Spark's
   * {@code adjustPrecisionScale} with {@code spark.sql.decimalOperations.allowPrecisionLoss=true}).
   */
  public static DecimalType adjustPrecisionScale(int precision, int scale) {
    if (precision <= MAX_PRECISION) {
      return new DecimalType(Math.max(precision, 1), scale);
    }
    int integralDigits = precision - scale;
    int minScale = Math.min(scale, MINIMUM_ADJUSTED_SCALE);
    int adjustedScale = Math.max(MAX_PRECISION - integralDigits, minScale);
    return new DecimalType(MAX_PRECISION, adjustedScale);
  }

  /** The decimal type that holds every value of an integral type, or null for other types. */
  public static DecimalType forIntegral(DataType type) {
    if (type == DataTypes.ByteType) {
      return new DecimalType(3, 0);
    }
    if (type == DataTypes.ShortType) {
      return new DecimalType(5, 0);
    }
    if (type == DataTypes.IntegerType) {
      return USER_DEFAULT;
    }
    if (type == DataTypes.LongType) {
      return new DecimalType(20, 0);
    }
    return null;
  }

  /** The narrowest decimal holding both types' values (Spark's {@code widerDecimalType}). */
  public static DecimalType wider(DecimalType a, DecimalType b) {
    int scale = Math.max(a.scale, b.scale);
    int range = Math.max(a.precision - a.scale, b.precision - b.scale);
    return bounded(range + scale, scale);
  }

  @Override
  public String simpleString() {
    return "decimal(" + precision + "," + scale + ")";
  }

  @Override
  public String typeName() {
    return simpleString();
  }

  @Override
  public String sql() {
    return simpleString().toUpperCase(Locale.ROOT);
  }

  @Override
  public boolean isNumeric() {
    return true;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DecimalType that && precision == that.precision && scale == that.scale;
  }

  @Override
  public int hashCode() {
    return 31 * precision + scale;
  }

  @Override
  public String toString() {
    return "DecimalType(" + precision + "," + scale + ")";
  }
}
