package dev.ember.sql.execution.vector;

import dev.ember.sql.types.DataType;

/** A column of binary values, one {@code byte[]} a row (shared, never modified in place). */
public final class BinaryColumnVector extends ColumnVector {

  private static final long serialVersionUID = 1L;

  /** The values; a slot whose null flag is set holds an arbitrary value. */
  public final byte[][] values;

  /** An empty vector of {@code capacity} rows. */
  public BinaryColumnVector(DataType type, int capacity) {
    super(type, capacity);
    this.values = new byte[capacity][];
  }

  @Override
  public Object getBoxed(int i) {
    return nulls[i] ? null : values[i];
  }

  @Override
  public void setBoxed(int i, Object value) {
    nulls[i] = value == null;
    values[i] = (byte[]) value;
  }

  @Override
  public void copyFrom(int i, ColumnVector src, int srcRow) {
    BinaryColumnVector source = (BinaryColumnVector) src;
    nulls[i] = source.nulls[srcRow];
    values[i] = source.values[srcRow];
  }
}
