package dev.ember.scheduler;

import dev.ember.executor.TaskMetrics;
import dev.ember.util.AccumulatorV2;
import java.io.Serializable;
import java.util.List;

/**
 * What an executor sends back for a finished task: the serialized result value, the task's accumulator
 * updates and its metrics.
 */
public record DirectTaskResult(byte[] valueBytes, List<AccumulatorV2<?, ?>> accumulatorUpdates,
    TaskMetrics metrics) implements Serializable {}
