package dev.ember.sql.execution.join;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.execution.BatchSizes;
import dev.ember.sql.execution.expressions.KeyHashes;
import dev.ember.sql.execution.spill.RowBatches;
import dev.ember.sql.execution.spill.RowSizes;
import dev.ember.sql.execution.spill.SpillableConsumer;
import dev.ember.sql.execution.spill.SpilledRows;
import dev.ember.sql.execution.spill.TaskSpill;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * One task of a shuffled hash join, with a grace hash join as the fallback when the build side does not fit.
 * The build partition is collected while its estimated size stays under the budget and the task grants it
 * memory; then it is hashed and probed in memory as before. Otherwise both sides are split by a second hash
 * of the join keys into {@value #FANOUT} spill files each, and the pairs of files are joined one after the
 * other, each in memory; a pair still too large is split again with another hash, up to {@value #MAX_LEVEL}
 * times. Since equal keys land in the same pair, every join type keeps its meaning, outer and null-safe joins
 * included. Only a build side whose rows mostly share one key can stay too large; it fails with
 * HASH_JOIN_BUILD_SIDE_TOO_LARGE.
 */
final class GraceHashJoin extends SpillableConsumer {

  static final int FANOUT = 16;
  static final int MAX_LEVEL = 3;

  private final List<Expression> buildKeys;
  private final List<Expression> streamKeys;
  private final boolean[] nullSafe;
  private final List<DataType> buildTypes;
  private final List<DataType> streamTypes;
  private final JoinProcessor processor;
  private final long budget;
  private final String joinName;

  GraceHashJoin(TaskSpill spill, List<Expression> buildKeys, List<Expression> streamKeys, boolean[] nullSafe,
      List<DataType> buildTypes, List<DataType> streamTypes, JoinProcessor processor, long budget,
      String joinName) {
    super(spill);
    this.buildKeys = buildKeys;
    this.streamKeys = streamKeys;
    this.nullSafe = nullSafe;
    this.buildTypes = buildTypes;
    this.streamTypes = streamTypes;
    this.processor = processor;
    this.budget = budget;
    this.joinName = joinName;
  }

  /** The joined output of {@code stream} and {@code build}. */
  Iterator<ColumnarBatch> join(Iterator<ColumnarBatch> stream, Iterator<ColumnarBatch> build) {
    return join(stream, build, 0);
  }

  private Iterator<ColumnarBatch> join(Iterator<ColumnarBatch> stream, Iterator<ColumnarBatch> build,
      int level) {
    List<ColumnarBatch> held = new ArrayList<>();
    long bytes = 0;
    boolean fits = true;
    while (build.hasNext()) {
      ColumnarBatch batch = build.next();
      held.add(batch);
      bytes += BatchSizes.estimatedBytes(batch);
      if (bytes > budget || !reserve(bytes)) {
        fits = false;
        break;
      }
    }
    if (fits) {
      ColumnarBatch rows = BatchConcat.concat(held, buildTypes);
      HashedRelation hashed = HashedRelation.build(rows, buildKeys, nullSafe, processor.existenceOnly());
      Iterator<ColumnarBatch> joined = processor.join(stream, hashed.rows(), hashed.candidates(streamKeys));
      return level == 0 ? releasingAtEnd(joined) : joined;
    }
    if (level == MAX_LEVEL) {
      throw tooLarge(bytes);
    }
    SpilledRows[] buildParts = partition(concat(held.iterator(), build), buildKeys, level);
    releaseAll();
    SpilledRows[] streamParts = partition(stream, streamKeys, level);
    return new PartitionsIterator(buildParts, streamParts, level);
  }

  /** Spreads the rows of {@code batches} over {@link #FANOUT} spill files by a hash of their keys. */
  private SpilledRows[] partition(Iterator<ColumnarBatch> batches, List<Expression> keys, int level) {
    SpilledRows.Writer[] writers = new SpilledRows.Writer[FANOUT];
    long[] bytes = new long[FANOUT];
    for (int p = 0; p < FANOUT; p++) {
      writers[p] = new SpilledRows.Writer(taskSpill());
    }
    while (batches.hasNext()) {
      ColumnarBatch batch = batches.next();
      int n = batch.numRows();
      int[] hashes = KeyHashes.hash(HashedRelation.evaluate(keys, batch), n);
      for (int i = 0; i < n; i++) {
        int p = partitionOf(hashes[i], level);
        Object[] row = batch.row(i);
        bytes[p] += RowSizes.estimate(row);
        writers[p].write(row);
      }
    }
    SpilledRows[] parts = new SpilledRows[FANOUT];
    for (int p = 0; p < FANOUT; p++) {
      parts[p] = writers[p].finish(bytes[p]);
    }
    return parts;
  }

  /**
   * A partition from the top bits of the key hash re-mixed with the level: the exchange before the join
   * used the same key hash, so its low bits are alike within a task, and each level must split differently.
   */
  static int partitionOf(int hash, int level) {
    long h = (hash + 0x9E3779B97F4A7C15L * (level + 1)) * 0xBF58476D1CE4E5B9L;
    h ^= h >>> 31;
    return (int) (h >>> 60) & (FANOUT - 1);
  }

  private AnalysisException tooLarge(long bytes) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("join", joinName);
    parameters.put("size", String.valueOf(bytes));
    parameters.put("budget", String.valueOf(budget));
    parameters.put("shufflePartitionsKey", "spark.sql.shuffle.partitions");
    parameters.put("budgetKey", ShuffledHashJoinExec.BUILD_BUDGET_KEY);
    return new AnalysisException("HASH_JOIN_BUILD_SIDE_TOO_LARGE", parameters);
  }

  @Override
  protected boolean canSpillNow() {
    // Build batches are held only while collecting, and a grace join spills them itself when denied.
    return false;
  }

  @Override
  protected void spillHeld() {
    throw new IllegalStateException("A hash join spills its build side itself.");
  }

  /** Gives back the build side's memory once the join's output is read, not only when the task ends. */
  private Iterator<ColumnarBatch> releasingAtEnd(Iterator<ColumnarBatch> joined) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        boolean more = joined.hasNext();
        if (!more) {
          releaseAll();
        }
        return more;
      }

      @Override
      public ColumnarBatch next() {
        return joined.next();
      }
    };
  }

  private static <T> Iterator<T> concat(Iterator<T> first, Iterator<T> second) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return first.hasNext() || second.hasNext();
      }

      @Override
      public T next() {
        return first.hasNext() ? first.next() : second.next();
      }
    };
  }

  /** Joins the pairs of partition files one after the other, opening each pair only when reached. */
  private final class PartitionsIterator implements Iterator<ColumnarBatch> {
    private final SpilledRows[] buildParts;
    private final SpilledRows[] streamParts;
    private final int level;
    private int next;
    private Iterator<ColumnarBatch> current = Collections.emptyIterator();

    PartitionsIterator(SpilledRows[] buildParts, SpilledRows[] streamParts, int level) {
      this.buildParts = buildParts;
      this.streamParts = streamParts;
      this.level = level;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext()) {
        releaseAll();
        if (next == FANOUT) {
          return false;
        }
        int p = next++;
        Iterator<ColumnarBatch> build = new RowBatches(buildParts[p].open(), buildTypes);
        Iterator<ColumnarBatch> stream = new RowBatches(streamParts[p].open(), streamTypes);
        current = join(stream, build, level + 1);
      }
      return true;
    }

    @Override
    public ColumnarBatch next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }
}
