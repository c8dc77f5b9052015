package dev.ember.scheduler;

import dev.ember.executor.TaskMetrics;
import java.util.List;

/**
 * A stage attempt as listeners see it.
 *
 * @param name the call site or description of the stage's RDD
 * @param submissionTime 0 until submitted
 * @param completionTime 0 until completed
 * @param failureReason {@code null} unless the attempt failed
 * @param taskMetrics the sum of the metrics of the attempt's successful tasks (a snapshot)
 */
public record StageInfo(int stageId, int attemptNumber, String name, int numTasks, List<Integer> parentIds,
    long submissionTime, long completionTime, String failureReason, TaskMetrics taskMetrics) {}
