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

  /** FINAL: merges the buffers stored from column {@code column} of {@code partial} into the groups. */
  void merge(int[] groupIds, ColumnarBatch partial, int column, int n);

  /** Writes group {@code group}'s buffer slots into {@code row} from {@code offset}. */
  void writeBuffer(int group, Object[] row, int offset);

  /** The function's value for group {@code group}. */
  Object result(int group);
}
