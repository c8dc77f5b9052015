package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.expressions.VectorizedEvaluator;
import dev.ember.sql.execution.spill.RowSizes;
import dev.ember.sql.execution.vector.BatchBuilder;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.plan.expressions.Expression;
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
  private final List<Object[]> keys = new ArrayList<>();
  private final LongGroupIds longIds = new LongGroupIds();
  private MultiKeyGroupIds multiKeyIds;
  private long keyBytes;

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

  private int newGroup(Object[] key) {
    keys.add(key);
    keyBytes += RowSizes.estimate(key);
    for (GroupedState state : states) {
      state.ensureCapacity(keys.size());
    }
    return keys.size() - 1;
  }

  private int[] groupIds(ColumnVector[] keyColumns, int n) {
    int[] groupIds = new int[n];
    if (keyColumns.length == 0) {
      if (keys.isEmpty() && n > 0) {
        newGroup(new Object[0]);
      }
      return groupIds;
    }
    if (keyColumns.length == 1 && (keyColumns[0] instanceof LongColumnVector
        || keyColumns[0] instanceof IntColumnVector || keyColumns[0] instanceof DecimalColumnVector)) {
      integralGroupIds(keyColumns[0], groupIds, n);
      return groupIds;
    }
    if (multiKeyIds == null) {
      multiKeyIds = new MultiKeyGroupIds(keyColumns.length);
    }
    multiKeyIds.groupIds(keyColumns, n, groupIds, row -> {
      Object[] key = new Object[keyColumns.length];
      for (int g = 0; g < key.length; g++) {
        key[g] = keyColumns[g].getBoxed(row);
      }
      return newGroup(new GroupKey(key).values());
    });
    return groupIds;
  }

  /**
   * Group ids for one int, date, bigint or decimal key column, without boxing a key per row: decimals by
   * their unscaled longs, except for the rare values too wide for a long, which take the boxed map.
   */
  private void integralGroupIds(ColumnVector column, int[] groupIds, int n) {
    long[] longs = column instanceof LongColumnVector v ? v.values : null;
    int[] ints = column instanceof IntColumnVector v ? v.values : null;
    DecimalColumnVector decimals = column instanceof DecimalColumnVector v ? v : null;
    if (decimals != null && !decimals.hasWideValues()) {
      longs = decimals.unscaled;
      decimals = null;
    }
    boolean[] nulls = column.nulls;
    for (int i = 0; i < n; i++) {
      int id;
      if (nulls[i]) {
        id = longIds.nullId();
        if (id < 0) {
          id = newGroup(new Object[] {null});
          longIds.putNull(id);
        }
      } else if (decimals != null && !decimals.isCompact(i)) {
        id = wideGroupId(column, i);
      } else {
        long key = longs != null ? longs[i] : ints != null ? ints[i] : decimals.unscaled[i];
        id = longIds.get(key);
        if (id < 0) {
          id = newGroup(new Object[] {column.getBoxed(i)});
          longIds.put(key, id);
        }
      }
      groupIds[i] = id;
    }
  }

  private int wideGroupId(ColumnVector column, int row) {
    GroupKey groupKey = new GroupKey(new Object[] {column.getBoxed(row)});
    Integer id = ids.get(groupKey);
    if (id == null) {
      id = newGroup(groupKey.values());
      ids.put(groupKey, id);
    }
    return id;
  }

  /** PARTIAL: adds the rows of {@code batch}. */
  void update(ColumnarBatch batch, List<Expression> keyExpressions, List<Expression> inputs) {
    int n = batch.numRows();
    int[] groupIds = groupIds(evaluate(keyExpressions, batch), n);
    for (int f = 0; f < states.length; f++) {
      states[f].update(groupIds, VectorizedEvaluator.evaluate(inputs.get(f), batch), n);
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
    BatchBuilder builder = new BatchBuilder(types);
    for (int group = 0; group < keys.size(); group++) {
      builder.add(partialRow(group));
    }
    return builder.build();
  }

  /** Group {@code group} as a partial row: its key, then every function's buffer slots. */
  Object[] partialRow(int group) {
    Object[] key = keys.get(group);
    Object[] row = new Object[key.length + bufferWidth];
    System.arraycopy(key, 0, row, 0, key.length);
    for (int f = 0; f < states.length; f++) {
      states[f].writeBuffer(group, row, key.length + offsets[f]);
    }
    return row;
  }

  /** The number of groups held. */
  int numGroups() {
    return keys.size();
  }

  /**
   * An estimate of the table's heap bytes: the keys, about 16 bytes for each buffer slot of each group, and
   * the hash map's entry, key object and boxed id for each group.
   */
  long estimatedSize() {
    return keyBytes + (long) keys.size() * (16L * bufferWidth + 96);
  }

  Iterator<ColumnarBatch> finalOutput(int groupCount, List<DataType> intermediateTypes, List<Expression> results) {
    if (keys.isEmpty() && groupCount == 0) {
      // An aggregate without GROUP BY returns one row even for no input: count 0, sum NULL.
      newGroup(new Object[0]);
    }
    BatchBuilder builder = new BatchBuilder(intermediateTypes);
    for (int group = 0; group < keys.size(); group++) {
      Object[] key = keys.get(group);
      Object[] row = new Object[key.length + states.length];
      System.arraycopy(key, 0, row, 0, key.length);
      for (int f = 0; f < states.length; f++) {
        row[key.length + f] = states[f].result(group);
      }
      builder.add(row);
    }
    List<ColumnarBatch> out = new ArrayList<>();
    Iterator<ColumnarBatch> intermediate = builder.build();
    while (intermediate.hasNext()) {
      ColumnarBatch batch = intermediate.next();
      out.add(new ColumnarBatch(evaluate(results, batch), batch.numRows()));
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
