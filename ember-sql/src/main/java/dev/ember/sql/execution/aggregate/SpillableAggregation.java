package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.sort.RowComparator;
import dev.ember.sql.execution.spill.RowBatches;
import dev.ember.sql.execution.spill.SortedRunMerge;
import dev.ember.sql.execution.spill.SpillableConsumer;
import dev.ember.sql.execution.spill.SpilledRows;
import dev.ember.sql.execution.spill.TaskSpill;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The hash table of an aggregation task, spilling as Spark's sort-based fallback does: while the task grants
 * memory for the table's estimated size, rows go into one {@link AggregationTable}; when it is denied, the
 * table's groups are written as partial rows (key, then buffers — the format the exchange already carries,
 * so every function's buffer round-trips) sorted by key, and a new table starts. At the end the runs and
 * the last table are merged by key, and groups are combined a chunk of keys at a time in small tables, so
 * at most one chunk is held. Without grouping there is one group and nothing to spill.
 */
final class SpillableAggregation extends SpillableConsumer {

  private final List<AggregateEvaluator> evaluators;
  private final int groupCount;
  private final List<DataType> partialTypes;
  private final RowComparator keyOrder;
  private final List<SpilledRows> runs = new ArrayList<>();
  private AggregationTable table;
  private boolean reading;
  private boolean countRuns;
  private long spilledGroups;
  private long spilledRuns;

  /**
   * An empty aggregation.
   *
   * @param groupCount the number of grouping columns that start each partial row
   * @param partialTypes the types of partial rows: grouping columns, then buffer columns
   */
  SpillableAggregation(TaskSpill spill, List<AggregateEvaluator> evaluators, int groupCount,
      List<DataType> partialTypes) {
    super(spill);
    this.evaluators = evaluators;
    this.groupCount = groupCount;
    this.partialTypes = List.copyOf(partialTypes);
    int[] positions = new int[groupCount];
    boolean[] ascending = new boolean[groupCount];
    boolean[] nullsFirst = new boolean[groupCount];
    for (int g = 0; g < groupCount; g++) {
      positions[g] = g;
      ascending[g] = true;
      nullsFirst[g] = true;
    }
    this.keyOrder = new RowComparator(positions, ascending, nullsFirst);
    this.table = new AggregationTable(evaluators);
  }

  /** PARTIAL: adds the rows of {@code batch}. */
  void update(ColumnarBatch batch, List<Expression> keys, List<Expression> inputs) {
    table.update(batch, keys, inputs);
    checkMemory();
  }

  /** FINAL: merges the partial rows of {@code batch}. */
  void merge(ColumnarBatch batch) {
    table.merge(batch, groupCount);
    checkMemory();
  }

  private void checkMemory() {
    if (groupCount > 0 && !reserve(table.estimatedSize())) {
      spillHeld();
      releaseAll();
    }
  }

  /** Counts the runs of equal keys in the batches {@link #update} takes from now on. */
  void countRuns() {
    countRuns = true;
    table.countRuns();
  }

  /** The groups made so far, a group spilled and made again counting twice. */
  long groupsMade() {
    return spilledGroups + table.numGroups();
  }

  /** The runs of equal keys counted so far, each batch counted alone. */
  long keyRuns() {
    return spilledRuns + table.runs();
  }

  /** The number of runs spilled so far. */
  int numSpills() {
    return runs.size();
  }

  @Override
  protected boolean canSpillNow() {
    return !reading && groupCount > 0 && table.numGroups() > 0;
  }

  @Override
  protected void spillHeld() {
    runs.add(SpilledRows.write(taskSpill(), sortedRows(table).iterator(), table.estimatedSize()));
    spilledGroups += table.numGroups();
    spilledRuns += table.runs();
    table = new AggregationTable(evaluators);
    if (countRuns) {
      table.countRuns();
    }
  }

  private List<Object[]> sortedRows(AggregationTable groups) {
    List<Object[]> rows = new ArrayList<>(groups.numGroups());
    for (int g = 0; g < groups.numGroups(); g++) {
      rows.add(groups.partialRow(g));
    }
    rows.sort(keyOrder);
    return rows;
  }

  /**
   * Ends input and returns the output: {@code finish} applied to the one table when nothing spilled, else to
   * each small table of a chunk of merged keys in turn.
   */
  Iterator<ColumnarBatch> output(Function<AggregationTable, Iterator<ColumnarBatch>> finish) {
    reading = true;
    if (runs.isEmpty()) {
      return finish.apply(table);
    }
    List<Iterator<Object[]>> inputs = new ArrayList<>(runs.size() + 1);
    for (SpilledRows run : runs) {
      inputs.add(run.open());
    }
    inputs.add(sortedRows(table).iterator());
    table = null;
    SortedRunMerge merged = new SortedRunMerge(inputs, keyOrder);
    return new Iterator<>() {
      private Iterator<ColumnarBatch> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (!merged.hasNext()) {
            releaseAll();
            return false;
          }
          current = finish.apply(nextChunk(merged));
        }
        return true;
      }

      @Override
      public ColumnarBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** The groups of the next batch or so of merged rows, ending at a change of key so no group is split. */
  private AggregationTable nextChunk(SortedRunMerge merged) {
    List<Object[]> chunk = new ArrayList<>();
    Object[] last = null;
    while (merged.hasNext()) {
      if (chunk.size() >= ColumnarBatch.MAX_ROWS && keyOrder.compare(merged.peek(), last) != 0) {
        break;
      }
      last = merged.next();
      chunk.add(last);
    }
    AggregationTable groups = new AggregationTable(evaluators);
    Iterator<ColumnarBatch> batches = new RowBatches(chunk.iterator(), partialTypes);
    while (batches.hasNext()) {
      groups.merge(batches.next(), groupCount);
    }
    return groups;
  }
}
