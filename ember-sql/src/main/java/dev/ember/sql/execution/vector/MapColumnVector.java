package dev.ember.sql.execution.vector;

import dev.ember.sql.types.MapType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A column of maps: row i's entries are {@code lengths[i]} consecutive slots of the {@link #keys} and
 * {@link #values} vectors starting at {@code offsets[i]}. Internal values are unmodifiable {@link Map}s that
 * keep the entries' order.
 */
public final class MapColumnVector extends ColumnVector {

  private static final long serialVersionUID = 1L;

  /** Where each row's entries start. */
  public final int[] offsets;
  /** How many entries each row has. */
  public final int[] lengths;
  private ColumnVector keys;
  private ColumnVector values;
  private int used;

  /** An empty vector of {@code capacity} rows. */
  public MapColumnVector(MapType type, int capacity) {
    super(type, capacity);
    this.offsets = new int[capacity];
    this.lengths = new int[capacity];
    this.keys = ColumnVectors.allocate(type.keyType(), Math.max(16, capacity));
    this.values = ColumnVectors.allocate(type.valueType(), Math.max(16, capacity));
  }

  /** The child vector of every row's keys. */
  public ColumnVector keys() {
    return keys;
  }

  /** The child vector of every row's values. */
  public ColumnVector values() {
    return values;
  }

  @Override
  public Object getBoxed(int i) {
    if (nulls[i]) {
      return null;
    }
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int j = 0; j < lengths[i]; j++) {
      map.put(keys.getBoxed(offsets[i] + j), values.getBoxed(offsets[i] + j));
    }
    return Collections.unmodifiableMap(map);
  }

  @Override
  public void setBoxed(int i, Object value) {
    nulls[i] = value == null;
    if (value == null) {
      lengths[i] = 0;
      return;
    }
    Map<?, ?> map = (Map<?, ?>) value;
    reserve(map.size());
    offsets[i] = used;
    lengths[i] = map.size();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      keys.setBoxed(used, entry.getKey());
      values.setBoxed(used++, entry.getValue());
    }
  }

  @Override
  public void copyFrom(int i, ColumnVector src, int srcRow) {
    MapColumnVector source = (MapColumnVector) src;
    nulls[i] = source.nulls[srcRow];
    int length = nulls[i] ? 0 : source.lengths[srcRow];
    reserve(length);
    offsets[i] = used;
    lengths[i] = length;
    for (int j = 0; j < length; j++) {
      keys.copyFrom(used, source.keys, source.offsets[srcRow] + j);
      values.copyFrom(used++, source.values, source.offsets[srcRow] + j);
    }
  }

  private void reserve(int more) {
    keys = ColumnVectors.grow(keys, used, used + more);
    values = ColumnVectors.grow(values, used, used + more);
  }
}
