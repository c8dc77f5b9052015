package dev.ember.sql.execution.vector;

import dev.ember.sql.types.DataType;
import java.io.Serializable;

/**
 * One column of a {@link ColumnarBatch}: values in a primitive array of the subclass plus a null mask.
 * Kernels read the subclass's arrays directly in tight loops; {@link #getBoxed} is for the slow paths
 * (row conversion, hashing group keys).
 */
public abstract class ColumnVector implements Serializable {

  private static final long serialVersionUID = 1L;

  /** {@code nulls[i]} is true when row i is NULL; the value slot is then meaningless. */
  public final boolean[] nulls;
  private final DataType type;

  ColumnVector(DataType type, int capacity) {
    this.type = type;
    this.nulls = new boolean[capacity];
  }

  /** The column type. */
  public final DataType dataType() {
    return type;
  }

  /** The number of value slots. */
  public final int capacity() {
    return nulls.length;
  }

  /** Whether row {@code i} is NULL. */
  public final boolean isNull(int i) {
    return nulls[i];
  }

  /** Row {@code i}'s value in the internal representation, boxed; null for NULL. */
  public abstract Object getBoxed(int i);

  /** Sets row {@code i} from a boxed internal value (null for NULL). */
  public abstract void setBoxed(int i, Object value);

  /** Copies row {@code srcRow} of {@code src} (same type) into row {@code i}. */
  public abstract void copyFrom(int i, ColumnVector src, int srcRow);

  /**
   * Copies rows {@code [srcOffset, srcOffset + count)} of {@code src} (same type) into the rows from
   * {@code dstOffset} on. The vectors of one primitive or string array override this with array copies; this
   * row-at-a-time copy is for the others.
   */
  public void copyRange(int dstOffset, ColumnVector src, int srcOffset, int count) {
    for (int i = 0; i < count; i++) {
      copyFrom(dstOffset + i, src, srcOffset + i);
    }
  }

  /**
   * A new vector of the first {@code count} rows named by {@code rows}, in that order. The typed vectors
   * override this with one loop over their arrays; this row-at-a-time copy is for the others.
   */
  public ColumnVector gather(int[] rows, int count) {
    ColumnVector out = ColumnVectors.allocate(type, count);
    for (int i = 0; i < count; i++) {
      out.copyFrom(i, this, rows[i]);
    }
    return out;
  }
}
