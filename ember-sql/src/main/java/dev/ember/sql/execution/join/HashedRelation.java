package dev.ember.sql.execution.join;

import dev.ember.sql.execution.expressions.KeyHashes;
import dev.ember.sql.execution.expressions.VectorizedEvaluator;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.plan.expressions.Expression;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The build side of a hash join: every build row in one batch, its key columns evaluated once, and a hash
 * table of row indexes over primitive arrays. A single int, date, bigint or decimal key that is not
 * null-safe gets a {@link LongKeyIndex} (open addressing, key beside row), and so do two such int, date or
 * bigint keys whose build values all fit an int, packed into one long; other keys a compact chained
 * table ({@code heads} per bucket, {@code next} per row) comparing hashes, then keys column by column.
 * Rows with a NULL in a key that is not null-safe are left out of the table, since they can never match.
 * Serializable, so a broadcast join builds it once on the driver and ships it.
 *
 * <p>A relation for a semi or anti join without a residual condition only answers whether a stream row has a
 * match: it keeps no build columns but the keys, its {@link LongKeyIndex} keeps one row per key, and a probe
 * stops at a row's first match instead of listing every duplicate.
 */
final class HashedRelation implements Serializable {

  private static final long serialVersionUID = 1L;

  private final ColumnarBatch rows;
  private final ColumnVector[] keys;
  private final boolean[] nullSafe;
  private final LongKeyIndex longIndex;
  private final boolean packedPair;
  private final boolean existenceOnly;
  private Chains chains;

  /** The chained table over every key kind: a hash per row, a head per bucket and a next link per row. */
  private static final class Chains implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int[] hashes;
    private final int[] heads;
    private final int[] next;
    private final int mask;

