package dev.ember.sql.encoders;

import dev.ember.Tuple2;
import dev.ember.Tuple3;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Tuple2} or {@link Tuple3} values as columns {@code _1}, {@code _2}[, {@code _3}], one per element:
 * the element's single column for flat encoders (values, {@code kryo}), a struct of its columns for beans and
 * tuples, as Spark's tuple encoders nest.
 *
 * @param <T> Tuple2 or Tuple3 of the element types
 */
public final class TupleEncoder<T> extends ExpressionEncoder<T> {

  private static final long serialVersionUID = 1L;
  private final List<FieldCodec> elements;

  /** The encoder of tuples whose elements {@code elements} encode, two or three of them. */
  public TupleEncoder(List<? extends ExpressionEncoder<?>> elements) {
    if (elements.size() < 2 || elements.size() > 3) {
      throw new IllegalArgumentException("tuples of 2 or 3 elements, not " + elements.size());
    }
    List<FieldCodec> codecs = new ArrayList<>();
    for (ExpressionEncoder<?> e : elements) {
      codecs.add(new EncoderCodec(e));
    }
    this.elements = List.copyOf(codecs);
  }

  @Override
  public StructType schema() {
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      fields.add(new StructField("_" + (i + 1), elements.get(i).dataType(), true));
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
      row[i] = elements.get(i).toInternal(parts[i]);
    }
    return row;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T fromRow(Object[] row) {
    Object a = elements.get(0).toExternal(row[0]);
    Object b = elements.get(1).toExternal(row[1]);
    if (elements.size() == 2) {
      return (T) new Tuple2<>(a, b);
    }
    return (T) new Tuple3<>(a, b, elements.get(2).toExternal(row[2]));
  }

  @Override
  public boolean bindsByPosition() {
    return true;
  }
}
