package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * min(x) or max(x): the extreme non-NULL value per group, NULL when there is none. Int, date, bigint,
 * timestamp and decimal inputs (decimals by their unscaled longs) keep a primitive long per group, doubles a
 * double, and both update and write their results column-at-a-time without boxing; other types, and decimals
 * once a value too wide for a long arrives, compare boxed values. Doubles order as Spark orders them (NaN
 * above everything) through {@link Double#compare}.
 */
final class ExtremumState implements GroupedState {

  /** How the values are held: chosen by the first input column. */
  private enum Mode { UNSET, LONGS, DOUBLES, DECIMALS, OBJECTS }

  private final boolean max;
  private Mode mode = Mode.UNSET;
  private int scale;
  private boolean ints;
  private boolean[] seen = new boolean[16];
  private long[] longs;
  private double[] doubles;
  private Object[] values;

  ExtremumState(boolean max) {
    this.max = max;
  }

  @Override
  public void ensureCapacity(int groups) {
    if (groups <= seen.length) {
      return;
    }
    int size = Math.max(groups, seen.length * 2);
    seen = Arrays.copyOf(seen, size);
    if (longs != null) {
      longs = Arrays.copyOf(longs, size);
    }
    if (doubles != null) {
      doubles = Arrays.copyOf(doubles, size);
    }
    if (values != null) {
      values = Arrays.copyOf(values, size);
    }
  }

  private void choose(ColumnVector input) {
    if (input instanceof LongColumnVector || input instanceof IntColumnVector) {
      mode = Mode.LONGS;
      ints = input instanceof IntColumnVector;
      longs = new long[seen.length];
    } else if (input instanceof DoubleColumnVector) {
      mode = Mode.DOUBLES;
      doubles = new double[seen.length];
    } else if (input instanceof DecimalColumnVector d) {
      mode = Mode.DECIMALS;
      scale = d.scale();
      longs = new long[seen.length];
    } else {
      mode = Mode.OBJECTS;
      values = new Object[seen.length];
    }
  }

  @Override
  public void update(int[] groupIds, ColumnVector input, int n) {
    if (mode == Mode.UNSET) {
      choose(input);
    }
    if (mode == Mode.DECIMALS) {
      DecimalColumnVector d = (DecimalColumnVector) input;
      if (d.hasWideValues() || d.scale() != scale) {
        boxDecimals();
      } else {
        updateLongs(groupIds, d.unscaled, input.nulls, n);
        return;
      }
    }
    if (mode == Mode.LONGS && input instanceof LongColumnVector v) {
      updateLongs(groupIds, v.values, input.nulls, n);
    } else if (mode == Mode.LONGS && input instanceof IntColumnVector v) {
      updateInts(groupIds, v.values, input.nulls, n);
    } else if (mode == Mode.DOUBLES) {
      updateDoubles(groupIds, ((DoubleColumnVector) input).values, input.nulls, n);
    } else {
      for (int i = 0; i < n; i++) {
        if (!input.nulls[i]) {
          offer(groupIds[i], input.getBoxed(i));
        }
      }
    }
  }

  private void updateLongs(int[] groupIds, long[] v, boolean[] nulls, int n) {
    for (int i = 0; i < n; i++) {
      int g = groupIds[i];
      if (!nulls[i] && (!seen[g] || (max ? v[i] > longs[g] : v[i] < longs[g]))) {
        longs[g] = v[i];
        seen[g] = true;
      }
    }
  }

  private void updateInts(int[] groupIds, int[] v, boolean[] nulls, int n) {
    for (int i = 0; i < n; i++) {
      int g = groupIds[i];
      if (!nulls[i] && (!seen[g] || (max ? v[i] > longs[g] : v[i] < longs[g]))) {
        longs[g] = v[i];
        seen[g] = true;
      }
    }
  }

  private void updateDoubles(int[] groupIds, double[] v, boolean[] nulls, int n) {
    for (int i = 0; i < n; i++) {
      int g = groupIds[i];
      if (!nulls[i] && (!seen[g] || better(Double.compare(v[i], doubles[g])))) {
        doubles[g] = v[i];
        seen[g] = true;
      }
    }
  }

  /** Moves the decimal extremes to BigDecimals, for an input with values too wide for a long. */
  private void boxDecimals() {
    values = new Object[seen.length];
    for (int g = 0; g < seen.length; g++) {
      if (seen[g]) {
        values[g] = BigDecimal.valueOf(longs[g], scale);
      }
    }
    longs = null;
    mode = Mode.OBJECTS;
  }

  private boolean better(int compare) {
    return max ? compare > 0 : compare < 0;
  }

  @Override
  public void merge(int[] groupIds, ColumnarBatch partial, int column, int n) {
    update(groupIds, partial.column(column), n);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void offer(int group, Object value) {
    if (!seen[group] || better(((Comparable) value).compareTo(values[group]))) {
      values[group] = value;
      seen[group] = true;
    }
  }

  @Override
  public void writeBuffer(int group, Object[] row, int offset) {
    row[offset] = result(group);
  }

  @Override
  public Object result(int group) {
    if (!seen[group]) {
      return null;
    }
    return switch (mode) {
      case LONGS -> ints ? (Object) (int) longs[group] : (Object) longs[group];
      case DOUBLES -> doubles[group];
      case DECIMALS -> BigDecimal.valueOf(longs[group], scale);
      default -> values[group];
    };
  }

  @Override
  public void writeBuffers(int from, int count, ColumnVector[] out, int offset, int width) {
    writeResults(from, count, out[offset]);
  }

  /** Copies the primitive extremes into a vector of the input's kind; NULL for groups without a value. */
  @Override
  public void writeResults(int from, int count, ColumnVector out) {
    boolean[] nulls = out.nulls;
    if (mode == Mode.LONGS && out instanceof LongColumnVector v) {
      System.arraycopy(longs, from, v.values, 0, count);
    } else if (mode == Mode.LONGS && out instanceof IntColumnVector v) {
      for (int i = 0; i < count; i++) {
        v.values[i] = (int) longs[from + i];
      }
    } else if (mode == Mode.DOUBLES && out instanceof DoubleColumnVector v) {
      System.arraycopy(doubles, from, v.values, 0, count);
    } else if (mode == Mode.DECIMALS && out instanceof DecimalColumnVector v && v.scale() == scale) {
      for (int i = 0; i < count; i++) {
        if (seen[from + i]) {
          v.setUnscaled(i, longs[from + i]);
        }
      }
    } else {
      for (int i = 0; i < count; i++) {
        out.setBoxed(i, result(from + i));
      }
      return;
    }
    for (int i = 0; i < count; i++) {
      nulls[i] = !seen[from + i];
    }
  }
}
