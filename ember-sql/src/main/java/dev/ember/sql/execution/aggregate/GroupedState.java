package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;

/**
 * The buffers of one aggregate function for every group of a task, held in arrays indexed by group id.
 * Updates take a whole batch: the group id of each row and the function's input column, and loop over
 * primitive arrays.
 */
interface GroupedState {

  /** Makes room for groups {@code 0 .. groups-1}; new groups start empty. */
  void ensureCapacity(int groups);

  /** PARTIAL: adds row i of {@code input} to group {@code groupIds[i]}, for the first {@code n} rows. */
  void update(int[] groupIds, ColumnVector input, int n);

  /**
   * PARTIAL: adds each row of {@code input} to its group of {@code batch}. States whose per-row work the
   * batch's group row counts can replace override it.
   */
  default void update(BatchGroups batch, ColumnVector input) {
    update(batch.ids(), input, batch.rows());
  }

  /** FINAL: merges the buffers stored from column {@code column} of {@code partial} into the groups. */
  void merge(int[] groupIds, ColumnarBatch partial, int column, int n);

  /** Writes group {@code group}'s buffer slots into {@code row} from {@code offset}. */
  void writeBuffer(int group, Object[] row, int offset);

  /** The function's value for group {@code group}. */
  Object result(int group);

  /**
   * Writes the {@code width} buffer slots of groups {@code from .. from+count-1} into rows {@code 0 .. count-1}
   * of the columns {@code out[offset .. offset+width-1]}. States with primitive buffers override it to copy
   * their arrays without boxing.
   */
  default void writeBuffers(int from, int count, ColumnVector[] out, int offset, int width) {
    Object[] row = new Object[offset + width];
    for (int i = 0; i < count; i++) {
      writeBuffer(from + i, row, offset);
      for (int c = offset; c < offset + width; c++) {
        out[c].setBoxed(i, row[c]);
      }
    }
  }

  /** Writes the values of groups {@code from .. from+count-1} into rows {@code 0 .. count-1} of {@code out}. */
  default void writeResults(int from, int count, ColumnVector out) {
    for (int i = 0; i < count; i++) {
      out.setBoxed(i, result(from + i));
    }
  }
}
