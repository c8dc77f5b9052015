package dev.ember.sql.execution.window;

import dev.ember.sql.execution.expressions.VectorizedEvaluator;
import dev.ember.sql.execution.spill.TaskSpill;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.Expression;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The output rows of a window operator over one task's input, sorted by partition and order keys: one
 * window partition at a time is gathered in a {@link WindowPartitionBuffer} (which spills the input values
 * when the task's memory is denied), its functions are evaluated, and its rows are emitted before the next
 * partition is read. Only one window partition is held at a time, not the task's whole input.
 */
final class WindowRows implements Iterator<Object[]> {

  private final Iterator<Object[]> input;
  private final int width;
  private final int[] partitionPositions;
  private final int[] orderPositions;
  private final List<WindowEvaluator> evaluators;
  private WindowPartitionBuffer buffer;
  private Object[] pending;
  private Iterator<Object[]> inputValues;
  private Object[][] results;
  private int next;
  private int size;

  /**
   * @param input rows of {@code width} input values followed by the extra columns the functions read
   */
  WindowRows(Iterator<Object[]> input, int width, int[] partitionPositions, int[] orderPositions,
      List<WindowEvaluator> evaluators) {
    this.input = input;
    this.width = width;
    this.partitionPositions = partitionPositions;
    this.orderPositions = orderPositions;
    this.evaluators = evaluators;
  }

  /** The rows of {@code batches}: each row's values followed by the values of {@code extra} over it. */
  static Iterator<Object[]> inputRows(Iterator<ColumnarBatch> batches, List<Expression> extra, int width) {
    return new Iterator<>() {
      private ColumnarBatch batch;
      private ColumnVector[] columns;
      private int row;

      @Override
      public boolean hasNext() {
        while ((batch == null || row >= batch.numRows()) && batches.hasNext()) {
          batch = batches.next();
          row = 0;
          columns = new ColumnVector[extra.size()];
          for (int i = 0; i < columns.length; i++) {
            columns[i] = VectorizedEvaluator.evaluate(extra.get(i), batch);
          }
        }
        return batch != null && row < batch.numRows();
      }

      @Override
      public Object[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Object[] values = new Object[width + columns.length];
        for (int c = 0; c < width; c++) {
          values[c] = batch.column(c).getBoxed(row);
        }
        for (int i = 0; i < columns.length; i++) {
          values[width + i] = columns[i].getBoxed(row);
        }
        row++;
        return values;
      }
    };
  }

  @Override
  public boolean hasNext() {
    while (inputValues == null || next >= size) {
      if (!loadPartition()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Object[] next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Object[] in = inputValues.next();
    Object[] out = new Object[width + evaluators.size()];
    System.arraycopy(in, 0, out, 0, width);
    for (int k = 0; k < evaluators.size(); k++) {
      out[width + k] = results[k][next];
    }
    next++;
    return out;
  }

  private boolean loadPartition() {
    if (buffer == null) {
      buffer = new WindowPartitionBuffer(TaskSpill.forCurrentTask(), width);
    }
    buffer.clear();
    inputValues = null;
    if (pending == null && input.hasNext()) {
      pending = input.next();
    }
    if (pending == null) {
      return false;
    }
    Object[] first = pending;
    buffer.add(first);
    pending = null;
    while (input.hasNext()) {
      Object[] row = input.next();
      if (!samePartition(first, row)) {
        pending = row;
        break;
      }
      buffer.add(row);
    }
    List<Object[]> rows = buffer.rows();
    size = rows.size();
    WindowPartition partition = new WindowPartition(rows, 0, size, orderPositions);
    results = new Object[evaluators.size()][size];
    for (int k = 0; k < evaluators.size(); k++) {
      evaluators.get(k).evaluate(partition, results[k]);
    }
    inputValues = buffer.inputValues();
    next = 0;
    return true;
  }

  // Partition keys sit after the input values, so they survive a spill of the input values.
  private boolean samePartition(Object[] a, Object[] b) {
    for (int p : partitionPositions) {
      if (!Objects.equals(a[p], b[p])) {
        return false;
      }
    }
    return true;
  }
}
