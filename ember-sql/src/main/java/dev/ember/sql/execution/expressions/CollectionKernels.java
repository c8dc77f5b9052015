package dev.ember.sql.execution.expressions;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Kernels of the array, map and struct functions with Spark's semantics (non-ANSI): indexes of
 * {@code element_at} are 1-based and may count from the end, {@code a[i]} is 0-based, an index out of
 * bounds or a missing key gives NULL, {@code size(NULL)} is -1. Values are the internal lists and maps of
 * the nested vectors.
 */
final class CollectionKernels {

  private CollectionKernels() {}

  static void register(Map<String, FunctionKernels.Kernel> k) {
    k.put("array", CollectionKernels::array);
    k.put("map", CollectionKernels::map);
    k.put("struct", CollectionKernels::struct);
    k.put("get_struct_field", (f, a, n) -> KernelSupport.boxed(f.dataType(), a, n,
        row -> ((List<?>) row[0]).get((Integer) row[1])));
    k.put("array_get", (f, a, n) -> KernelSupport.boxed(f.dataType(), a, n, row -> {
      List<?> list = (List<?>) row[0];
      int i = (Integer) row[1];
      return i < 0 || i >= list.size() ? null : list.get(i);
    }));
    k.put("element_at", (f, a, n) -> KernelSupport.boxed(f.dataType(), a, n, row -> {
      List<?> list = (List<?>) row[0];
      int i = (Integer) row[1];
      if (i == 0) {
        throw new ArithmeticException("[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be "
            + "either < 0 or > 0 (the first element has index 1).");
      }
      int at = i > 0 ? i - 1 : list.size() + i;
      return at < 0 || at >= list.size() ? null : list.get(at);
    }));
    k.put("map_get", (f, a, n) -> KernelSupport.boxed(f.dataType(), a, n, row -> ((Map<?, ?>) row[0]).get(row[1])));
    k.put("size", CollectionKernels::size);
    k.put("array_contains", (f, a, n) -> KernelSupport.boxed(DataTypes.BooleanType, a, n, row -> {
      List<?> list = (List<?>) row[0];
      return list.contains(row[1]) ? Boolean.TRUE : list.contains(null) ? null : Boolean.FALSE;
    }));
    k.put("array_position", (f, a, n) -> KernelSupport.boxed(DataTypes.LongType, a, n,
        row -> (long) (((List<?>) row[0]).indexOf(row[1]) + 1)));
    k.put("array_distinct", (f, a, n) -> KernelSupport.boxed(f.dataType(), a, n,
        row -> Collections.unmodifiableList(new ArrayList<>(new LinkedHashSet<>((List<?>) row[0])))));
    k.put("array_sort", (f, a, n) -> KernelSupport.boxed(f.dataType(), a, n, row -> sorted(row[0], true, false)));
    k.put("sort_array", (f, a, n) -> KernelSupport.boxed(f.dataType(), a, n, row -> {
      boolean ascending = (Boolean) row[1];
      return sorted(row[0], ascending, ascending);
    }));
    k.put("array_min", (f, a, n) -> KernelSupport.boxed(f.dataType(), a, n, row -> extreme(row[0], -1)));
    k.put("array_max", (f, a, n) -> KernelSupport.boxed(f.dataType(), a, n, row -> extreme(row[0], 1)));
    k.put("array_join", CollectionKernels::arrayJoin);
    k.put("slice", (f, a, n) -> KernelSupport.boxed(f.dataType(), a, n, CollectionKernels::slice));
    k.put("flatten", (f, a, n) -> KernelSupport.boxed(f.dataType(), a, n, row -> {
      List<Object> out = new ArrayList<>();
      for (Object inner : (List<?>) row[0]) {
        if (inner == null) {
          return null;
        }
        out.addAll((List<?>) inner);
      }
      return Collections.unmodifiableList(out);
    }));
    k.put("array_concat", (f, a, n) -> KernelSupport.boxed(f.dataType(), a, n, row -> {
      List<Object> out = new ArrayList<>();
      for (Object part : row) {
        out.addAll((List<?>) part);
      }
      return Collections.unmodifiableList(out);
    }));
    k.put("array_cast", CollectionKernels::arrayCast);
    k.put("map_keys", (f, a, n) -> KernelSupport.boxed(f.dataType(), a, n,
        row -> Collections.unmodifiableList(new ArrayList<>(((Map<?, ?>) row[0]).keySet()))));
    k.put("map_values", (f, a, n) -> KernelSupport.boxed(f.dataType(), a, n,
        row -> Collections.unmodifiableList(new ArrayList<>(((Map<?, ?>) row[0]).values()))));
    k.put("map_from_arrays", (f, a, n) -> KernelSupport.boxed(f.dataType(), a, n, CollectionKernels::mapFromArrays));
    k.put("split", (f, a, n) -> KernelSupport.boxed(f.dataType(), a, n, row -> {
      int limit = (Integer) row[2];
      String s = (String) row[0];
      if (s.isEmpty()) {
        return List.of("");
      }
      String[] parts = Pattern.compile((String) row[1]).split(s, limit > 0 ? limit : -1);
      if (((String) row[1]).isEmpty() && limit <= 0 && parts[parts.length - 1].isEmpty()) {
        // An empty pattern splits between characters; Spark (3.4+) drops the empty string after the last.
        return List.of(parts).subList(0, parts.length - 1);
      }
      return List.of(parts);
    }));
    BinaryKernels.register(k);
  }

