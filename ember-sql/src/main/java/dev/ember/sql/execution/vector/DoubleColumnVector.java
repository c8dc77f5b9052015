package dev.ember.sql.execution.vector;

import dev.ember.sql.types.DataType;

/** A column of double values in a {@code double[]}. */
public final class DoubleColumnVector extends ColumnVector {

  private static final long serialVersionUID = 1L;

  /** The values; a slot whose null flag is set holds an arbitrary value. */
  public final double[] values;

  /** An all-zero vector of {@code capacity} rows. */
  public DoubleColumnVector(DataType type, int capacity) {
    super(type, capacity);
    this.values = new double[capacity];
  }

  @Override
  public Object getBoxed(int i) {
    return nulls[i] ? null : (Double) values[i];
  }

  @Override
  public void setBoxed(int i, Object value) {
    nulls[i] = value == null;
    if (value != null) {
      values[i] = (Double) value;
    }
  }

  @Override
  public void copyFrom(int i, ColumnVector src, int srcRow) {
    DoubleColumnVector source = (DoubleColumnVector) src;
    nulls[i] = source.nulls[srcRow];
    values[i] = source.values[srcRow];
  }

  @Override
  public void copyRange(int dstOffset, ColumnVector src, int srcOffset, int count) {
    DoubleColumnVector source = (DoubleColumnVector) src;
    System.arraycopy(source.nulls, srcOffset, nulls, dstOffset, count);
    System.arraycopy(source.values, srcOffset, values, dstOffset, count);
  }

  @Override
  public ColumnVector gather(int[] rows, int count) {
    DoubleColumnVector out = new DoubleColumnVector(dataType(), count);
    boolean[] outNulls = out.nulls;
    double[] outValues = out.values;
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      outNulls[i] = nulls[row];
      outValues[i] = values[row];
    }
    return out;
  }
}
