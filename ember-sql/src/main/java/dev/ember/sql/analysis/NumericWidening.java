package dev.ember.sql.analysis;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;

/**
 * Spark's widening of two numeric types: tinyint &lt; smallint &lt; int &lt; bigint &lt; float &lt; double;
 * a decimal and an integral type widen to a decimal holding both; a decimal and a float or double to double.
 */
final class NumericWidening {

  private NumericWidening() {}

  static DataType wider(DataType l, DataType r) {
    if (l.equals(r)) {
      return l;
    }
    if (l == DataTypes.NullType || !l.isNumeric()) {
      return r;
    }
    if (r == DataTypes.NullType || !r.isNumeric()) {
      return l;
    }
    if (l instanceof DecimalType || r instanceof DecimalType) {
      if (DataTypes.isFractional(l) || DataTypes.isFractional(r)) {
        return DataTypes.DoubleType;
      }
      DecimalType a = l instanceof DecimalType d ? d : DecimalType.forIntegral(l);
      DecimalType b = r instanceof DecimalType d ? d : DecimalType.forIntegral(r);
      return DecimalType.wider(a, b);
    }
    return rank(l) >= rank(r) ? l : r;
  }

  private static int rank(DataType t) {
    if (t == DataTypes.ByteType) {
      return 1;
    }
    if (t == DataTypes.ShortType) {
      return 2;
    }
    if (t == DataTypes.IntegerType) {
      return 3;
    }
    if (t == DataTypes.LongType) {
      return 4;
    }
    return t == DataTypes.FloatType ? 5 : 6;
  }
}
