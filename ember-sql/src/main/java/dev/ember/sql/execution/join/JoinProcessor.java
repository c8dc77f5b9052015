package dev.ember.sql.execution.join;

import dev.ember.sql.execution.expressions.VectorizedEvaluator;
import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataType;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The join-type logic every join operator shares, run inside tasks. For each stream batch an operator's
 * {@link Candidates} names candidate pairs (stream row, build row) — equal keys for a hash join, every pair
 * for a nested-loop join; the processor keeps the pairs satisfying the remaining condition (SQL semantics:
 * NULL is not true) and emits, per join type, the joined pairs, the NULL-padded unmatched rows of an outer
 * side, or the stream rows of a semi or anti join. Output batches hold at most {@link ColumnarBatch#MAX_ROWS}
 * rows, with the left input's columns first.
 */
final class JoinProcessor implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Finds candidate pairs for one stream batch. */
  interface Candidates extends Serializable {
    /** Adds the candidate pairs of {@code stream}'s rows and build rows to the two lists. */
    void find(ColumnarBatch stream, IntList streamRows, IntList buildRows);

    /**
     * Adds the candidate pairs of the rows of {@code stream} whose {@code rowSkip} flag is clear, only each
     * row's first when {@code firstOnly}; false, adding nothing, when these candidates cannot (then a semi
     * or anti join lists every pair at once).
     */
    default boolean find(ColumnarBatch stream, boolean[] rowSkip, boolean firstOnly, IntList streamRows,
        IntList buildRows) {
      return false;
    }
  }

  private final JoinType joinType;
  private final boolean buildLeft;
  private final Expression condition;
  private final ConditionColumns conditionColumns;
  private final List<DataType> leftTypes;
  private final List<DataType> rightTypes;
  /** The positions of the full output this join emits, or null for every column. */
  private final int[] kept;

  /**
   * A processor for {@code joinType} whose build side is the left input when {@code buildLeft}.
   *
   * @param condition the condition left to check on candidate pairs, bound to left then right columns, or null
   */
  JoinProcessor(JoinType joinType, boolean buildLeft, Expression condition, List<DataType> leftTypes,
      List<DataType> rightTypes) {
    this(joinType, buildLeft, condition, leftTypes, rightTypes, null);
  }

  /**
   * As {@link #JoinProcessor(JoinType, boolean, Expression, List, List)}, emitting only the output columns at
   * the positions {@code kept} (of the left then right columns; of the left ones for a semi or anti join), or
   * all when null: a pair's columns nobody above reads are then never gathered.
   */
  JoinProcessor(JoinType joinType, boolean buildLeft, Expression condition, List<DataType> leftTypes,
      List<DataType> rightTypes, int[] kept) {
    this.kept = kept == null ? null : kept.clone();
    this.joinType = joinType;
    this.buildLeft = buildLeft;
    this.condition = condition;
    this.conditionColumns = condition == null ? null : new ConditionColumns(condition, leftTypes.size());
    this.leftTypes = List.copyOf(leftTypes);
    this.rightTypes = List.copyOf(rightTypes);
  }

  /**
   * Whether the join only asks if a stream row has a match: a semi or anti join without a condition left
   * to check, whose build rows are never read beyond their keys.
   */
  boolean existenceOnly() {
    return joinType.leftOnly() && condition == null && !buildLeft;
  }

  /**
   * Whether build rows are part of the output, emitted at the end of the stream: the unmatched rows of an outer
   * build side, or the matched (semi) or never matched (anti) rows of a semi or anti join building its left side.
   */
  boolean buildRowsEmitted() {
    return buildSideOuter() || buildsLeftOnly();
  }

  /** Whether a semi or anti join builds its left side, emitting build rows by their match marks. */
  private boolean buildsLeftOnly() {
    return buildLeft && joinType.leftOnly();
  }

  /** Whether unmatched build rows are part of the output (then they are emitted at the end of the stream). */
  boolean buildSideOuter() {
    return joinType == JoinType.FULL_OUTER || (buildLeft ? joinType == JoinType.LEFT_OUTER
        : joinType == JoinType.RIGHT_OUTER);
  }

  private boolean streamSideOuter() {
    return joinType == JoinType.FULL_OUTER || (buildLeft ? joinType == JoinType.RIGHT_OUTER
        : joinType == JoinType.LEFT_OUTER);
  }

  /** The joined output of {@code stream} against {@code build}, produced lazily batch by batch. */
  Iterator<ColumnarBatch> join(Iterator<ColumnarBatch> stream, ColumnarBatch build, Candidates candidates) {
    boolean[] buildMatched = buildRowsEmitted() ? new boolean[build.numRows()] : null;
    return new Iterator<>() {
      private final ArrayDeque<ColumnarBatch> pending = new ArrayDeque<>();
      private boolean finished;

      @Override
      public boolean hasNext() {
        while (pending.isEmpty() && !finished) {
          if (stream.hasNext()) {
            ColumnarBatch batch = stream.next();
            if (batch.numRows() > 0) {
              pending.addAll(joinBatch(batch, build, candidates, buildMatched));
            }
          } else {
            finished = true;
            if (buildMatched != null) {
              pending.addAll(markedBuildRows(build, buildMatched));
            }
          }
        }
        return !pending.isEmpty();
      }

      @Override
      public ColumnarBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return pending.poll();
      }
    };
  }

  private List<ColumnarBatch> joinBatch(ColumnarBatch stream, ColumnarBatch build, Candidates candidates,
      boolean[] buildMatched) {
    // Room for one match per stream row, the common case of a join on a foreign key, without growing.
    IntList streamRows = new IntList(stream.numRows());
    IntList buildRows = new IntList(stream.numRows());
    List<ColumnarBatch> out = new ArrayList<>();
    boolean[] streamMatched = new boolean[stream.numRows()];
    if (joinType.leftOnly() && !buildLeft && condition != null
        && candidates.find(stream, null, true, streamRows, buildRows)) {
      // A semi or anti join settles a row on its first passing match: try each row's first candidate, then
      // list every candidate of the rows that had one and did not pass.
      matchPairs(stream, build, streamRows, buildRows, streamMatched, buildMatched, out);
      boolean[] settled = new boolean[stream.numRows()];
      Arrays.fill(settled, true);
      for (int i = 0; i < streamRows.size(); i++) {
        settled[streamRows.get(i)] = streamMatched[streamRows.get(i)];
      }
      streamRows.clear();
      buildRows.clear();
      candidates.find(stream, settled, false, streamRows, buildRows);
    } else {
      candidates.find(stream, streamRows, buildRows);
    }
    matchPairs(stream, build, streamRows, buildRows, streamMatched, buildMatched, out);
    emitStreamRows(stream, streamMatched, out);
    return out;
  }

  /**
   * Marks the stream and build rows of the candidate pairs that satisfy the condition as matched, and adds
   * the passing pairs to {@code out} unless the join emits only stream rows.
   */
  private void matchPairs(ColumnarBatch stream, ColumnarBatch build, IntList streamRows, IntList buildRows,
      boolean[] streamMatched, boolean[] buildMatched, List<ColumnarBatch> out) {
    boolean pairsWanted = !joinType.leftOnly();
    for (int from = 0; from < streamRows.size(); from += ColumnarBatch.MAX_ROWS) {
      int to = Math.min(streamRows.size(), from + ColumnarBatch.MAX_ROWS);
      int[] s = streamRows.slice(from, to);
      int[] b = buildRows.slice(from, to);
      int count = to - from;
      if (buildsLeftOnly()) {
        // A build row matched before is settled: its further candidates need no condition.
        int unsettled = unsettled(s, b, count, buildMatched);
        if (unsettled < count) {
          s = Arrays.copyOf(s, unsettled);
          b = Arrays.copyOf(b, unsettled);
          count = unsettled;
        }
      }
      int[] passing = passing(stream, s, build, b, count);
      int kept = passing == null ? count : passing.length;
      if (passing != null) {
        s = select(s, passing);
        b = select(b, passing);
      }
      for (int i = 0; i < kept; i++) {
        streamMatched[s[i]] = true;
      }
      if (buildMatched != null) {
        for (int i = 0; i < kept; i++) {
          buildMatched[b[i]] = true;
        }
      }
      if (pairsWanted && kept > 0) {
        out.add(pairs(stream, s, build, b, kept));
      }
    }
  }

  /**
   * Moves the pairs whose build row is not yet matched to the front of {@code s} and {@code b}, keeping their
   * order, and returns how many there are.
   */
  private static int unsettled(int[] s, int[] b, int count, boolean[] buildMatched) {
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (!buildMatched[b[i]]) {
        s[kept] = s[i];
        b[kept] = b[i];
        kept++;
      }
    }
    return kept;
  }

  /** Adds the stream rows a semi, anti or stream-side outer join emits besides its pairs. */
  private void emitStreamRows(ColumnarBatch stream, boolean[] streamMatched, List<ColumnarBatch> out) {
    if (((joinType == JoinType.LEFT_SEMI || joinType == JoinType.LEFT_ANTI) && !buildLeft) || streamSideOuter()) {
      boolean keepMatched = joinType == JoinType.LEFT_SEMI;
      int[] rows = new int[stream.numRows()];
      int count = 0;
      for (int i = 0; i < stream.numRows(); i++) {
        if (streamMatched[i] == keepMatched) {
          rows[count++] = i;
        }
      }
      if (count > 0) {
        ColumnarBatch selected = count == stream.numRows() ? stream : stream.gather(rows, count);
        out.add(narrowed(joinType.leftOnly() ? selected : padded(selected, !buildLeft)));
      }
    }
  }

  /**
   * The positions of the candidate pairs satisfying the condition, evaluated on the columns it reads
   * gathered for the pairs alone; null when there is no condition, as every pair passes.
   */
  private int[] passing(ColumnarBatch stream, int[] s, ColumnarBatch build, int[] b, int count) {
    if (condition == null) {
      return null;
    }
    ColumnarBatch columns = buildLeft ? conditionColumns.gather(build, b, stream, s, count)
        : conditionColumns.gather(stream, s, build, b, count);
    ColumnVector result = VectorizedEvaluator.evaluate(conditionColumns.condition(), columns);
    int[] selected = new int[count];
    int kept = 0;
    if (result instanceof BooleanColumnVector keep) {
      for (int i = 0; i < count; i++) {
        selected[kept] = i;
        kept += keep.values[i] & !keep.nulls[i] ? 1 : 0;
      }
    }
    return java.util.Arrays.copyOf(selected, kept);
  }

  private static int[] select(int[] rows, int[] positions) {
    int[] out = new int[positions.length];
    for (int i = 0; i < positions.length; i++) {
      out[i] = rows[positions[i]];
    }
    return out;
  }

  /**
   * The pairs as rows of left columns then right columns. A stream batch whose rows each appear once, in
   * order (every row matched one build row) is used as it is, without a gather.
   */
  private ColumnarBatch pairs(ColumnarBatch stream, int[] s, ColumnarBatch build, int[] b, int count) {
    boolean streamAsIs = isIdentity(s, count, stream.numRows());
    if (kept == null) {
      ColumnarBatch streamPart = streamAsIs ? stream : stream.gather(s, count);
      ColumnarBatch buildPart = build.gather(b, count);
      return buildLeft ? combine(buildPart, streamPart, count) : combine(streamPart, buildPart, count);
    }
    ColumnVector[] columns = new ColumnVector[kept.length];
    int leftWidth = leftTypes.size();
    for (int c = 0; c < kept.length; c++) {
      boolean isLeft = kept[c] < leftWidth;
      int ordinal = isLeft ? kept[c] : kept[c] - leftWidth;
      if (isLeft == buildLeft) {
        columns[c] = build.column(ordinal).gather(b, count);
      } else {
        ColumnVector column = stream.column(ordinal);
        columns[c] = streamAsIs ? column : column.gather(s, count);
      }
    }
    return new ColumnarBatch(columns, count);
  }

  /** The {@link #kept} columns of a batch holding every output column. */
  private ColumnarBatch narrowed(ColumnarBatch full) {
    if (kept == null) {
      return full;
    }
    ColumnVector[] columns = new ColumnVector[kept.length];
    for (int c = 0; c < kept.length; c++) {
      columns[c] = full.column(kept[c]);
    }
    return new ColumnarBatch(columns, full.numRows());
  }

  private static boolean isIdentity(int[] rows, int count, int numRows) {
    if (count != numRows) {
      return false;
    }
    for (int i = 0; i < count; i++) {
      if (rows[i] != i) {
        return false;
      }
    }
    return true;
  }

  /** {@code rows} of one side beside NULLs for the other; {@code rowsAreLeft} says which side they are. */
  private ColumnarBatch padded(ColumnarBatch rows, boolean rowsAreLeft) {
    int n = rows.numRows();
    if (rowsAreLeft) {
      return combine(rows, new ColumnarBatch(BatchConcat.nulls(rightTypes, n), n), n);
    }
    return combine(new ColumnarBatch(BatchConcat.nulls(leftTypes, n), n), rows, n);
  }

  /**
   * The build rows emitted once the stream is exhausted: an outer build side's unmatched rows NULL-padded, a
   * semi join's matched left rows, or an anti join's left rows never matched (those with a NULL key among them).
   */
  private List<ColumnarBatch> markedBuildRows(ColumnarBatch build, boolean[] matched) {
    boolean keepMatched = buildsLeftOnly() && joinType == JoinType.LEFT_SEMI;
    boolean pad = !buildsLeftOnly();
    List<ColumnarBatch> out = new ArrayList<>();
    int[] rows = new int[ColumnarBatch.MAX_ROWS];
    int count = 0;
    for (int i = 0; i < matched.length; i++) {
      if (matched[i] == keepMatched) {
        rows[count++] = i;
      }
      if (count == rows.length || (i == matched.length - 1 && count > 0)) {
        ColumnarBatch selected = build.gather(rows, count);
        out.add(narrowed(pad ? padded(selected, buildLeft) : selected));
        count = 0;
      }
    }
    return out;
  }

  private static ColumnarBatch combine(ColumnarBatch left, ColumnarBatch right, int n) {
    ColumnVector[] columns = new ColumnVector[left.numCols() + right.numCols()];
    for (int c = 0; c < left.numCols(); c++) {
      columns[c] = left.column(c);
    }
    for (int c = 0; c < right.numCols(); c++) {
      columns[left.numCols() + c] = right.column(c);
    }
    return new ColumnarBatch(columns, n);
  }
}
