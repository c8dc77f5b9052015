package dev.ember.sql.encoders;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.util.List;

/**
 * Spark's {@code Cast.canUpCast}: the casts {@code Dataset.as(encoder)} applies on its own because they
 * cannot lose information (int to bigint, date to timestamp, anything atomic to string); narrowing casts
 * are refused with {@code CANNOT_UP_CAST_DATATYPE}.
 */
public final class UpCast {

  private static final List<DataType> NUMERIC_PRECEDENCE = List.of(DataTypes.ByteType, DataTypes.ShortType,
      DataTypes.IntegerType, DataTypes.LongType, DataTypes.FloatType, DataTypes.DoubleType);

  private UpCast() {}

  /** Whether a value of {@code from} can be cast to {@code to} without losing information. */
  public static boolean canUpCast(DataType from, DataType to) {
    if (from.equals(to) || from == DataTypes.NullType) {
      return true;
    }
    if (to instanceof DecimalType target && (DataTypes.isIntegral(from) || from instanceof DecimalType)) {
      DecimalType source = asDecimal(from);
      return target.precision() - target.scale() >= source.precision() - source.scale()
          && target.scale() >= source.scale();
    }
    if (from instanceof DecimalType source && DataTypes.isIntegral(to)) {
      DecimalType target = asDecimal(to);
      return source.precision() - source.scale() <= target.precision() - target.scale()
          && source.scale() <= target.scale();
    }
    int f = NUMERIC_PRECEDENCE.indexOf(from);
    int t = NUMERIC_PRECEDENCE.indexOf(to);
    if (f >= 0 && t >= 0) {
      return f <= t;
    }
    if (from == DataTypes.DateType && (to == DataTypes.TimestampType || to == DataTypes.TimestampNTZType)) {
      return true;
    }
    if (from == DataTypes.TimestampType && to == DataTypes.TimestampNTZType
        || from == DataTypes.TimestampNTZType && to == DataTypes.TimestampType) {
      return true;
    }
    return to == DataTypes.StringType;
  }

  /** The decimal holding every value of {@code type} (an integral or decimal type), as Spark's forType. */
  private static DecimalType asDecimal(DataType type) {
    if (type instanceof DecimalType d) {
      return d;
    }
    int digits = type == DataTypes.ByteType ? 3 : type == DataTypes.ShortType ? 5 : type == DataTypes.IntegerType
        ? 10 : 20;
    return DataTypes.createDecimalType(digits, 0);
  }
}
