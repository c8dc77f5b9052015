package dev.ember.sql.execution.vector;

import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A column of structs: one child vector per field, each with a slot per row. Internal values are
 * unmodifiable {@link List}s of the fields' internal values, in field order.
 */
public final class StructColumnVector extends ColumnVector {

  private static final long serialVersionUID = 1L;
  private final ColumnVector[] fields;

  /** A vector of {@code capacity} rows. */
  public StructColumnVector(StructType type, int capacity) {
    super(type, capacity);
    this.fields = new ColumnVector[type.length()];
    for (int f = 0; f < fields.length; f++) {
      fields[f] = ColumnVectors.allocate(type.apply(f).dataType(), capacity);
    }
  }

  /** The child vector of field {@code ordinal}. */
  public ColumnVector field(int ordinal) {
    return fields[ordinal];
  }

  @Override
  public Object getBoxed(int i) {
    if (nulls[i]) {
      return null;
    }
    List<Object> values = new ArrayList<>(fields.length);
    for (ColumnVector field : fields) {
      values.add(field.getBoxed(i));
    }
    return Collections.unmodifiableList(values);
  }

  @Override
  public void setBoxed(int i, Object value) {
    nulls[i] = value == null;
    if (value == null) {
      for (ColumnVector field : fields) {
        field.nulls[i] = true;
      }
      return;
    }
    List<?> values = (List<?>) value;
    for (int f = 0; f < fields.length; f++) {
      fields[f].setBoxed(i, values.get(f));
    }
  }

  @Override
  public void copyFrom(int i, ColumnVector src, int srcRow) {
    StructColumnVector source = (StructColumnVector) src;
    nulls[i] = source.nulls[srcRow];
    for (int f = 0; f < fields.length; f++) {
      fields[f].copyFrom(i, source.fields[f], srcRow);
    }
  }
}
