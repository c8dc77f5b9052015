package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.expressions.CommonSubexpressions;
import dev.ember.sql.execution.spill.TaskSpill;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataType;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PARTIAL phase of one task: its rows hashed into a {@link SpillableAggregation}, unless the
 * {@link PartialAggregationSkip} settings find, after the first rows, that hashing does not pay. Then the
 * groups hashed so far are written out, and every later batch passes to the exchange as partial rows, one per
 * run of consecutive rows with equal keys, a few batches gathered into one output batch.
 */
final class PartialAggregation implements Iterator<ColumnarBatch> {

  private static final Logger LOG = LoggerFactory.getLogger(PartialAggregation.class);

  private final Iterator<ColumnarBatch> input;
  private final List<AggregateEvaluator> evaluators;
  private final List<DataType> outputTypes;
  private final CommonSubexpressions shared;
  private final List<Expression> keys;
  private final List<Expression> inputs;
  private Iterator<ColumnarBatch> pending = Collections.emptyIterator();
  private boolean skipping;
  private boolean done;

  /**
   * The partial aggregation of {@code input}.
   *
   * @param keys the grouping keys, over {@code shared}'s extension of each input batch
   * @param inputs the functions' inputs, likewise
   */
  PartialAggregation(Iterator<ColumnarBatch> input, TaskSpill spill, List<AggregateEvaluator> evaluators,
      int keyCount, List<DataType> outputTypes, CommonSubexpressions shared, List<Expression> keys,
      List<Expression> inputs, PartialAggregationSkip skip) {
    this.input = input;
    this.evaluators = evaluators;
    this.outputTypes = List.copyOf(outputTypes);
    this.shared = shared;
    this.keys = keys;
    this.inputs = inputs;
    SpillableAggregation table = new SpillableAggregation(spill, evaluators, keyCount, outputTypes);
    boolean decide = keyCount > 0 && skip.enabled();
    if (decide) {
      table.countRuns();
    }
    long rows = 0;
    while (input.hasNext() && (!decide || skip.sampling(rows))) {
      ColumnarBatch batch = input.next();
      rows += batch.numRows();
      table.update(shared.extend(batch), keys, inputs);
    }
    if (decide && input.hasNext() && skip.skip(rows, table.groupsMade(), table.keyRuns())) {
      LOG.debug("Partial aggregation stops hashing after {} rows in {} groups ({} runs of equal keys)", rows,
          table.groupsMade(), table.keyRuns());
      skipping = true;
    } else {
      while (input.hasNext()) {
        table.update(shared.extend(input.next()), keys, inputs);
      }
      done = true;
    }
    pending = table.output(groups -> groups.partialOutput(this.outputTypes));
  }

  /** Whether this task stopped hashing its rows (for tests). */
  boolean skipping() {
    return skipping;
  }

  @Override
  public boolean hasNext() {
    while (!pending.hasNext()) {
      if (done) {
        return false;
      }
      pending = nextRuns();
    }
    return true;
  }

  /** The partial rows of the next input batches, one per run of equal keys, once they fill half a batch. */
  private Iterator<ColumnarBatch> nextRuns() {
    AggregationTable runs = new AggregationTable(evaluators);
    while (runs.numGroups() < ColumnarBatch.MAX_ROWS / 2 && input.hasNext()) {
      runs.updateRuns(shared.extend(input.next()), keys, inputs);
    }
    done = !input.hasNext();
    return runs.partialOutput(outputTypes);
  }

  @Override
  public ColumnarBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return pending.next();
  }
}
