package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.expressions.VectorizedEvaluator;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The hash table of one aggregation task. A batch is processed in two steps: each row's key is looked up
 * to a dense group id (the one per-row step), then every function's state takes the whole batch of group
 * ids and input values in one primitive loop. Without grouping, every row is group 0 and no key is built.
 */
final class AggregationTable {

  private final GroupedState[] states;
  private final int[] offsets;
  private final int bufferWidth;
  private final Map<GroupKey, Integer> ids = new HashMap<>();
  private final LongGroupIds longIds = new LongGroupIds();
  private final BatchGroups batchGroups = new BatchGroups();
  private GroupKeyColumns keys;
  private MultiKeyGroupIds multiKeyIds;
  private PackedKeyGroupIds packedIds;
  private int groups;
  private boolean countRuns;
  private long runs;

  AggregationTable(List<AggregateEvaluator> evaluators) {
    this.states = new GroupedState[evaluators.size()];
    this.offsets = new int[evaluators.size()];
    int width = 0;
    for (int f = 0; f < states.length; f++) {
      states[f] = evaluators.get(f).newState();
      offsets[f] = width;
      width += evaluators.get(f).bufferTypes().size();
    }
    this.bufferWidth = width;
  }

  /** Creates the group whose key is row {@code row} of {@code keyColumns} (none without grouping). */
  private int newGroup(ColumnVector[] keyColumns, int row) {
    if (keyColumns.length > 0) {
      if (keys == null) {
        keys = new GroupKeyColumns(keyColumns.length);
      }
      keys.add(keyColumns, row);
    }
    groups++;
    for (GroupedState state : states) {
      state.ensureCapacity(groups);
    }
    return groups - 1;
  }

  private int[] groupIds(ColumnVector[] keyColumns, int n) {
    int[] groupIds = new int[n];
    if (keyColumns.length == 0) {
      if (groups == 0 && n > 0) {
        newGroup(keyColumns, 0);
      }
      return groupIds;
    }
    if (keyColumns.length == 1 && (keyColumns[0] instanceof LongColumnVector
        || keyColumns[0] instanceof IntColumnVector || keyColumns[0] instanceof DecimalColumnVector)) {
      integralGroupIds(keyColumns, groupIds, n);
      return groupIds;
    }
    if (multiKeyIds == null && packedIds == null && PackedKeyGroupIds.packable(keyColumns)) {
      packedIds = new PackedKeyGroupIds(keyColumns.length);
    }
    if (packedIds != null) {
      if (packedIds.groupIds(keyColumns, n, groupIds, row -> newGroup(keyColumns, row), keys, groups)) {
        return groupIds;
      }
      packedIds = null;
      multiKeyIds = rebuiltMultiKeyIds(keyColumns.length);
    }
    if (multiKeyIds == null) {
      multiKeyIds = new MultiKeyGroupIds(keyColumns.length);
    }
    multiKeyIds.groupIds(keyColumns, n, groupIds, row -> newGroup(keyColumns, row));
    return groupIds;
  }

  /**
   * The general table holding the groups made so far, for integral keys that have outgrown 64 bits: the
   * stored keys are looked up chunk by chunk, so each group gets back its own id.
   */
  private MultiKeyGroupIds rebuiltMultiKeyIds(int width) {
    MultiKeyGroupIds table = new MultiKeyGroupIds(width);
    int[] next = {0};
    for (int c = 0; c * ColumnarBatch.MAX_ROWS < groups; c++) {
      int count = Math.min(ColumnarBatch.MAX_ROWS, groups - c * ColumnarBatch.MAX_ROWS);
      table.groupIds(keys.chunk(c), count, new int[count], row -> next[0]++);
    }
    return table;
  }

  /**
   * Group ids for one int, date, bigint or decimal key column, without boxing a key per row: decimals by
   * their unscaled longs, except for the rare values too wide for a long, which take the boxed map.
   */
  private void integralGroupIds(ColumnVector[] keyColumns, int[] groupIds, int n) {
    ColumnVector column = keyColumns[0];
    long[] longs = column instanceof LongColumnVector v ? v.values : null;
    int[] ints = column instanceof IntColumnVector v ? v.values : null;
    DecimalColumnVector decimals = column instanceof DecimalColumnVector v ? v : null;
    if (decimals != null && !decimals.hasWideValues()) {
      longs = decimals.unscaled;
      decimals = null;
    }
    boolean[] nulls = column.nulls;
    if (longIds.large()) {
      lookAheadGroupIds(keyColumns, longs != null ? longs : keysOf(ints, decimals, n), decimals, groupIds, n);
      return;
    }
    // Input is often clustered by its key (sorted files, joins on the key): a row repeating the previous
    // row's key reuses its id without probing the table.
    long lastKey = 0;
    int lastId = -1;
    for (int i = 0; i < n; i++) {
      int id;
      if (nulls[i]) {
        id = longIds.nullId();
        if (id < 0) {
          id = newGroup(keyColumns, i);
          longIds.putNull(id);
        }
      } else if (decimals != null && !decimals.isCompact(i)) {
        id = wideGroupId(keyColumns, i);
      } else {
        long key = longs != null ? longs[i] : ints != null ? ints[i] : decimals.unscaled[i];
        if (lastId >= 0 && key == lastKey) {
          groupIds[i] = lastId;
          continue;
        }
        id = newGroupUnlessFound(keyColumns, i, key);
        lastKey = key;
        lastId = id;
      }
      groupIds[i] = id;
    }
  }

