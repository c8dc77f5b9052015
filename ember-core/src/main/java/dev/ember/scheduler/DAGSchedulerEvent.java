package dev.ember.scheduler;

import dev.ember.executor.TaskMetrics;
import dev.ember.rdd.RDD;
import dev.ember.util.AccumulatorV2;
import java.util.List;
import java.util.Properties;

/** The messages the DAG scheduler's event loop processes, one at a time, in order. */
sealed interface DAGSchedulerEvent {

  record JobSubmitted(int jobId, RDD<?> finalRdd, PartitionFunction<?, ?> function, int[] partitions,
      JobListener listener, Properties properties) implements DAGSchedulerEvent {}

  record JobCancelled(int jobId, String reason) implements DAGSchedulerEvent {}

  record JobGroupCancelled(String groupId) implements DAGSchedulerEvent {}

  record AllJobsCancelled() implements DAGSchedulerEvent {}

  record BeginEvent(Task<?> task, TaskInfo taskInfo) implements DAGSchedulerEvent {}

  record CompletionEvent(Task<?> task, TaskEndReason reason, Object result,
      List<AccumulatorV2<?, ?>> accumulatorUpdates, TaskMetrics metrics, TaskInfo taskInfo)
      implements DAGSchedulerEvent {}

  record TaskSetFailed(TaskSet taskSet, String reason, Throwable exception) implements DAGSchedulerEvent {}

  record ResubmitFailedStages() implements DAGSchedulerEvent {}

  record ExecutorLost(String executorId, String reason) implements DAGSchedulerEvent {}

  record Stop() implements DAGSchedulerEvent {}
}
