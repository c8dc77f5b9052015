package dev.ember.sql.execution;

import dev.ember.EmberContext;

/**
 * What operators need from the session while they build RDDs on the driver.
 *
 * @param emberContext the core context that runs the jobs
 * @param shufflePartitions the number of partitions of hash exchanges ({@code spark.sql.shuffle.partitions})
 */
public record ExecutionContext(EmberContext emberContext, int shufflePartitions) {
}
