package dev.ember.sql.execution.join;

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
 * The build side of a hash join: every build row in one batch, its key columns evaluated once, and a compact
 * chained hash table of row indexes ({@code heads} per bucket, {@code next} per row) over primitive arrays.
 * Rows with a NULL in a key that is not null-safe are left out of the table, since they can never match.
 * Serializable, so a broadcast join builds it once on the driver and ships it.
 */
final class HashedRelation implements Serializable {

  private static final long serialVersionUID = 1L;

  private final ColumnarBatch rows;
  private final ColumnVector[] keys;
  private final boolean[] nullSafe;
  private final int[] hashes;
  private final int[] heads;
  private final int[] next;
  private final int mask;

  private HashedRelation(ColumnarBatch rows, ColumnVector[] keys, boolean[] nullSafe) {
    this.rows = rows;
    this.keys = keys;
    this.nullSafe = nullSafe;
    int n = rows.numRows();
    int capacity = Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1;
    this.mask = capacity - 1;
    this.heads = new int[capacity];
    Arrays.fill(heads, -1);
    this.next = new int[n];
    this.hashes = KeyColumns.hash(keys, n);
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
  }

  /** The relation over {@code rows}, keyed by the bound {@code keyExpressions}. */
  static HashedRelation build(ColumnarBatch rows, List<Expression> keyExpressions, boolean[] nullSafe) {
    return new HashedRelation(rows, evaluate(keyExpressions, rows), nullSafe);
  }

  static ColumnVector[] evaluate(List<Expression> keyExpressions, ColumnarBatch batch) {
    ColumnVector[] out = new ColumnVector[keyExpressions.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = VectorizedEvaluator.evaluate(keyExpressions.get(k), batch);
    }
    return out;
  }

  /** Every build row. */
  ColumnarBatch rows() {
    return rows;
  }

  /**
   * Adds to {@code streamRows} / {@code buildRows} the pairs of rows of {@code stream} and build rows with
   * equal keys, stream row by stream row.
   */
  void probe(ColumnarBatch stream, List<Expression> streamKeys, IntList streamRows, IntList buildRows) {
    int n = stream.numRows();
    ColumnVector[] probeKeys = evaluate(streamKeys, stream);
    int[] probeHashes = KeyColumns.hash(probeKeys, n);
    if (keys.length == 1 && !nullSafe[0]) {
      if (keys[0] instanceof LongColumnVector build && probeKeys[0] instanceof LongColumnVector probe) {
        probeLongs(build.values, probe.values, probe.nulls, probeHashes, n, streamRows, buildRows);
        return;
      }
      if (keys[0] instanceof DecimalColumnVector build && !build.hasWideValues()
          && probeKeys[0] instanceof DecimalColumnVector probe && !probe.hasWideValues()) {
        // Decimals of one type compare by their unscaled longs.
        probeLongs(build.unscaled, probe.unscaled, probe.nulls, probeHashes, n, streamRows, buildRows);
        return;
      }
      if (keys[0] instanceof IntColumnVector build && probeKeys[0] instanceof IntColumnVector probe) {
        probeInts(build.values, probe, probeHashes, n, streamRows, buildRows);
        return;
      }
    }
    for (int i = 0; i < n; i++) {
      if (KeyColumns.hasNullKey(probeKeys, nullSafe, i)) {
        continue;
      }
      int h = probeHashes[i];
      for (int j = heads[h & mask]; j >= 0; j = next[j]) {
        if (hashes[j] == h && KeyColumns.equal(keys, j, probeKeys, i)) {
          streamRows.add(i);
          buildRows.add(j);
        }
      }
    }
  }

  /*
   * A single bigint, int or compact decimal key that is not null-safe: rows with a NULL key are not in the
   * table, so a chain is walked comparing the key values alone, touching fewer arrays per build row than the
   * general path.
   */
  private void probeLongs(long[] build, long[] values, boolean[] nulls, int[] probeHashes, int n,
      IntList streamRows, IntList buildRows) {
    for (int i = 0; i < n; i++) {
      if (nulls[i]) {
        continue;
      }
      long key = values[i];
      for (int j = heads[probeHashes[i] & mask]; j >= 0; j = next[j]) {
        if (build[j] == key) {
          streamRows.add(i);
          buildRows.add(j);
        }
      }
    }
  }

  private void probeInts(int[] build, IntColumnVector probe, int[] probeHashes, int n, IntList streamRows,
      IntList buildRows) {
    int[] values = probe.values;
    boolean[] nulls = probe.nulls;
    for (int i = 0; i < n; i++) {
      if (nulls[i]) {
        continue;
      }
      int key = values[i];
      for (int j = heads[probeHashes[i] & mask]; j >= 0; j = next[j]) {
        if (build[j] == key) {
          streamRows.add(i);
          buildRows.add(j);
        }
      }
    }
  }
}