  private static ColumnVector array(ScalarFunction f, ColumnVector[] a, int n) {
    ColumnVector out = ColumnVectors.allocate(f.dataType(), n);
    for (int i = 0; i < n; i++) {
      List<Object> values = new ArrayList<>(a.length);
      for (ColumnVector argument : a) {
        values.add(argument.getBoxed(i));
      }
      out.setBoxed(i, values);
    }
    return out;
  }

  private static ColumnVector struct(ScalarFunction f, ColumnVector[] a, int n) {
    return array(f, a, n);
  }

  private static ColumnVector map(ScalarFunction f, ColumnVector[] a, int n) {
    ColumnVector out = ColumnVectors.allocate(f.dataType(), n);
    for (int i = 0; i < n; i++) {
      Map<Object, Object> values = new LinkedHashMap<>();
      for (int j = 0; j < a.length; j += 2) {
        Object key = a[j].getBoxed(i);
        if (key == null) {
          throw new IllegalArgumentException("[NULL_MAP_KEY] Cannot use null as map key.");
        }
        values.put(key, a[j + 1].getBoxed(i));
      }
      out.setBoxed(i, values);
    }
    return out;
  }

  private static ColumnVector size(ScalarFunction f, ColumnVector[] a, int n) {
    ColumnVector out = ColumnVectors.allocate(DataTypes.IntegerType, n);
    for (int i = 0; i < n; i++) {
      Object v = a[0].getBoxed(i);
      out.setBoxed(i, v == null ? -1 : v instanceof Map<?, ?> m ? m.size() : ((List<?>) v).size());
    }
    return out;
  }

  private static List<Object> sorted(Object value, boolean ascending, boolean nullsFirst) {
    List<Object> out = new ArrayList<>((List<?>) value);
    out.sort((x, y) -> {
      if (x == null || y == null) {
        return x == y ? 0 : (x == null) == nullsFirst ? -1 : 1;
      }
      int c = ValueOrdering.compare(x, y);
      return ascending ? c : -c;
    });
    return Collections.unmodifiableList(out);
  }

  private static Object extreme(Object value, int sign) {
    Object best = null;
    for (Object v : (List<?>) value) {
      if (v != null && (best == null || ValueOrdering.compare(v, best) * sign > 0)) {
        best = v;
      }
    }
    return best;
  }

  private static ColumnVector arrayJoin(ScalarFunction f, ColumnVector[] a, int n) {
    ColumnVector out = ColumnVectors.allocate(DataTypes.StringType, n);
    for (int i = 0; i < n; i++) {
      Object list = a[0].getBoxed(i);
      Object delimiter = a[1].getBoxed(i);
      Object replacement = a.length > 2 ? a[2].getBoxed(i) : null;
      if (list == null || delimiter == null || a.length > 2 && replacement == null) {
        out.setBoxed(i, null);
        continue;
      }
      List<String> parts = new ArrayList<>();
      for (Object element : (List<?>) list) {
        if (element != null || replacement != null) {
          parts.add(Objects.toString(element, (String) replacement));
        }
      }
      out.setBoxed(i, String.join((String) delimiter, parts));
    }
    return out;
  }

  private static Object slice(Object[] row) {
    List<?> list = (List<?>) row[0];
    int start = (Integer) row[1];
    int length = (Integer) row[2];
    if (start == 0) {
      throw new IllegalArgumentException("[INVALID_PARAMETER_VALUE.START] The value of parameter `start` in "
          + "`slice` is invalid: Expects a positive or a negative value for `start`, but got 0.");
    }
    if (length < 0) {
      throw new IllegalArgumentException("[INVALID_PARAMETER_VALUE.LENGTH] The value of parameter `length` in "
          + "`slice` is invalid: Expects `length` greater than or equal to 0, but got " + length + ".");
    }
    int from = start > 0 ? start - 1 : list.size() + start;
    if (from < 0 || from >= list.size()) {
      return List.of();
    }
    return Collections.unmodifiableList(new ArrayList<>(list.subList(from, Math.min(list.size(), from + length))));
  }

  private static Object mapFromArrays(Object[] row) {
    List<?> keys = (List<?>) row[0];
    List<?> values = (List<?>) row[1];
    if (keys.size() != values.size()) {
      throw new IllegalArgumentException("The key array and value array of MapData must have the same length.");
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i) == null) {
        throw new IllegalArgumentException("[NULL_MAP_KEY] Cannot use null as map key.");
      }
      out.put(keys.get(i), values.get(i));
    }
    return Collections.unmodifiableMap(out);
  }

  private static ColumnVector arrayCast(ScalarFunction f, ColumnVector[] a, int n) {
    ArrayType to = (ArrayType) f.dataType();
    ColumnVector out = ColumnVectors.allocate(to, n);
    for (int i = 0; i < n; i++) {
      Object v = a[0].getBoxed(i);
      if (v == null) {
        out.setBoxed(i, null);
        continue;
      }
      List<?> list = (List<?>) v;
      ArrayType from = (ArrayType) a[0].dataType();
      ColumnVector elements = ColumnVectors.of(from.elementType(), list);
      ColumnVector cast = CastKernels.cast(elements, to.elementType(), false, null, list.size());
      List<Object> values = new ArrayList<>(list.size());
      for (int j = 0; j < list.size(); j++) {
        values.add(cast.getBoxed(j));
      }
      out.setBoxed(i, values);
    }
    return out;
  }
}
