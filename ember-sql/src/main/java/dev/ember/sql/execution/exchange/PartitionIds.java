package dev.ember.sql.execution.exchange;

import dev.ember.sql.execution.expressions.VectorizedEvaluator;
import dev.ember.sql.execution.sort.RowComparator;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.Expression;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** Computes the target partition of every row of a batch; travels to map tasks, so it is Serializable. */
interface PartitionIds extends Serializable {

  /** The target partition of each of the batch's rows. */
  int[] of(ColumnarBatch batch);

  /** All rows to partition 0. */
  static PartitionIds single() {
    return batch -> new int[batch.numRows()];
  }

  /** By hash of the bound {@code keys}, modulo {@code partitions}. */
  static PartitionIds hash(List<Expression> keys, int partitions) {
    return batch -> {
      int rows = batch.numRows();
      int[] ids = new int[rows];
      for (Expression key : keys) {
        RowHashes.combine(ids, VectorizedEvaluator.evaluate(key, batch), rows);
      }
      if (Integer.bitCount(partitions) == 1) {
        // For a power of two the non-negative remainder is the low bits, without a division per row.
        int mask = partitions - 1;
        for (int i = 0; i < rows; i++) {
          ids[i] &= mask;
        }
      } else {
        for (int i = 0; i < rows; i++) {
          ids[i] = Math.floorMod(ids[i], partitions);
        }
      }
      return ids;
    };
  }

  /**
   * By range of the bound sort {@code keys}: the number of {@code bounds} (sorted key rows, one fewer than
   * the partitions) that sort strictly before the row's key.
   */
  static PartitionIds range(List<Expression> keys, List<Object[]> bounds, RowComparator comparator) {
    Object[][] sortedBounds = bounds.toArray(new Object[0][]);
    return batch -> {
      int rows = batch.numRows();
      ColumnVector[] columns = new ColumnVector[keys.size()];
      for (int k = 0; k < columns.length; k++) {
        columns[k] = VectorizedEvaluator.evaluate(keys.get(k), batch);
      }
      int[] ids = new int[rows];
      Object[] key = new Object[columns.length];
      for (int i = 0; i < rows; i++) {
        for (int k = 0; k < columns.length; k++) {
          key[k] = columns[k].getBoxed(i);
        }
        int position = Arrays.binarySearch(sortedBounds, key, comparator);
        // Equal to a bound: that bound's partition; otherwise the insertion point counts the smaller bounds.
        ids[i] = position >= 0 ? position : -position - 1;
      }
      return ids;
    };
  }
}
