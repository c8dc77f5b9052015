package dev.ember.sql.execution.joinfilter;

import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * Chooses and builds the {@link KeyFilter} for a set of distinct keys: for integral keys an exact bitmap over
 * [min, max] when the range fits in 1 MB or takes at most {@link #BITMAP_BITS_PER_KEY} bits a key (and
 * {@link #MAX_BITMAP_BITS} in all), else an exact hash set up to {@link #MAX_EXACT_KEYS} keys, else a blocked
 * Bloom filter; for other types a blocked Bloom filter of the keys' hashes. Also the hash both sides of a join
 * agree on.
 */
public final class KeyFilters {

  /** The most bits a key a bitmap may spend, beyond {@link #SMALL_BITMAP_BITS}: a sparser range goes to a hash set. */
  static final int BITMAP_BITS_PER_KEY = 64;
  /** A bitmap this small (1 MB, within a core's cache) beats a hash set however few its keys. */
  static final long SMALL_BITMAP_BITS = 1L << 23;
  /** The largest bitmap, 2^28 bits (32 MB). */
  static final long MAX_BITMAP_BITS = 1L << 28;
  /** The most keys an exact hash set holds (16 MB of longs at most); more go to a Bloom filter. */
  static final int MAX_EXACT_KEYS = 1 << 20;

  private KeyFilters() {}

  /** Whether keys of {@code type} are tested by value (they sit in int or long vectors). */
  public static boolean isIntegral(DataType type) {
    return type == DataTypes.IntegerType || type == DataTypes.LongType || type == DataTypes.ShortType
        || type == DataTypes.ByteType || type == DataTypes.DateType || type == DataTypes.TimestampType
        || type == DataTypes.TimestampNTZType;
  }

  /** The filter of the non-NULL keys in {@code keys[0, n)} (duplicates allowed), integral values or key hashes. */
  public static KeyFilter build(long[] keys, int n, boolean integral) {
    Objects.requireNonNull(keys, "keys is null");
    if (!integral) {
      return BloomKeyFilter.of(false, Long.MAX_VALUE, Long.MIN_VALUE, keys, n);
    }
    if (n == 0) {
      return new LongSetKeyFilter(Long.MAX_VALUE, Long.MIN_VALUE, new long[0], 0);
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, keys[i]);
      max = Math.max(max, keys[i]);
    }
    // max - min overflows for ranges wider than 2^63; such ranges are sparse anyway.
    long range = max - min + 1;
    if (range > 0 && range <= MAX_BITMAP_BITS
        && (range <= SMALL_BITMAP_BITS || range <= (long) n * BITMAP_BITS_PER_KEY)) {
      return BitmapKeyFilter.of(min, max, keys, n);
    }
    if (n <= MAX_EXACT_KEYS) {
      return new LongSetKeyFilter(min, max, keys, n);
    }
    long[] hashes = new long[n];
    for (int i = 0; i < n; i++) {
      hashes[i] = mix(keys[i]);
    }
    return BloomKeyFilter.of(true, min, max, hashes, n);
  }

  /**
   * The key of row {@code i} of {@code column} (not NULL) as a filter takes it: the value itself for integral
   * columns, else its {@linkplain #hash hash}.
   */
  public static long key(ColumnVector column, int i) {
    if (column instanceof LongColumnVector longs) {
      return longs.values[i];
    }
    if (column instanceof IntColumnVector ints) {
      return ints.values[i];
    }
    return hash(column, i);
  }

  /**
   * A 64-bit hash of row {@code i} of {@code column} (not NULL), equal for equal values of one type: strings
   * by their characters, decimals by their unscaled value, doubles with -0.0 as 0.0 and one NaN.
   */
  public static long hash(ColumnVector column, int i) {
    if (column instanceof StringColumnVector strings) {
      String s = strings.values[i];
      long h = 0x9E3779B97F4A7C15L;
      for (int c = 0; c < s.length(); c++) {
        h = (h ^ s.charAt(c)) * 0x100000001B3L;
      }
      return mix(h ^ s.length());
    }
    if (column instanceof DecimalColumnVector decimals) {
      if (decimals.isCompact(i)) {
        return mix(decimals.unscaled[i]);
      }
      BigInteger unscaled = decimals.getDecimal(i).unscaledValue();
      return mix(unscaled.bitLength() < 64 ? unscaled.longValue() : unscaled.hashCode());
    }
    if (column instanceof DoubleColumnVector doubles) {
      double value = doubles.values[i];
      // As join keys compare: -0.0 is 0.0, and doubleToLongBits gives every NaN the same bits.
      return mix(Double.doubleToLongBits(value == 0.0 ? 0.0 : value));
    }
    if (column instanceof LongColumnVector longs) {
      return mix(longs.values[i]);
    }
    if (column instanceof IntColumnVector ints) {
      return mix(ints.values[i]);
    }
    if (column instanceof BooleanColumnVector booleans) {
      return mix(booleans.values[i] ? 1 : 0);
    }
    return mix(Arrays.deepHashCode(new Object[] {column.getBoxed(i)}));
  }

  /** Murmur3's 64-bit finalizer: every input bit reaches every output bit. */
  static long mix(long value) {
    long h = value;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
