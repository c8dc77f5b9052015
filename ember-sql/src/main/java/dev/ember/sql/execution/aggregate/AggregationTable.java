package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.expressions.VectorizedEvaluator;
import dev.ember.sql.execution.vector.BatchBuilder;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hash table of one aggregation task: group key to a flat buffer holding every function's slots.
 * Keys and inputs are evaluated a batch at a time; the table is then updated row by row.
 */
final class AggregationTable {

  private final List<AggregateEvaluator> evaluators;
  private final int[] offsets;
  private final int bufferWidth;
  private final Map<GroupKey, Object[]> groups = new LinkedHashMap<>();

  AggregationTable(List<AggregateEvaluator> evaluators) {
    this.evaluators = evaluators;
    this.offsets = new int[evaluators.size()];
    int width = 0;
    for (int f = 0; f < evaluators.size(); f++) {
      offsets[f] = width;
      width += evaluators.get(f).bufferTypes().size();
    }
    this.bufferWidth = width;
  }

  private Object[] newBuffer() {
    Object[] buffer = new Object[bufferWidth];
    for (int f = 0; f < evaluators.size(); f++) {
      evaluators.get(f).initialize(buffer, offsets[f]);
    }
    return buffer;
  }

  private Object[] bufferFor(Object[] key) {
    return groups.computeIfAbsent(new GroupKey(key), k -> newBuffer());
  }

  /** PARTIAL: adds the rows of {@code batch}. */
  void update(ColumnarBatch batch, List<Expression> keys, List<Expression> inputs) {
    int n = batch.numRows();
    ColumnVector[] keyColumns = evaluate(keys, batch);
    ColumnVector[] inputColumns = evaluate(inputs, batch);
    for (int r = 0; r < n; r++) {
      Object[] buffer = bufferFor(keyOf(keyColumns, r));
      for (int f = 0; f < inputColumns.length; f++) {
        evaluators.get(f).update(buffer, offsets[f], inputColumns[f], r);
      }
    }
  }

  /** FINAL: merges partial rows whose first {@code groupCount} columns are the key. */
  void merge(ColumnarBatch batch, int groupCount) {
    ColumnVector[] keyColumns = new ColumnVector[groupCount];
    for (int g = 0; g < groupCount; g++) {
      keyColumns[g] = batch.column(g);
    }
    for (int r = 0; r < batch.numRows(); r++) {
      Object[] buffer = bufferFor(keyOf(keyColumns, r));
      for (int f = 0; f < evaluators.size(); f++) {
        evaluators.get(f).merge(buffer, offsets[f], batch, groupCount + offsets[f], r);
      }
    }
  }

  Iterator<ColumnarBatch> partialOutput(List<DataType> types) {
    BatchBuilder builder = new BatchBuilder(types);
    for (Map.Entry<GroupKey, Object[]> group : groups.entrySet()) {
      Object[] key = group.getKey().values();
      Object[] row = new Object[key.length + bufferWidth];
      System.arraycopy(key, 0, row, 0, key.length);
      System.arraycopy(group.getValue(), 0, row, key.length, bufferWidth);
      builder.add(row);
    }
    return builder.build();
  }

  Iterator<ColumnarBatch> finalOutput(int groupCount, List<DataType> intermediateTypes, List<Expression> results) {
    if (groups.isEmpty() && groupCount == 0) {
      // An aggregate without GROUP BY returns one row even for no input: count 0, sum NULL.
      groups.put(new GroupKey(new Object[0]), newBuffer());
    }
    BatchBuilder builder = new BatchBuilder(intermediateTypes);
    for (Map.Entry<GroupKey, Object[]> group : groups.entrySet()) {
      Object[] key = group.getKey().values();
      Object[] row = new Object[key.length + evaluators.size()];
      System.arraycopy(key, 0, row, 0, key.length);
      for (int f = 0; f < evaluators.size(); f++) {
        row[key.length + f] = evaluators.get(f).result(group.getValue(), offsets[f]);
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

  private static Object[] keyOf(ColumnVector[] keyColumns, int row) {
    Object[] key = new Object[keyColumns.length];
    for (int g = 0; g < key.length; g++) {
      key[g] = keyColumns[g].getBoxed(row);
    }
    return key;
  }
}
