package dev.ember.sql.execution;

import dev.ember.EmberContext;

/**
 * What operators need from the session while they build RDDs on the driver.
 *
 * @param emberContext the core context that runs the jobs
 * @param shufflePartitions the number of partitions of hash exchanges ({@code spark.sql.shuffle.partitions})
 * @param broadcasts the broadcast build sides collected ahead for this execution
 */
public record ExecutionContext(EmberContext emberContext, int shufflePartitions, BroadcastBuilds broadcasts) {

  /** A context collecting each broadcast build side when its join asks for it. */
  public ExecutionContext(EmberContext emberContext, int shufflePartitions) {
    this(emberContext, shufflePartitions, new BroadcastBuilds());
  }
}
