package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * sum(x) over decimals: per group an unscaled long sum (inputs and sum share the scale), promoted to a
 * BigInteger only for a group whose sum overflows a long, so summing TPC-H prices allocates nothing per row.
 * The result is NULL for a group without values, and NULL when it has more digits than the result type
 * (Spark's non-ANSI behaviour). With {@code count}, it is also the buffer of avg.
 */
final class DecimalSumState implements GroupedState {

  private static final long[] LONG_POWERS = new long[19];

  static {
    LONG_POWERS[0] = 1;
    for (int i = 1; i < LONG_POWERS.length; i++) {
      LONG_POWERS[i] = LONG_POWERS[i - 1] * 10;
    }
  }

  private final DecimalType sumType;
  private long[] sums = new long[16];
  private BigInteger[] wide;
  private long[] counts = new long[16];
  /**
   * An upper bound of every long sum's magnitude while all of them were made by {@link #updateUnchecked}
   * (the magnitudes it added), or {@code Long.MAX_VALUE} once unknown; below {@link #SAFE} a batch whose
   * values' magnitudes add up to at most the difference cannot overflow a long.
   */
  private long magnitudeBound;
  private static final long SAFE = 1L << 62;

  DecimalSumState(DecimalType sumType) {
    this.sumType = sumType;
  }

  @Override
  public void ensureCapacity(int groups) {
    if (groups > sums.length) {
      int size = Math.max(groups, sums.length * 2);
      sums = Arrays.copyOf(sums, size);
      counts = Arrays.copyOf(counts, size);
      if (wide != null) {
        wide = Arrays.copyOf(wide, size);
      }
    }
  }

  @Override
  public void update(int[] groupIds, ColumnVector input, int n) {
    magnitudeBound = Long.MAX_VALUE;
    DecimalColumnVector v = (DecimalColumnVector) input;
    if (!v.hasWideValues() && wide == null) {
      updateLongs(groupIds, v, n);
      return;
    }
    updateRows(groupIds, v, 0, n);
  }

  /**
   * PARTIAL with the batch's group row counts: when no sum can overflow in this batch (its values'
   * magnitudes times its rows stay within {@link #magnitudeBound}'s room), one loop of additions without an
   * overflow test per row and counts added per group; otherwise the checked loops.
   */
  @Override
  public void update(BatchGroups batch, ColumnVector input) {
    DecimalColumnVector v = (DecimalColumnVector) input;
    int n = batch.rows();
    if (n == 0) {
      return;
    }
    if (v.hasWideValues() || wide != null || magnitudeBound >= SAFE) {
      update(batch.ids(), input, n);
      return;
    }
    long[] values = v.unscaled;
    long bits = 0;
    for (int i = 0; i < n; i++) {
      // x ^ (x >> 63) is |x| for x >= 0 and |x| - 1 below, so every |value| is at most bits + 1.
      bits |= values[i] ^ (values[i] >> 63);
    }
    if (bits >= SAFE / n || magnitudeBound > SAFE - (bits + 1) * n) {
      update(batch.ids(), input, n);
      return;
    }
    magnitudeBound += (bits + 1) * n;
    updateUnchecked(batch, v);
  }

  /** Adds every non-NULL value to its group's long sum, knowing that no sum can overflow. */
  private void updateUnchecked(BatchGroups batch, DecimalColumnVector v) {
    long[] values = v.unscaled;
    boolean[] nulls = v.nulls;
    int[] ids = batch.ids();
    long[] s = sums;
    for (int i = 0, n = batch.rows(); i < n; i++) {
      s[ids[i]] += nulls[i] ? 0 : values[i];
    }
    batch.addNonNullCounts(counts, nulls);
  }

  /**
   * The common case: compact inputs and no group summed wide yet, one loop of long additions. A NULL is
   * skipped; the first overflow promotes its group to a BigInteger and the rest of the batch takes the
   * general loop, which checks each group's representation.
   */
  private void updateLongs(int[] groupIds, DecimalColumnVector v, int n) {
    long[] values = v.unscaled;
    boolean[] nulls = v.nulls;
    long[] s = sums;
    long[] c = counts;
    for (int i = 0; i < n; i++) {
      int g = groupIds[i];
      long value = values[i];
      long sum = s[g];
      long next = sum + value;
      // Overflow when both operands have the sign the result lacks.
      if ((((sum ^ next) & (value ^ next)) < 0) & !nulls[i]) {
        c[g]++;
        addWide(g, BigInteger.valueOf(value));
        updateRows(groupIds, v, i + 1, n);
        return;
      }
      if (!nulls[i]) {
        c[g]++;
        s[g] = next;
      }
    }
  }

  private void updateRows(int[] groupIds, DecimalColumnVector v, int from, int n) {
    boolean[] nulls = v.nulls;
    for (int i = from; i < n; i++) {
      if (!nulls[i]) {
        int g = groupIds[i];
        counts[g]++;
        add(g, v, i);
      }
    }
  }

  /** Adds row {@code i} of {@code v} to group {@code g}'s sum, in long arithmetic while it does not overflow. */
  private void add(int g, DecimalColumnVector v, int i) {
    if (v.isCompact(i) && (wide == null || wide[g] == null)) {
      long value = v.unscaled[i];
      long sum = sums[g];
      long next = sum + value;
      // Overflow when both operands have the sign the result lacks.
      if (((sum ^ next) & (value ^ next)) < 0) {
        addWide(g, BigInteger.valueOf(value));
      } else {
        sums[g] = next;
      }
    } else {
      addWide(g, v.getDecimal(i).unscaledValue());
    }
  }

  private void addWide(int g, BigInteger value) {
    if (wide == null) {
      wide = new BigInteger[sums.length];
    }
    if (wide[g] == null) {
      wide[g] = BigInteger.valueOf(sums[g]);
      sums[g] = 0;
    }
    wide[g] = wide[g].add(value);
  }

  /** Adds partial sums (column {@code column}) and, when {@code countColumn} is not negative, their counts. */
  void mergeSums(int[] groupIds, ColumnarBatch partial, int column, int countColumn, int n) {
    magnitudeBound = Long.MAX_VALUE;
    DecimalColumnVector v = (DecimalColumnVector) partial.column(column);
    long[] partialCounts = countColumn < 0 ? null
        : ((dev.ember.sql.execution.vector.LongColumnVector) partial.column(countColumn)).values;
    for (int i = 0; i < n; i++) {
      int g = groupIds[i];
      if (!v.nulls[i]) {
        add(g, v, i);
      }
      // A partial sum counts as one value for sum (NULL when its group had none); avg adds the real counts.
      counts[g] += partialCounts != null ? partialCounts[i] : v.nulls[i] ? 0 : 1;
    }
  }

  @Override
  public void merge(int[] groupIds, ColumnarBatch partial, int column, int n) {
    mergeSums(groupIds, partial, column, -1, n);
  }

  /** Copies the counts of groups {@code from .. from+count-1} into {@code out}. */
  void writeCounts(int from, int count, long[] out) {
    System.arraycopy(counts, from, out, 0, count);
  }

  /** Whether group {@code g} has values and a sum held as a long within the sum type's digits. */
  boolean hasLongSum(int g) {
    long limit = sumType.precision() < LONG_POWERS.length ? LONG_POWERS[sumType.precision()] : Long.MAX_VALUE;
    return counts[g] != 0 && (wide == null || wide[g] == null) && sums[g] < limit && sums[g] > -limit;
  }

  /** Group {@code g}'s unscaled sum, when {@link #hasLongSum} says it is a long. */
  long longSum(int g) {
    return sums[g];
  }

  /** 10 to the power {@code exponent}, for exponents 0 to 18. */
  static long powerOfTen(int exponent) {
    return LONG_POWERS[exponent];
  }

  long count(int group) {
    return counts[group];
  }

  /** The exact sum of a group with values, at the input scale. */
  BigDecimal exactSum(int group) {
    BigInteger unscaled = wide != null && wide[group] != null ? wide[group] : BigInteger.valueOf(sums[group]);
    return new BigDecimal(unscaled, sumType.scale());
  }

  @Override
  public void writeBuffer(int group, Object[] row, int offset) {
    row[offset] = result(group);
  }

  @Override
  public Object result(int group) {
    if (counts[group] == 0) {
      return null;
    }
    BigDecimal sum = exactSum(group);
    return sum.precision() - sum.scale() > sumType.precision() - sumType.scale() ? null : sum;
  }

  @Override
  public void writeBuffers(int from, int count, ColumnVector[] out, int offset, int width) {
    writeResults(from, count, out[offset]);
  }

  /**
   * Copies the long sums straight into a decimal vector of the sum's scale when a sum has no more digits
   * than the type allows; any other group (no values, a wide sum, an overflow) takes {@link #result}.
   */
  @Override
  public void writeResults(int from, int count, ColumnVector out) {
    if (!(out instanceof DecimalColumnVector d) || d.scale() != sumType.scale()) {
      GroupedState.super.writeResults(from, count, out);
      return;
    }
    // Every long has at most 19 digits, so with a precision of 19 or more any long sum fits the type.
    long limit = sumType.precision() < LONG_POWERS.length ? LONG_POWERS[sumType.precision()] : Long.MAX_VALUE;
    for (int i = 0; i < count; i++) {
      int g = from + i;
      long sum = sums[g];
      if (counts[g] != 0 && (wide == null || wide[g] == null) && sum < limit && sum > -limit) {
        d.setUnscaled(i, sum);
      } else {
        d.setBoxed(i, result(g));
      }
    }
  }
}
