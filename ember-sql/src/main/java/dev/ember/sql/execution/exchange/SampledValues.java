package dev.ember.sql.execution.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Internal values made fit to travel in a task result: arrays and structs (unmodifiable lists) and maps
 * (unmodifiable maps) become plain {@link ArrayList}s and {@link LinkedHashMap}s, which every serializer can
 * rebuild; other values are returned as they are.
 */
final class SampledValues {

  private SampledValues() {}

  /** {@code value} with its nested lists and maps copied into mutable ones. */
  static Object shippable(Object value) {
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object element : list) {
        copy.add(shippable(element));
      }
      return copy;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(shippable(k), shippable(v)));
      return copy;
    }
    return value;
  }
}
