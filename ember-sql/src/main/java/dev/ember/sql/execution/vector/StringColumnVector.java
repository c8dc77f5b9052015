package dev.ember.sql.execution.vector;

import dev.ember.sql.types.DataType;

/** A column of string values in a {@code String[]}. */
public final class StringColumnVector extends ColumnVector {

  private static final long serialVersionUID = 1L;

  /** The values; a slot whose null flag is set holds an arbitrary value. */
  public final String[] values;

  /** An all-zero vector of {@code capacity} rows. */
  public StringColumnVector(DataType type, int capacity) {
    super(type, capacity);
    this.values = new String[capacity];
  }

  @Override
  public Object getBoxed(int i) {
    return nulls[i] ? null : (String) values[i];
  }

  @Override
  public void setBoxed(int i, Object value) {
    nulls[i] = value == null;
    if (value != null) {
      values[i] = (String) value;
    }
  }

  @Override
  public void copyFrom(int i, ColumnVector src, int srcRow) {
    StringColumnVector source = (StringColumnVector) src;
    nulls[i] = source.nulls[srcRow];
    values[i] = source.values[srcRow];
  }

  @Override
  public void copyRange(int dstOffset, ColumnVector src, int srcOffset, int count) {
    StringColumnVector source = (StringColumnVector) src;
    System.arraycopy(source.nulls, srcOffset, nulls, dstOffset, count);
    System.arraycopy(source.values, srcOffset, values, dstOffset, count);
  }

  @Override
  public ColumnVector gather(int[] rows, int count) {
    StringColumnVector out = new StringColumnVector(dataType(), count);
    boolean[] outNulls = out.nulls;
    String[] outValues = out.values;
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      outNulls[i] = nulls[row];
      outValues[i] = values[row];
    }
    return out;
  }
}
