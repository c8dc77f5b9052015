package dev.ember.sql.execution.vector;

import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A column of {@code decimal(p, s)} values as unscaled longs (value = unscaled / 10^s) wherever they fit a
 * long, which is always for precision up to 18 and almost always in practice (TPC-H's products of prices and
 * discounts are decimal(26,4) but their unscaled values are small). A value that does not fit is kept as a
 * BigDecimal in a side array allocated on first use; {@link #hasWideValues()} tells kernels whether they may
 * run their long-only loops. A value is stored as a long whenever it fits, so equal values look alike.
 */
public final class DecimalColumnVector extends ColumnVector {

  private static final long serialVersionUID = 1L;
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  /** The unscaled values of rows that are neither NULL nor wide. */
  public final long[] unscaled;
  private final int scale;
  private BigDecimal[] wide;

  /** An all-zero vector of {@code capacity} rows of {@code type}. */
  public DecimalColumnVector(DecimalType type, int capacity) {
    super(type, capacity);
    this.unscaled = new long[capacity];
    this.scale = type.scale();
  }

  /** The scale of every value. */
  public int scale() {
    return scale;
  }

  /** Whether some row holds a value too large for a long; when false, {@link #unscaled} has every value. */
  public boolean hasWideValues() {
    return wide != null;
  }

  /** Whether row {@code i} (not NULL) is held as an unscaled long. */
  public boolean isCompact(int i) {
    return wide == null || wide[i] == null;
  }

  /** Row {@code i}'s value (not NULL) as a BigDecimal of this vector's scale. */
  public BigDecimal getDecimal(int i) {
    if (wide != null && wide[i] != null) {
      return wide[i];
    }
    return BigDecimal.valueOf(unscaled[i], scale);
  }

  /** Sets row {@code i} to the unscaled long {@code value}, not NULL. */
  public void setUnscaled(int i, long value) {
    nulls[i] = false;
    unscaled[i] = value;
    if (wide != null) {
      wide[i] = null;
    }
  }

  /** Sets row {@code i} to {@code value}, which must already have this vector's scale. */
  public void setDecimal(int i, BigDecimal value) {
    nulls[i] = false;
    BigInteger digits = value.unscaledValue();
    if (digits.bitLength() < 64) {
      setUnscaled(i, digits.longValue());
      return;
    }
    if (wide == null) {
      wide = new BigDecimal[capacity()];
    }
    wide[i] = value;
  }

  /** Sets the first {@code rows} rows to {@code value} (this vector's scale), converting it once. */
  public void fill(BigDecimal value, int rows) {
    setDecimal(0, value);
    for (int i = 1; i < rows; i++) {
      copyFrom(i, this, 0);
    }
  }

  /** Whether {@code value} (an unscaled integer) fits a long. */
  public static boolean fitsLong(BigInteger value) {
    return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0;
  }

  @Override
  public Object getBoxed(int i) {
    return nulls[i] ? null : getDecimal(i);
  }

  @Override
  public void setBoxed(int i, Object value) {
    if (value == null) {
      nulls[i] = true;
      return;
    }
    BigDecimal d = (BigDecimal) value;
    setDecimal(i, d.scale() == scale ? d : d.setScale(scale, java.math.RoundingMode.HALF_UP));
  }

  @Override
  public void copyFrom(int i, ColumnVector src, int srcRow) {
    DecimalColumnVector source = (DecimalColumnVector) src;
    if (source.nulls[srcRow]) {
      nulls[i] = true;
    } else if (source.isCompact(srcRow)) {
      setUnscaled(i, source.unscaled[srcRow]);
    } else {
      setDecimal(i, source.wide[srcRow]);
    }
  }

  @Override
  public ColumnVector gather(int[] rows, int count) {
    DecimalColumnVector out = new DecimalColumnVector((DecimalType) dataType(), count);
    boolean[] outNulls = out.nulls;
    long[] outUnscaled = out.unscaled;
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      outNulls[i] = nulls[row];
      outUnscaled[i] = unscaled[row];
    }
    if (wide != null) {
      for (int i = 0; i < count; i++) {
        BigDecimal value = wide[rows[i]];
        if (value != null && !outNulls[i]) {
          out.setDecimal(i, value);
        }
      }
    }
    return out;
  }
}
