package dev.ember.scheduler;

/**
 * Handles the end of a task attempt on the DAG scheduler's event loop: records results and map outputs,
 * merges accumulator updates of successful tasks, finishes stages and jobs, and routes fetch failures.
 */
final class TaskCompletionHandler {

  private final DAGScheduler scheduler;

  TaskCompletionHandler(DAGScheduler scheduler) {
    this.scheduler = scheduler;
  }

  void handle(DAGSchedulerEvent.CompletionEvent event) {
    Task<?> task = event.task();
    String taskType = task instanceof ResultTask ? "ResultTask" : "ShuffleMapTask";
    scheduler.listenerBus().post(new EmberListenerEvent.TaskEnd(task.stageId(), task.stageAttemptId(), taskType,
        event.reason(), event.taskInfo(), event.metrics()));
    Stage stage = scheduler.stage(task.stageId());
    if (stage == null) {
      return;
    }
    // Stage totals count successful attempts only, so a retried task's input is not counted twice.
    if (event.metrics() != null && task.stageAttemptId() == stage.latestAttemptId
        && event.reason() instanceof TaskEndReason.Success) {
      stage.attemptMetrics.merge(event.metrics());
    }
    if (event.reason() instanceof TaskEndReason.Success) {
      if (task instanceof ResultTask<?, ?> resultTask) {
        resultTaskSucceeded((ResultStage) stage, resultTask, event);
      } else {
        mapTaskSucceeded((ShuffleMapStage) stage, task, event);
      }
    } else if (event.reason() instanceof TaskEndReason.FetchFailed failure) {
      scheduler.handleFetchFailure(stage, task, failure);
    }
  }

  private void resultTaskSucceeded(ResultStage stage, ResultTask<?, ?> task, DAGSchedulerEvent.CompletionEvent event) {
    ActiveJob job = stage.activeJob;
    if (job == null || job.finished[task.outputId()]) {
      return;
    }
    DAGScheduler.mergeAccumulators(event.accumulatorUpdates());
    job.finished[task.outputId()] = true;
    job.numFinished++;
    stage.pendingPartitions.remove(task.partitionId());
    // Post the stage and job end before the waiter hears of the last result, as Spark does: once an action
    // returns, listeners (the status tracker among them) will see its job end without racing it.
    if (job.numFinished == job.finished.length) {
      scheduler.markStageAsFinished(stage, null);
      scheduler.finishJob(job);
    }
    job.listener.taskSucceeded(task.outputId(), event.result());
  }

  private void mapTaskSucceeded(ShuffleMapStage stage, Task<?> task, DAGSchedulerEvent.CompletionEvent event) {
    MapStatus status = (MapStatus) event.result();
    boolean firstForPartition = stage.pendingPartitions.remove(task.partitionId());
    if (firstForPartition) {
      DAGScheduler.mergeAccumulators(event.accumulatorUpdates());
    }
    scheduler.mapOutputTracker().registerMapOutput(stage.shuffleDependency.shuffleId(), task.partitionId(), status);
    if (scheduler.isRunning(stage) && stage.pendingPartitions.isEmpty()) {
      scheduler.markStageAsFinished(stage, null);
      if (!stage.isAvailable()) {
        scheduler.submitStage(stage);
      } else {
        scheduler.submitWaitingChildStages(stage);
      }
    }
  }
}
