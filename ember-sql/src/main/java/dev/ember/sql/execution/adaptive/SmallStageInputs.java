package dev.ember.sql.execution.adaptive;

import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.exchange.RoundRobinExchangeExec;
import dev.ember.sql.execution.exchange.ShuffleExchangeExec;

/**
 * Whether a stage ran over nothing but small shuffles, each read as one partition (Spark's AQE then sees the
 * stage's output as {@code SinglePartition}). Only then may the exchange above the stage be skipped: a stage
 * over a scan, or over a shuffle read with several tasks, may be big however many partitions it has.
 */
final class SmallStageInputs {

  private SmallStageInputs() {}

  /**
   * Whether every input of the stage rooted at {@code root} is an adaptive read that {@code context}'s run read
   * as one partition; false for a stage with no such input, or any other (a scan, an uncoalesced exchange).
   */
  static boolean readAsOnePartition(PhysicalPlan root, ExecutionContext context) {
    if (root instanceof AQEShuffleReadExec read) {
      return read.group().readOnePartition(context);
    }
    if (root instanceof ShuffleExchangeExec || root instanceof RoundRobinExchangeExec
        || root instanceof ShuffleQueryStageExec
        || root instanceof AdaptiveSinglePartitionExchangeExec || root.children().isEmpty()) {
      return false;
    }
    for (PhysicalPlan child : root.children()) {
      if (!readAsOnePartition(child, context)) {
        return false;
      }
    }
    return true;
  }
}
