package dev.ember.scheduler;

import dev.ember.executor.TaskMetrics;
import java.io.Serializable;

/**
 * What an executor sends back for a task attempt that did not succeed: why, and the metrics it collected
 * until it stopped ({@code null} when the task never started).
 */
public record TaskFailure(TaskEndReason reason, TaskMetrics metrics) implements Serializable {}
