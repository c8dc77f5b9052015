package dev.ember.sql.encoders;

import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.List;

/**
 * Values of one of the {@link ValueType} classes as a single nullable column named {@code value}, as
 * Spark's {@code Encoders.STRING}, {@code Encoders.INT}, ... do.
 *
 * @param <T> the Java class
 */
public final class FlatEncoder<T> extends ExpressionEncoder<T> {

  private static final long serialVersionUID = 1L;
  private final ValueType valueType;

  /** The encoder of {@code valueType}'s class. */
  public FlatEncoder(ValueType valueType) {
    this.valueType = java.util.Objects.requireNonNull(valueType, "valueType is null");
  }

  /** The value type. */
  public ValueType valueType() {
    return valueType;
  }

  @Override
  public StructType schema() {
    return new StructType(List.of(new StructField("value", valueType.dataType(), true)));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Class<T> clsTag() {
    return (Class<T>) valueType.javaClass();
  }

  @Override
  public Object[] toRow(T value) {
    return new Object[] {valueType.toInternal(value)};
  }

  @Override
  @SuppressWarnings("unchecked")
  public T fromRow(Object[] row) {
    return (T) valueType.toExternal(row[0]);
  }

  @Override
  public boolean bindsByPosition() {
    return true;
  }

  @Override
  public boolean isFlat() {
    return true;
  }
}
