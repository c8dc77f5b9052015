package dev.ember.sql.execution.vector;

import dev.ember.sql.types.DataType;

/** A column of boolean values in a {@code boolean[]}. */
public final class BooleanColumnVector extends ColumnVector {

  private static final long serialVersionUID = 1L;

  /** The values; a slot whose null flag is set holds an arbitrary value. */
  public final boolean[] values;

  /** An all-zero vector of {@code capacity} rows. */
  public BooleanColumnVector(DataType type, int capacity) {
    super(type, capacity);
    this.values = new boolean[capacity];
  }

  @Override
  public Object getBoxed(int i) {
    return nulls[i] ? null : (Boolean) values[i];
  }

  @Override
  public void setBoxed(int i, Object value) {
    nulls[i] = value == null;
    if (value != null) {
      values[i] = (Boolean) value;
    }
  }

  @Override
  public void copyFrom(int i, ColumnVector src, int srcRow) {
    BooleanColumnVector source = (BooleanColumnVector) src;
    nulls[i] = source.nulls[srcRow];
    values[i] = source.values[srcRow];
  }

  @Override
  public void copyRange(int dstOffset, ColumnVector src, int srcOffset, int count) {
    BooleanColumnVector source = (BooleanColumnVector) src;
    System.arraycopy(source.nulls, srcOffset, nulls, dstOffset, count);
    System.arraycopy(source.values, srcOffset, values, dstOffset, count);
  }

  @Override
  public ColumnVector gather(int[] rows, int count) {
    BooleanColumnVector out = new BooleanColumnVector(dataType(), count);
    boolean[] outNulls = out.nulls;
    boolean[] outValues = out.values;
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      outNulls[i] = nulls[row];
      outValues[i] = values[row];
    }
    return out;
  }
}
