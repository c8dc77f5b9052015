package dev.ember.sql.execution.window;

import java.io.Serializable;

/**
 * Computes one window expression for every row of a partition. Evaluators travel to tasks, so they hold
 * only positions, constants and frames.
 */
public interface WindowEvaluator extends Serializable {

  /** Writes the value for row {@code partition.start() + i} into {@code results[i]}. */
  void evaluate(WindowPartition partition, Object[] results);
}
