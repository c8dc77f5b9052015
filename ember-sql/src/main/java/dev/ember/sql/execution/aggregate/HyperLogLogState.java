package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * approx_count_distinct with HyperLogLog++ as Spark runs it: {@code 2^p} six-bit registers packed ten to a
 * long (the buffer is that many bigint columns, as in Spark), each value's 64-bit hash choosing a register
 * and its leading zeros the rank; the estimate is linear counting while it is below Spark's threshold for
 * {@code p}, else the raw HyperLogLog estimate (without Spark's empirical bias tables, so mid-range estimates
 * may differ slightly from Spark's).
 */
final class HyperLogLogState implements GroupedState {

  static final int REGISTERS_PER_WORD = 10;
  private static final int REGISTER_BITS = 6;
  private static final long REGISTER_MASK = (1L << REGISTER_BITS) - 1;
  private static final double[] THRESHOLDS = {10, 20, 40, 80, 220, 400, 900, 1800, 3100, 6500, 11500, 20000,
      50000, 120000, 350000};

  private final int p;
  private final int m;
  private final int words;
  private long[][] registers = new long[16][];

  HyperLogLogState(int p) {
    this.p = p;
    this.m = 1 << p;
    this.words = wordCount(p);
  }

  static int wordCount(int p) {
    return ((1 << p) + REGISTERS_PER_WORD - 1) / REGISTERS_PER_WORD;
  }

  @Override
  public void ensureCapacity(int groups) {
    if (groups > registers.length) {
      registers = Arrays.copyOf(registers, Math.max(groups, registers.length * 2));
    }
  }

  private long[] group(int g) {
    if (registers[g] == null) {
      registers[g] = new long[words];
    }
    return registers[g];
  }

  @Override
  public void update(int[] groupIds, ColumnVector input, int n) {
    for (int i = 0; i < n; i++) {
      if (!input.nulls[i]) {
        add(group(groupIds[i]), hash(input, i));
      }
    }
  }

  private void add(long[] r, long hash) {
    int index = (int) (hash >>> (64 - p));
    long w = hash << p | (1L << (p - 1));
    long rank = Long.numberOfLeadingZeros(w) + 1;
    setMax(r, index, rank);
  }

  private static void setMax(long[] r, int index, long rank) {
    int word = index / REGISTERS_PER_WORD;
    int shift = (index % REGISTERS_PER_WORD) * REGISTER_BITS;
    long current = (r[word] >>> shift) & REGISTER_MASK;
    if (rank > current) {
      r[word] = (r[word] & ~(REGISTER_MASK << shift)) | (rank << shift);
    }
  }

  /** A 64-bit hash of row {@code i}: equal values (of one type) hash alike. */
  static long hash(ColumnVector v, int i) {
    long bits;
    if (v instanceof IntColumnVector ints) {
      bits = ints.values[i];
    } else if (v instanceof LongColumnVector longs) {
      bits = longs.values[i];
    } else if (v instanceof DoubleColumnVector doubles) {
      double d = doubles.values[i] == 0.0 ? 0.0 : doubles.values[i];
      bits = Double.doubleToLongBits(d);
    } else if (v instanceof DecimalColumnVector decimals) {
      bits = decimals.isCompact(i) ? decimals.unscaled[i] : decimals.getDecimal(i).hashCode();
    } else {
      bits = fnv(String.valueOf(v.getBoxed(i)).getBytes(StandardCharsets.UTF_8));
    }
    return mix(bits);
  }

  private static long fnv(byte[] bytes) {
    long h = 0xcbf29ce484222325L;
    for (byte b : bytes) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return h;
  }

  /** SplitMix64's finalizer, so that nearby values spread over all registers. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  @Override
  public void merge(int[] groupIds, ColumnarBatch partial, int column, int n) {
    for (int i = 0; i < n; i++) {
      long[] r = group(groupIds[i]);
      for (int index = 0; index < m; index++) {
        int word = index / REGISTERS_PER_WORD;
        int shift = (index % REGISTERS_PER_WORD) * REGISTER_BITS;
        long packed = ((LongColumnVector) partial.column(column + word)).values[i];
        setMax(r, index, (packed >>> shift) & REGISTER_MASK);
      }
    }
  }

  @Override
  public void writeBuffer(int group, Object[] row, int offset) {
    long[] r = group(group);
    for (int w = 0; w < words; w++) {
      row[offset + w] = r[w];
    }
  }

  @Override
  public Object result(int group) {
    long[] r = group(group);
    double inverseSum = 0;
    int zeros = 0;
    for (int index = 0; index < m; index++) {
      long rank = (r[index / REGISTERS_PER_WORD] >>> ((index % REGISTERS_PER_WORD) * REGISTER_BITS)) & REGISTER_MASK;
      inverseSum += 1.0 / (1L << rank);
      zeros += rank == 0 ? 1 : 0;
    }
    double alpha = m == 16 ? 0.673 : m == 32 ? 0.697 : m == 64 ? 0.709 : 0.7213 / (1 + 1.079 / m);
    double estimate = alpha * m * m / inverseSum;
    if (zeros > 0) {
      double linear = m * Math.log((double) m / zeros);
      if (linear <= THRESHOLDS[Math.min(p - 4, THRESHOLDS.length - 1)]) {
        estimate = linear;
      }
    }
    return Math.round(estimate);
  }
}
