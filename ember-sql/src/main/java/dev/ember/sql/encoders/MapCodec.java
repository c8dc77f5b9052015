package dev.ember.sql.encoders;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.MapType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@code java.util.Map} as a map column (read back as a {@code HashMap} keeping the column's order). */
final class MapCodec extends FieldCodec {

  private static final long serialVersionUID = 1L;
  private final FieldCodec key;
  private final FieldCodec value;

  MapCodec(FieldCodec key, FieldCodec value) {
    this.key = java.util.Objects.requireNonNull(key, "key is null");
    this.value = java.util.Objects.requireNonNull(value, "value is null");
  }

  @Override
  public DataType dataType() {
    return new MapType(key.dataType(), value.dataType(), value.nullable());
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  protected Object internal(Object v) {
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) v).entrySet()) {
      if (entry.getKey() == null) {
        throw new NullPointerException("Null value appeared in non-nullable field: a map key");
      }
      out.put(key.toInternal(entry.getKey()), value.toInternal(entry.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }

  @Override
  protected Object external(Object v) {
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) v).entrySet()) {
      out.put(key.toExternal(entry.getKey()), value.toExternal(entry.getValue()));
    }
    return out;
  }
}