    Chains(int[] hashes, int[] heads, int[] next, int mask) {
      this.hashes = hashes;
      this.heads = heads;
      this.next = next;
      this.mask = mask;
    }
  }

  private HashedRelation(ColumnarBatch rows, ColumnVector[] keys, boolean[] nullSafe, boolean existenceOnly) {
    int n = rows.numRows();
    this.rows = existenceOnly ? new ColumnarBatch(new ColumnVector[0], n) : rows;
    this.keys = keys;
    this.nullSafe = nullSafe;
    this.existenceOnly = existenceOnly;
    long[] integralKeys = keys.length == 1 && !nullSafe[0] ? integralKeys(keys[0], n) : null;
    boolean[] skip = new boolean[n];
    long[] packed = keys.length == 2 && !nullSafe[0] && !nullSafe[1] ? packedKeys(keys, n, skip, true) : null;
    this.packedPair = packed != null;
    if (integralKeys != null) {
      this.longIndex = new LongKeyIndex(integralKeys, keys[0].nulls, n, existenceOnly);
    } else {
      this.longIndex = packed == null ? null : new LongKeyIndex(packed, skip, n, existenceOnly);
    }
    if (longIndex == null) {
      this.chains = buildChains();
    }
  }

  /** The relation over {@code rows}, keyed by the bound {@code keyExpressions}. */
  static HashedRelation build(ColumnarBatch rows, List<Expression> keyExpressions, boolean[] nullSafe) {
    return build(rows, keyExpressions, nullSafe, false);
  }

  /**
   * The relation over {@code rows}, keyed by the bound {@code keyExpressions}; when {@code existenceOnly}
   * (a semi or anti join without a residual condition) it keeps no build columns, one row per key in its
   * {@link LongKeyIndex}, and a probe reports only the first match of a stream row.
   */
  static HashedRelation build(ColumnarBatch rows, List<Expression> keyExpressions, boolean[] nullSafe,
      boolean existenceOnly) {
    return new HashedRelation(rows, evaluate(keyExpressions, rows), nullSafe, existenceOnly);
  }

  static ColumnVector[] evaluate(List<Expression> keyExpressions, ColumnarBatch batch) {
    ColumnVector[] out = new ColumnVector[keyExpressions.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = VectorizedEvaluator.evaluate(keyExpressions.get(k), batch);
    }
    return out;
  }

  /** Every build row; with no columns for a relation built for existence only. */
  ColumnarBatch rows() {
    return rows;
  }

  /** Whether the relation probes a {@link LongKeyIndex} (for tests). */
  boolean hasLongKeyIndex() {
    return longIndex != null;
  }

  /**
   * Adds to {@code streamRows} / {@code buildRows} the pairs of rows of {@code stream} and build rows with
   * equal keys, stream row by stream row, each stream row's build rows in build order.
   */
  void probe(ColumnarBatch stream, List<Expression> streamKeys, IntList streamRows, IntList buildRows) {
    probe(stream, streamKeys, null, existenceOnly, streamRows, buildRows);
  }

  /**
   * As {@link #probe(ColumnarBatch, List, IntList, IntList)}, leaving out the stream rows whose
   * {@code rowSkip} flag is set (none when null) and, when {@code firstOnly}, adding only the first build row
   * of each stream row.
   */
  void probe(ColumnarBatch stream, List<Expression> streamKeys, boolean[] rowSkip, boolean firstOnly,
      IntList streamRows, IntList buildRows) {
    int n = stream.numRows();
    ColumnVector[] probeKeys = evaluate(streamKeys, stream);
    if (longIndex != null && probeIndex(probeKeys, n, rowSkip, firstOnly, streamRows, buildRows)) {
      return;
    }
    Chains table = chains();
    int[] probeHashes = KeyHashes.hash(probeKeys, n);
    int[] hashes = table.hashes;
    int[] heads = table.heads;
    int[] next = table.next;
    int mask = table.mask;
    // A stream clustered by its key repeats a key over consecutive rows: such a row copies the matches of
    // the last row that walked a chain when its key is that row's, instead of walking the chain again.
    int walked = -1;
    int walkedFrom = 0;
    int walkedTo = 0;
    for (int i = 0; i < n; i++) {
      if ((rowSkip != null && rowSkip[i]) || KeyColumns.hasNullKey(probeKeys, nullSafe, i)) {
        continue;
      }
      int h = probeHashes[i];
      if (walked >= 0 && h == probeHashes[walked] && KeyColumns.equal(probeKeys, walked, probeKeys, i)) {
        for (int m = walkedFrom; m < walkedTo; m++) {
          streamRows.add(i);
          buildRows.add(buildRows.get(m));
        }
        continue;
      }
      walked = i;
      walkedFrom = buildRows.size();
      for (int j = heads[h & mask]; j >= 0; j = next[j]) {
        if (hashes[j] == h && KeyColumns.equal(keys, j, probeKeys, i)) {
          streamRows.add(i);
          buildRows.add(j);
          if (firstOnly) {
            break;
          }
        }
      }
      walkedTo = buildRows.size();
    }
  }

  /**
   * Probes the {@link LongKeyIndex} with a stream key column of the build key's kind; false, leaving the
   * lists alone, for a column it cannot compare by long values (then the chains serve).
   */
  private boolean probeIndex(ColumnVector[] probeKeys, int n, boolean[] rowSkip, boolean firstOnly,
      IntList streamRows, IntList buildRows) {
    if (packedPair) {
      boolean[] skip = new boolean[n];
      long[] packed = packedKeys(probeKeys, n, skip, false);
      if (packed != null) {
        longIndex.probe(packed, merged(skip, rowSkip, n), n, streamRows, buildRows, firstOnly);
      }
      return packed != null;
    }
    ColumnVector probe = probeKeys[0];
    ColumnVector build = keys[0];
    boolean integral = build instanceof LongColumnVector || build instanceof IntColumnVector;
    if (integral && (probe instanceof LongColumnVector || probe instanceof IntColumnVector)) {
      longIndex.probe(integralKeys(probe, n), merged(probe.nulls, rowSkip, n), n, streamRows, buildRows,
          firstOnly);
      return true;
    }
    if (build instanceof DecimalColumnVector b && probe instanceof DecimalColumnVector p
        && b.scale() == p.scale()) {
      boolean[] skip = p.nulls;
      if (p.hasWideValues()) {
        // A value too wide for a long equals no build key, all of which fit one.
        skip = new boolean[n];
        for (int i = 0; i < n; i++) {
          skip[i] = p.nulls[i] || !p.isCompact(i);
        }
      }
      longIndex.probe(p.unscaled, merged(skip, rowSkip, n), n, streamRows, buildRows, firstOnly);
      return true;
    }
    return false;
  }

  /** The flags set in either array; {@code extra} may be null. */
  private static boolean[] merged(boolean[] skip, boolean[] extra, int n) {
    if (extra == null) {
      return skip;
    }
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      out[i] = skip[i] | extra[i];
    }
    return out;
  }

  /**
   * The candidates of this relation for stream batches keyed by {@code streamKeys}, able to report only
   * each row's first match and to leave rows out, so a semi or anti join with a residual condition can
   * settle most rows on their first match before listing the duplicates of the rest.
   */
  JoinProcessor.Candidates candidates(List<Expression> streamKeys) {
    return new JoinProcessor.Candidates() {
      private static final long serialVersionUID = 1L;

      @Override
      public void find(ColumnarBatch stream, IntList streamRows, IntList buildRows) {
        probe(stream, streamKeys, streamRows, buildRows);
      }

      @Override
      public boolean find(ColumnarBatch stream, boolean[] rowSkip, boolean firstOnly, IntList streamRows,
          IntList buildRows) {
        probe(stream, streamKeys, rowSkip, firstOnly, streamRows, buildRows);
        return true;
      }
    };
  }

  /**
   * The key values of an int, date, bigint or decimal column as longs (decimals unscaled, when none is too
   * wide for a long), or null for other columns.
   */
  private static long[] integralKeys(ColumnVector column, int n) {
    if (column instanceof LongColumnVector v) {
      return v.values;
    }
    if (column instanceof IntColumnVector v) {
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        out[i] = v.values[i];
      }
      return out;
    }
    if (column instanceof DecimalColumnVector v && !v.hasWideValues()) {
      return v.unscaled;
    }
    return null;
  }

  /**
   * Two int or bigint key columns packed into one long per row, the first in the high 32 bits, or null when
   * a column is of another kind, or, for the build side ({@code strict}), when a value does not fit an int.
   * Sets {@code skip[i]} for rows with a NULL and, on the stream side, for rows with a value outside the
   * int range, which equals no build key.
   */
  private static long[] packedKeys(ColumnVector[] columns, int n, boolean[] skip, boolean strict) {
    long[] high = integralKeys(columns[0], n);
    long[] low = integralKeys(columns[1], n);
    if (high == null || low == null || columns[0] instanceof DecimalColumnVector
        || columns[1] instanceof DecimalColumnVector) {
      return null;
    }
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      long a = high[i];
      long b = low[i];
      boolean fits = a == (int) a && b == (int) b;
      boolean isNull = columns[0].nulls[i] || columns[1].nulls[i];
      if (!fits && !isNull && strict) {
        return null;
      }
      skip[i] = isNull || !fits;
      packed[i] = (a << 32) | (b & 0xFFFFFFFFL);
    }
    return packed;
  }

  /** The chains, built on first use when the relation has a {@link LongKeyIndex} instead. */
  private synchronized Chains chains() {
    if (chains == null) {
      chains = buildChains();
    }
    return chains;
  }

  private Chains buildChains() {
    int n = rows.numRows();
    int capacity = Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1;
    int mask = capacity - 1;
    int[] heads = new int[capacity];
    Arrays.fill(heads, -1);
    int[] next = new int[n];
    int[] hashes = KeyHashes.hash(keys, n);
    // Insert in reverse, so each chain lists its rows in build order.
    for (int i = n - 1; i >= 0; i--) {
      if (KeyColumns.hasNullKey(keys, nullSafe, i)) {
        next[i] = -1;
        continue;
      }
      int bucket = hashes[i] & mask;
      next[i] = heads[bucket];
      heads[bucket] = i;
    }
    return new Chains(hashes, heads, next, mask);
  }
}