  private static long[] keysOf(int[] ints, DecimalColumnVector decimals, int n) {
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = ints != null ? ints[i] : decimals.unscaled[i];
    }
    return keys;
  }

  /**
   * Group ids of one integral key column against a table too large for the caches: every row's id is
   * looked up in one batched pass ({@link LongGroupIds#getAll}), then new keys, NULLs and wide decimals are
   * resolved row by row in order, so ids stay dense and in first-seen order.
   */
  private void lookAheadGroupIds(ColumnVector[] keyColumns, long[] keys, DecimalColumnVector decimals,
      int[] groupIds, int n) {
    boolean[] nulls = keyColumns[0].nulls;
    boolean[] skip = nulls;
    if (decimals != null) {
      skip = new boolean[n];
      for (int i = 0; i < n; i++) {
        skip[i] = nulls[i] || !decimals.isCompact(i);
      }
    }
    longIds.getAll(keys, skip, n, groupIds);
    for (int i = 0; i < n; i++) {
      if (groupIds[i] >= 0) {
        continue;
      }
      int id;
      if (nulls[i]) {
        id = longIds.nullId();
        if (id < 0) {
          id = newGroup(keyColumns, i);
          longIds.putNull(id);
        }
      } else if (skip[i]) {
        id = wideGroupId(keyColumns, i);
      } else if (i > 0 && !skip[i - 1] && keys[i] == keys[i - 1]) {
        // The rest of a run whose first row made a new group.
        id = groupIds[i - 1];
      } else {
        // A key first seen earlier in this batch has been added since the batched lookup.
        id = newGroupUnlessFound(keyColumns, i, keys[i]);
      }
      groupIds[i] = id;
    }
  }

  /** The group of integral key {@code key} (row {@code row}), made when it has none: one probe either way. */
  private int newGroupUnlessFound(ColumnVector[] keyColumns, int row, long key) {
    int next = groups;
    int id = longIds.getOrPut(key, next);
    if (id == next) {
      newGroup(keyColumns, row);
    }
    return id;
  }

  private int wideGroupId(ColumnVector[] keyColumns, int row) {
    GroupKey groupKey = new GroupKey(new Object[] {keyColumns[0].getBoxed(row)});
    Integer id = ids.get(groupKey);
    if (id == null) {
      id = newGroup(keyColumns, row);
      ids.put(groupKey, id);
    }
    return id;
  }

  /** PARTIAL: adds the rows of {@code batch}. */
  void update(ColumnarBatch batch, List<Expression> keyExpressions, List<Expression> inputs) {
    int n = batch.numRows();
    ColumnVector[] keyColumns = evaluate(keyExpressions, batch);
    if (countRuns) {
      runs += KeyRuns.count(keyColumns, n);
    }
    updateStates(batch, groupIds(keyColumns, n), n, inputs);
  }

  /**
   * PARTIAL without hashing: adds the rows of {@code batch} as new groups, one per run of consecutive rows
   * with equal keys, so a key may have several groups; for a table that is only written out as partial rows.
   */
  void updateRuns(ColumnarBatch batch, List<Expression> keyExpressions, List<Expression> inputs) {
    int n = batch.numRows();
    ColumnVector[] keyColumns = evaluate(keyExpressions, batch);
    if (n == 0) {
      return;
    }
    int[] groupIds = new int[n];
    int runCount = KeyRuns.runIds(keyColumns, n, groups, groupIds);
    int[] starts = new int[runCount];
    int r = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || groupIds[i] != groupIds[i - 1]) {
        starts[r++] = i;
      }
    }
    if (keyColumns.length > 0) {
      if (keys == null) {
        keys = new GroupKeyColumns(keyColumns.length);
      }
      keys.addRows(keyColumns, starts, runCount);
    }
    groups += runCount;
    for (GroupedState state : states) {
      state.ensureCapacity(groups);
    }
    updateStates(batch, groupIds, n, inputs);
  }

  /** Counts the runs of equal keys in the batches {@link #update} takes from now on ({@link #runs}). */
  void countRuns() {
    countRuns = true;
  }

  /** The runs of consecutive rows with equal keys in the batches counted, each batch counted alone. */
  long runs() {
    return runs;
  }

  private void updateStates(ColumnarBatch batch, int[] groupIds, int n, List<Expression> inputs) {
    batchGroups.reset(groupIds, n, groups);
    for (int f = 0; f < states.length; f++) {
      Expression input = inputs.get(f);
      if (input instanceof Literal literal && literal.value() != null && states[f] instanceof CountState count) {
        // count of a constant that is not NULL counts rows: no column of the constant is needed.
        count.addRows(batchGroups);
      } else {
        states[f].update(batchGroups, VectorizedEvaluator.evaluate(input, batch));
      }
    }
  }

  /** FINAL: merges partial rows whose first {@code groupCount} columns are the key. */
  void merge(ColumnarBatch batch, int groupCount) {
    ColumnVector[] keyColumns = new ColumnVector[groupCount];
    for (int g = 0; g < groupCount; g++) {
      keyColumns[g] = batch.column(g);
    }
    int n = batch.numRows();
    int[] groupIds = groupIds(keyColumns, n);
    for (int f = 0; f < states.length; f++) {
      states[f].merge(groupIds, batch, groupCount + offsets[f], n);
    }
  }

  Iterator<ColumnarBatch> partialOutput(List<DataType> types) {
    int keyWidth = types.size() - bufferWidth;
    List<ColumnarBatch> out = new ArrayList<>();
    for (int from = 0; from < groups; from += ColumnarBatch.MAX_ROWS) {
      int count = Math.min(ColumnarBatch.MAX_ROWS, groups - from);
      ColumnVector[] columns = keyColumns(from, keyWidth, types.size());
      for (int c = keyWidth; c < columns.length; c++) {
        columns[c] = ColumnVectors.allocate(types.get(c), count);
      }
      for (int f = 0; f < states.length; f++) {
        int width = (f + 1 < states.length ? offsets[f + 1] : bufferWidth) - offsets[f];
        states[f].writeBuffers(from, count, columns, keyWidth + offsets[f], width);
      }
      out.add(new ColumnarBatch(columns, count));
    }
    return out.iterator();
  }

  /** An array of {@code total} columns starting with the key columns of the chunk of group {@code from}. */
  private ColumnVector[] keyColumns(int from, int keyWidth, int total) {
    ColumnVector[] columns = new ColumnVector[total];
    if (keyWidth > 0) {
      System.arraycopy(keys.chunk(from / ColumnarBatch.MAX_ROWS), 0, columns, 0, keyWidth);
    }
    return columns;
  }

  /** Group {@code group} as a partial row: its key, then every function's buffer slots. */
  Object[] partialRow(int group) {
    int keyWidth = keys == null ? 0 : keys.width();
    Object[] row = new Object[keyWidth + bufferWidth];
    for (int k = 0; k < keyWidth; k++) {
      row[k] = keys.get(group, k);
    }
    for (int f = 0; f < states.length; f++) {
      states[f].writeBuffer(group, row, keyWidth + offsets[f]);
    }
    return row;
  }

  /** The number of groups held. */
  int numGroups() {
    return groups;
  }

  /**
   * An estimate of the table's heap bytes: the keys, about 16 bytes for each buffer slot of each group, and
   * the hash table's slots for each group.
   */
  long estimatedSize() {
    long keyBytes = keys == null ? 0 : keys.estimatedSize();
    return keyBytes + (long) groups * (16L * bufferWidth + 24);
  }

  Iterator<ColumnarBatch> finalOutput(int groupCount, List<DataType> intermediateTypes, List<Expression> results) {
    if (groups == 0 && groupCount == 0) {
      // An aggregate without GROUP BY returns one row even for no input: count 0, sum NULL.
      newGroup(new ColumnVector[0], 0);
    }
    List<ColumnarBatch> out = new ArrayList<>();
    for (int from = 0; from < groups; from += ColumnarBatch.MAX_ROWS) {
      int count = Math.min(ColumnarBatch.MAX_ROWS, groups - from);
      ColumnVector[] columns = keyColumns(from, groupCount, intermediateTypes.size());
      for (int f = 0; f < states.length; f++) {
        columns[groupCount + f] = ColumnVectors.allocate(intermediateTypes.get(groupCount + f), count);
        states[f].writeResults(from, count, columns[groupCount + f]);
      }
      ColumnarBatch batch = new ColumnarBatch(columns, count);
      out.add(new ColumnarBatch(evaluate(results, batch), count));
    }
    return out.iterator();
  }

  private static ColumnVector[] evaluate(List<Expression> expressions, ColumnarBatch batch) {
    ColumnVector[] columns = new ColumnVector[expressions.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = VectorizedEvaluator.evaluate(expressions.get(i), batch);
    }
    return columns;
  }
}
