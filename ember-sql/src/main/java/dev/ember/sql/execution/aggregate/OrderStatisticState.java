package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.OrderStatistic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * percentile, median, percentile_approx and mode: each group keeps its non-NULL values, which travel between
 * the phases as one STRING buffer ({@link ValueListCodec}); the result sorts them (or counts them, for mode).
 * Every value is held, so percentile_approx is exact here: its answer is within any accuracy asked for, and
 * equals Spark's whenever Spark's sketch has not compressed (up to about {@code accuracy} values).
 */
final class OrderStatisticState implements GroupedState {

  private static final Comparator<Object> ORDER = OrderStatisticState::compareValues;
  private final OrderStatistic.Kind kind;
  private final double percentage;
  private final int accuracy;
  private List<Object>[] values = newArray(16);

  OrderStatisticState(OrderStatistic.Kind kind, double percentage, int accuracy) {
    this.kind = kind;
    this.percentage = percentage;
    this.accuracy = accuracy;
  }

  @SuppressWarnings("unchecked")
  private static List<Object>[] newArray(int n) {
    return new List[n];
  }

  @Override
  public void ensureCapacity(int groups) {
    if (groups > values.length) {
      values = Arrays.copyOf(values, Math.max(groups, values.length * 2));
    }
  }

  private List<Object> group(int g) {
    if (values[g] == null) {
      values[g] = new ArrayList<>();
    }
    return values[g];
  }

  @Override
  public void update(int[] groupIds, ColumnVector input, int n) {
    for (int i = 0; i < n; i++) {
      if (!input.nulls[i]) {
        group(groupIds[i]).add(input.getBoxed(i));
      }
    }
  }

  @Override
  public void merge(int[] groupIds, ColumnarBatch partial, int column, int n) {
    ColumnVector buffers = partial.column(column);
    for (int i = 0; i < n; i++) {
      if (!buffers.nulls[i]) {
        ValueListCodec.decodeInto((String) buffers.getBoxed(i), group(groupIds[i]));
      }
    }
  }

  @Override
  public void writeBuffer(int group, Object[] row, int offset) {
    row[offset] = ValueListCodec.encode(group(group));
  }

  @Override
  public Object result(int group) {
    List<Object> v = group(group);
    if (v.isEmpty()) {
      return null;
    }
    if (kind == OrderStatistic.Kind.MODE) {
      return mode(v);
    }
    Object[] sorted = v.toArray();
    Arrays.sort(sorted, ORDER);
    if (kind == OrderStatistic.Kind.PERCENTILE_APPROX) {
      return approximate(sorted);
    }
    return interpolate(sorted);
  }

  /** Spark's Percentile: interpolation between the values at floor and ceil of {@code (n - 1) * p}. */
  private Object interpolate(Object[] sorted) {
    double position = (sorted.length - 1) * percentage;
    long lower = (long) Math.floor(position);
    long higher = (long) Math.ceil(position);
    double lowerValue = ((Number) sorted[(int) lower]).doubleValue();
    if (higher == lower) {
      return lowerValue;
    }
    double higherValue = ((Number) sorted[(int) higher]).doubleValue();
    return (higher - position) * lowerValue + (position - lower) * higherValue;
  }

  /**
   * Spark's QuantileSummaries.query over an uncompressed summary: the extremes within the relative error
   * {@code 1 / accuracy}, else the value at rank {@code ceil(p * n)}.
   */
  private Object approximate(Object[] sorted) {
    double relativeError = 1.0 / accuracy;
    if (percentage <= relativeError) {
      return sorted[0];
    }
    if (percentage >= 1 - relativeError) {
      return sorted[sorted.length - 1];
    }
    long rank = (long) Math.ceil(percentage * sorted.length);
    return sorted[(int) Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static Object mode(List<Object> v) {
    Map<Object, Long> counts = new HashMap<>();
    for (Object value : v) {
      counts.merge(value, 1L, Long::sum);
    }
    Object best = null;
    long bestCount = 0;
    for (Map.Entry<Object, Long> e : counts.entrySet()) {
      long c = e.getValue();
      if (c > bestCount || c == bestCount && compareValues(e.getKey(), best) < 0) {
        best = e.getKey();
        bestCount = c;
      }
    }
    return best;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }
}
