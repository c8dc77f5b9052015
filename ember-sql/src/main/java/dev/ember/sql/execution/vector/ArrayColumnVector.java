package dev.ember.sql.execution.vector;

import dev.ember.sql.types.ArrayType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A column of arrays: row i's elements are {@code lengths[i]} consecutive slots of the {@link #elements}
 * vector starting at {@code offsets[i]}. Rows may be written in any order; each write appends its elements
 * to the child vector, which grows by doubling. Internal values are unmodifiable {@link List}s of the
 * elements' internal values.
 */
public final class ArrayColumnVector extends ColumnVector {

  private static final long serialVersionUID = 1L;

  /** Where each row's elements start in {@link #elements}. */
  public final int[] offsets;
  /** How many elements each row has. */
  public final int[] lengths;
  private ColumnVector elements;
  private int used;

  /** An empty vector of {@code capacity} rows (every row an empty array until set). */
  public ArrayColumnVector(ArrayType type, int capacity) {
    super(type, capacity);
    this.offsets = new int[capacity];
    this.lengths = new int[capacity];
    this.elements = ColumnVectors.allocate(type.elementType(), Math.max(16, capacity));
  }

  /** The child vector of every row's elements. */
  public ColumnVector elements() {
    return elements;
  }

  /** The element type's internal value of element {@code j} of row {@code i}. */
  public Object element(int i, int j) {
    return elements.getBoxed(offsets[i] + j);
  }

  @Override
  public Object getBoxed(int i) {
    if (nulls[i]) {
      return null;
    }
    List<Object> values = new ArrayList<>(lengths[i]);
    for (int j = 0; j < lengths[i]; j++) {
      values.add(elements.getBoxed(offsets[i] + j));
    }
    return Collections.unmodifiableList(values);
  }

  @Override
  public void setBoxed(int i, Object value) {
    nulls[i] = value == null;
    if (value == null) {
      lengths[i] = 0;
      return;
    }
    List<?> values = (List<?>) value;
    reserve(values.size());
    offsets[i] = used;
    lengths[i] = values.size();
    for (Object element : values) {
      elements.setBoxed(used++, element);
    }
  }

  @Override
  public void copyFrom(int i, ColumnVector src, int srcRow) {
    ArrayColumnVector source = (ArrayColumnVector) src;
    nulls[i] = source.nulls[srcRow];
    int length = nulls[i] ? 0 : source.lengths[srcRow];
    reserve(length);
    offsets[i] = used;
    lengths[i] = length;
    for (int j = 0; j < length; j++) {
      elements.copyFrom(used++, source.elements, source.offsets[srcRow] + j);
    }
  }

  private void reserve(int more) {
    elements = ColumnVectors.grow(elements, used, used + more);
  }
}
