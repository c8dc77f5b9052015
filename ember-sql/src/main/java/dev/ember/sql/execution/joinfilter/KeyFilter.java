package dev.ember.sql.execution.joinfilter;

import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.types.DataTypes;
import java.io.Serializable;

/**
 * A set of join keys, built once on the driver from the distinct non-NULL keys of a join's creation side and
 * shipped inside the application side's scan: a row whose key it does not contain cannot find a join partner.
 * It may contain keys that were not added (a Bloom filter's false positives), never miss one that was. Integral
 * keys (byte to long, date, timestamp) are tested by value, and the filter carries their smallest and largest
 * key; other keys by their {@linkplain KeyFilters#hash 64-bit hash}. NULL never passes.
 */
public abstract class KeyFilter implements Serializable {

  private static final long serialVersionUID = 1L;

  private final boolean integral;
  private final long min;
  private final long max;
  private final long keyCount;

  /**
   * A filter of {@code keyCount} keys; {@code integral} when its keys are integral values within
   * [{@code min}, {@code max}] (an empty filter has {@code min > max}), else key hashes.
   */
  protected KeyFilter(boolean integral, long min, long max, long keyCount) {
    this.integral = integral;
    this.min = min;
    this.max = max;
    this.keyCount = keyCount;
  }

  /** Whether the keys are integral values (else hashes of values). */
  public final boolean integral() {
    return integral;
  }

  /** The smallest integral key; greater than {@link #max} when there is none. */
  public final long min() {
    return min;
  }

  /** The largest integral key. */
  public final long max() {
    return max;
  }

  /** How many distinct keys were added. */
  public final long keyCount() {
    return keyCount;
  }

  /**
   * Whether the filter passes exactly its keys (a bitmap or a hash set of the values), rather than also some
   * others (a Bloom filter).
   */
  public boolean exact() {
    return false;
  }

  /** Whether integral key {@code key}, within [min, max], may be in the set. */
  protected abstract boolean containsInRange(long key);

  /** Whether a key of hash {@code hash} may be in the set (hashed filters). */
  protected abstract boolean containsHash(long hash);

  /** The kind of structure and its size, for EXPLAIN. */
  public abstract String describe();

  /** Whether {@code key} (an integral key, or a key hash for hashed filters) may be in the set. */
  public final boolean mightContain(long key) {
    return integral ? key >= min && key <= max && containsInRange(key) : containsHash(key);
  }

  /**
   * For each of the first {@code n} rows of {@code keys}, whether its key may be in the set: TRUE or FALSE,
   * never NULL (a NULL key is FALSE).
   */
  public final BooleanColumnVector test(ColumnVector keys, int n) {
    BooleanColumnVector out = new BooleanColumnVector(DataTypes.BooleanType, n);
    boolean[] result = out.values;
    int[] rows = new int[n];
    int kept = selectAll(keys, n, rows);
    for (int j = 0; j < kept; j++) {
      result[rows[j]] = true;
    }
    return out;
  }

  /**
   * Keeps, of the {@code count} row positions in {@code rows}, those whose key in {@code keys} may be in the
   * set, compacted in order at the front of {@code rows}; returns how many.
   */
  public final int select(ColumnVector keys, int[] rows, int count) {
    return select(keys, rows, count, false);
  }

  /**
   * Writes the ascending positions of the rows of {@code keys[0, n)} whose key may be in the set into
   * {@code rows} (at least {@code n} long); returns how many.
   */
  public final int selectAll(ColumnVector keys, int n, int[] rows) {
    return select(keys, rows, n, true);
  }

  /**
   * The selection of the rows whose key may be in the set: of all rows {@code [0, count)} when {@code dense},
   * else of the positions {@code rows[0, count)}; survivors are written in order at the front of {@code rows}.
   * Integral keys in int or long vectors are tested by one loop per batch ({@link #selectLongs},
   * {@link #selectInts}), which a filter kind overrides with its own loop free of per-row calls.
   */
  private int select(ColumnVector keys, int[] rows, int count, boolean dense) {
    if (integral && keys instanceof LongColumnVector longs) {
      return selectLongs(longs.values, keys.nulls, rows, count, dense);
    }
    if (integral && keys instanceof IntColumnVector ints) {
      return selectInts(ints.values, keys.nulls, rows, count, dense);
    }
    boolean[] nulls = keys.nulls;
    int kept = 0;
    for (int j = 0; j < count; j++) {
      int row = dense ? j : rows[j];
      rows[kept] = row;
      kept += !nulls[row] && containsHash(KeyFilters.hash(keys, row)) ? 1 : 0;
    }
    return kept;
  }

  /**
   * {@link #select} over integral long keys {@code values} with NULL mask {@code nulls}: of rows {@code [0,
   * count)} when {@code dense}, else of the positions {@code rows[0, count)}.
   */
  protected int selectLongs(long[] values, boolean[] nulls, int[] rows, int count, boolean dense) {
    int kept = 0;
    for (int j = 0; j < count; j++) {
      int row = dense ? j : rows[j];
      long key = values[row];
      rows[kept] = row;
      kept += !nulls[row] && key >= min && key <= max && containsInRange(key) ? 1 : 0;
    }
    return kept;
  }

  /** {@link #selectLongs} over integral int keys. */
  protected int selectInts(int[] values, boolean[] nulls, int[] rows, int count, boolean dense) {
    int kept = 0;
    for (int j = 0; j < count; j++) {
      int row = dense ? j : rows[j];
      long key = values[row];
      rows[kept] = row;
      kept += !nulls[row] && key >= min && key <= max && containsInRange(key) ? 1 : 0;
    }
    return kept;
  }
}
