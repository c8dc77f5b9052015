package dev.ember.sql.execution.spill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Sorts rows of boxed values with bounded memory: rows are held while the task grants memory for their
 * estimated size; when it is denied, the held rows are sorted and written as a run to a spill file. Reading
 * merges the runs and the last in-memory rows with a priority queue. Spill files are deleted as their runs
 * are exhausted, and when the task ends at the latest.
 */
public final class ExternalRowSorter extends SpillableConsumer {

  /** Sizes change little in a few hundred rows; asking for memory per row would cost more than it saves. */
  private static final int CHECK_EVERY = 256;

  private final Comparator<Object[]> comparator;
  private final List<SpilledRows> runs = new ArrayList<>();
  private List<Object[]> rows = new ArrayList<>();
  private long bytes;
  private int sinceCheck;
  private boolean reading;

  /** An empty sorter of rows ordered by {@code comparator}, spilling through {@code spill}. */
  public ExternalRowSorter(TaskSpill spill, Comparator<Object[]> comparator) {
    super(spill);
    this.comparator = comparator;
  }

  /** Adds one row. */
  public void insert(Object[] row) {
    if (reading) {
      throw new IllegalStateException("Cannot insert into a sorter that is being read.");
    }
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

  /** The number of runs spilled so far. */
  public int numSpills() {
    return runs.size();
  }

  @Override
  protected boolean canSpillNow() {
    return !reading && !rows.isEmpty();
  }

  @Override
  protected void spillHeld() {
    rows.sort(comparator);
    runs.add(SpilledRows.write(taskSpill(), rows.iterator(), bytes));
    rows = new ArrayList<>();
    bytes = 0;
    sinceCheck = 0;
  }

  /** Ends insertion and returns every row in order; memory is given back when the iterator is exhausted. */
  public Iterator<Object[]> sortedIterator() {
    reading = true;
    rows.sort(comparator);
    Iterator<Object[]> sorted;
    if (runs.isEmpty()) {
      sorted = rows.iterator();
    } else {
      List<Iterator<Object[]>> inputs = new ArrayList<>(runs.size() + 1);
      for (SpilledRows run : runs) {
        inputs.add(run.open());
      }
      inputs.add(rows.iterator());
      sorted = new SortedRunMerge(inputs, comparator);
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        boolean more = sorted.hasNext();
        if (!more && rows != null) {
          rows = null;
          releaseAll();
        }
        return more;
      }

      @Override
      public Object[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return sorted.next();
      }
    };
  }
}
