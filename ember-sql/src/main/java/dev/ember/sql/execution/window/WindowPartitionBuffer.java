package dev.ember.sql.execution.window;

import dev.ember.sql.execution.spill.RowSizes;
import dev.ember.sql.execution.spill.SpillableConsumer;
import dev.ember.sql.execution.spill.SpilledRows;
import dev.ember.sql.execution.spill.TaskSpill;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The rows of one window partition while its window functions are computed. Each row is the input row's
 * {@code width} values followed by the columns the functions read (partition and order keys, inputs). While
 * the task grants memory for the rows, they stay whole; when it is denied, the input values of the rows held
 * so far go to a spill file (in row order) and only the functions' columns stay in memory, so frames are
 * evaluated from memory and the output reads the input values back from disk one run after the other.
 * One buffer serves a task's window partitions in turn ({@link #clear}).
 */
final class WindowPartitionBuffer extends SpillableConsumer {

  /** Sizes change little in a few hundred rows; asking for memory per row would cost more than it saves. */
  private static final int CHECK_EVERY = 256;

  private final int width;
  private final List<SpilledRows> runs = new ArrayList<>();
  private List<Object[]> rows = new ArrayList<>();
  private int spilledUpTo;
  private long bytes;
  private int sinceCheck;
  private boolean reading;

  /** An empty buffer of rows whose first {@code width} values are the input row's. */
  WindowPartitionBuffer(TaskSpill spill, int width) {
    super(spill);
    this.width = width;
  }

  /** Adds the next row of the partition. */
  void add(Object[] row) {
    rows.add(row);
    bytes += RowSizes.estimate(row);
    if (++sinceCheck >= CHECK_EVERY) {
      sinceCheck = 0;
      if (!reserve(bytes)) {
        spillHeld();
        releaseAll();
      }
    }
  }

  /** The rows; those whose input values were spilled have {@code null} in their first {@code width} slots. */
  List<Object[]> rows() {
    return rows;
  }

  /** The number of spill files written for the current partition. */
  int numSpills() {
    return runs.size();
  }

  @Override
  protected boolean canSpillNow() {
    return !reading && spilledUpTo < rows.size();
  }

  @Override
  protected void spillHeld() {
    Iterator<Object[]> inputs = rows.subList(spilledUpTo, rows.size()).stream()
        .map(row -> Arrays.copyOf(row, width)).iterator();
    runs.add(SpilledRows.write(taskSpill(), inputs, bytes));
    for (int i = spilledUpTo; i < rows.size(); i++) {
      Arrays.fill(rows.get(i), 0, width, null);
    }
    spilledUpTo = rows.size();
    bytes = 0;
    sinceCheck = 0;
  }

  /** Ends adding; the input values of every row in order, read back from disk where they were spilled. */
  Iterator<Object[]> inputValues() {
    reading = true;
    return new Iterator<>() {
      private int run;
      private Iterator<Object[]> current = runs.isEmpty() ? null : runs.get(0).open();
      private int memoryRow = spilledUpTo;

      @Override
      public boolean hasNext() {
        while (current != null && !current.hasNext()) {
          run++;
          current = run < runs.size() ? runs.get(run).open() : null;
        }
        return current != null || memoryRow < rows.size();
      }

      @Override
      public Object[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current != null ? current.next() : Arrays.copyOf(rows.get(memoryRow++), width);
      }
    };
  }

  /** Forgets the partition (deleting its spill files) and gives its memory back, ready for the next one. */
  void clear() {
    for (SpilledRows run : runs) {
      run.delete();
    }
    runs.clear();
    rows = new ArrayList<>();
    spilledUpTo = 0;
    bytes = 0;
    sinceCheck = 0;
    reading = false;
    releaseAll();
  }
}
