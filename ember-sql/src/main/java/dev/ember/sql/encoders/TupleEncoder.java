package dev.ember.sql.encoders;

import dev.ember.Tuple2;
import dev.ember.Tuple3;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Tuple2} or {@link Tuple3} values as columns {@code _1}, {@code _2}[, {@code _3}], one per element,
 * each written by the element's flat encoder. Elements that are beans or tuples would need struct columns,
 * which Ember does not have yet.
 *
 * @param <T> Tuple2 or Tuple3 of the element types
 */
public final class TupleEncoder<T> extends ExpressionEncoder<T> {

  private static final long serialVersionUID = 1L;
  private final List<FlatEncoder<Object>> elements;

  /** The encoder of tuples whose elements {@code elements} encode, two or three of them. */
  @SuppressWarnings("unchecked")
  public TupleEncoder(List<? extends ExpressionEncoder<?>> elements) {
    if (elements.size() < 2 || elements.size() > 3) {
      throw new IllegalArgumentException("tuples of 2 or 3 elements, not " + elements.size());
    }
    List<FlatEncoder<Object>> flat = new ArrayList<>();
    for (ExpressionEncoder<?> e : elements) {
      if (!(e instanceof FlatEncoder<?>)) {
        throw AnalysisException.unsupported("a tuple element of " + e.clsTag().getName()
            + " (it would be a struct column, and struct columns are not built yet)");
      }
      flat.add((FlatEncoder<Object>) e);
    }
    this.elements = List.copyOf(flat);
  }

  @Override
  public StructType schema() {
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      fields.add(new StructField("_" + (i + 1), elements.get(i).valueType().dataType(), true));
    }
    return new StructType(fields);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Class<T> clsTag() {
    return (Class<T>) (elements.size() == 2 ? Tuple2.class : Tuple3.class);
  }

  @Override
  public Object[] toRow(T value) {
    Object[] row = new Object[elements.size()];
    if (value == null) {
      throw new NullPointerException("Null value appeared in non-nullable field: top level tuple; use a "
          + "tuple of nulls instead of a null tuple");
    }
    Object[] parts = value instanceof Tuple2<?, ?> t2 ? new Object[] {t2._1(), t2._2()}
        : new Object[] {((Tuple3<?, ?, ?>) value)._1(), ((Tuple3<?, ?, ?>) value)._2(), ((Tuple3<?, ?, ?>) value)._3()};
    for (int i = 0; i < row.length; i++) {
      row[i] = elements.get(i).valueType().toInternal(parts[i]);
    }
    return row;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T fromRow(Object[] row) {
    Object a = elements.get(0).valueType().toExternal(row[0]);
    Object b = elements.get(1).valueType().toExternal(row[1]);
    if (elements.size() == 2) {
      return (T) new Tuple2<>(a, b);
    }
    return (T) new Tuple3<>(a, b, elements.get(2).valueType().toExternal(row[2]));
  }

  @Override
  public boolean bindsByPosition() {
    return true;
  }
}
