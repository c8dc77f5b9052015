package dev.ember.sql.encoders;

import dev.ember.sql.types.DataType;

/** A value of one of the {@link ValueType} classes, or its primitive (then not nullable). */
final class LeafCodec extends FieldCodec {

  private static final long serialVersionUID = 1L;
  private final ValueType valueType;
  private final boolean primitive;

  LeafCodec(ValueType valueType, boolean primitive) {
    this.valueType = java.util.Objects.requireNonNull(valueType, "valueType is null");
    this.primitive = primitive;
  }

  @Override
  public DataType dataType() {
    return valueType.dataType();
  }

  @Override
  public boolean nullable() {
    return !primitive;
  }

  @Override
  protected Object internal(Object v) {
    return valueType.toInternal(v);
  }

  @Override
  protected Object external(Object v) {
    return valueType.toExternal(v);
  }
}
