package dev.ember.sql.encoders;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A {@code java.util.List} (or other collection, read back as an {@code ArrayList}) or a Java array as an
 * array column. As in Spark, the array may hold nulls unless its elements are primitives.
 */
final class ArrayCodec extends FieldCodec {

  private static final long serialVersionUID = 1L;
  private final FieldCodec element;
  /** The component class of a Java array, or null for a list. */
  private final Class<?> componentType;

  ArrayCodec(FieldCodec element, Class<?> componentType) {
    this.element = java.util.Objects.requireNonNull(element, "element is null");
    this.componentType = componentType;
  }

  @Override
  public DataType dataType() {
    return new ArrayType(element.dataType(), element.nullable());
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  protected Object internal(Object v) {
    List<Object> out;
    if (v instanceof Collection<?> values) {
      out = new ArrayList<>(values.size());
      for (Object value : values) {
        out.add(element.toInternal(value));
      }
    } else {
      int n = Array.getLength(v);
      out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(element.toInternal(Array.get(v, i)));
      }
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  protected Object external(Object v) {
    List<?> values = (List<?>) v;
    if (componentType == null) {
      List<Object> out = new ArrayList<>(values.size());
      for (Object value : values) {
        out.add(element.toExternal(value));
      }
      return out;
    }
    Object out = Array.newInstance(componentType, values.size());
    for (int i = 0; i < values.size(); i++) {
      Object value = element.toExternal(values.get(i));
      if (value == null && componentType.isPrimitive()) {
        throw new NullPointerException("Null value appeared in non-nullable field: an element of a "
            + componentType.getName() + "[] array");
      }
      Array.set(out, i, value);
    }
    return out;
  }
}
