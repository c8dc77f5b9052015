package dev.ember.sql.execution.vector;

import dev.ember.sql.types.DataType;

/** A column of int (and date, as days since 1970-01-01) values in a {@code int[]}. */
public final class IntColumnVector extends ColumnVector {

  private static final long serialVersionUID = 1L;

  /** The values; a slot whose null flag is set holds an arbitrary value. */
  public final int[] values;

  /** An all-zero vector of {@code capacity} rows. */
  public IntColumnVector(DataType type, int capacity) {
    super(type, capacity);
    this.values = new int[capacity];
  }

  @Override
  public Object getBoxed(int i) {
    return nulls[i] ? null : (Integer) values[i];
  }

  @Override
  public void setBoxed(int i, Object value) {
    nulls[i] = value == null;
    if (value != null) {
      values[i] = (Integer) value;
    }
  }

  @Override
  public void copyFrom(int i, ColumnVector src, int srcRow) {
    IntColumnVector source = (IntColumnVector) src;
    nulls[i] = source.nulls[srcRow];
    values[i] = source.values[srcRow];
  }

  @Override
  public void copyRange(int dstOffset, ColumnVector src, int srcOffset, int count) {
    IntColumnVector source = (IntColumnVector) src;
    System.arraycopy(source.nulls, srcOffset, nulls, dstOffset, count);
    System.arraycopy(source.values, srcOffset, values, dstOffset, count);
  }

  @Override
  public ColumnVector gather(int[] rows, int count) {
    IntColumnVector out = new IntColumnVector(dataType(), count);
    boolean[] outNulls = out.nulls;
    int[] outValues = out.values;
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      outNulls[i] = nulls[row];
      outValues[i] = values[row];
    }
    return out;
  }
}
