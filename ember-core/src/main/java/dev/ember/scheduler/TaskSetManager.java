package dev.ember.scheduler;

import dev.ember.serializer.SerializationDebugger;
import dev.ember.serializer.SerializationFailedException;
import dev.ember.serializer.SerializerInstance;
import java.io.NotSerializableException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Schedules the tasks of one task set: hands out pending tasks for free cores, retries a task that fails up
 * to {@code spark.task.maxFailures} attempts, and aborts the task set when a task has failed that often.
 * Called with the task scheduler's lock held.
 */
final class TaskSetManager {

  private final TaskSet taskSet;
  private final int maxTaskFailures;
  private final SerializerInstance closureSerializer;
  private final Deque<Integer> pending = new ArrayDeque<>();
  private final int[] attempts;
  private final int[] failures;
  private final boolean[] successful;
  private final int[] copiesRunning;
  private final Map<Long, TaskInfo> taskInfos = new HashMap<>();
  private int tasksSuccessful;
  private boolean zombie;
  private int runningTasks;

  TaskSetManager(TaskSet taskSet, int maxTaskFailures, SerializerInstance closureSerializer) {
    this.taskSet = taskSet;
    this.maxTaskFailures = maxTaskFailures;
    this.closureSerializer = closureSerializer;
    int n = taskSet.tasks().size();
    attempts = new int[n];
    failures = new int[n];
    successful = new boolean[n];
    copiesRunning = new int[n];
    for (int i = 0; i < n; i++) {
      pending.add(i);
    }
  }

  TaskSet taskSet() {
    return taskSet;
  }

  /** Whether this manager will launch no more tasks (finished, aborted or superseded). */
  boolean isZombie() {
    return zombie;
  }

  void markZombie() {
    zombie = true;
  }

  /** Whether every task has finished and none is running. */
  boolean isFinished() {
    return (zombie || tasksSuccessful == taskSet.tasks().size()) && runningTasks == 0;
  }

  int runningTasks() {
    return runningTasks;
  }

  Map<Long, TaskInfo> taskInfos() {
    return taskInfos;
  }

  /**
   * The next task to run on {@code executorId}, or {@code null} if none is pending.
   *
   * @throws dev.ember.serializer.SerializationFailedException if the task cannot be serialized
   */
  TaskDescription resourceOffer(String executorId, String host, long taskId) {
    if (zombie) {
      return null;
    }
    Integer index;
    do {
      index = pending.poll();
    } while (index != null && (successful[index] || copiesRunning[index] > 0));
    if (index == null) {
      return null;
    }
    Task<?> task = taskSet.tasks().get(index);
    int attempt = attempts[index]++;
    ByteBuffer serialized;
    try {
      serialized = closureSerializer.serialize(task);
    } catch (SerializationFailedException e) {
      NotSerializableException cause = SerializationDebugger.notSerializableCause(e);
      throw cause == null ? e : new SerializationFailedException(SerializationDebugger.describe(task, cause), e);
    }
    byte[] bytes = new byte[serialized.remaining()];
    serialized.get(bytes);
    copiesRunning[index]++;
    runningTasks++;
    taskInfos.put(taskId, new TaskInfo(taskId, index, attempt, task.partitionId(), System.currentTimeMillis(),
        executorId, host, 0, false, false));
    String name = "task " + index + "." + attempt + " in " + taskSet.id();
    return new TaskDescription(taskId, attempt, executorId, name, index, bytes);
  }

  /** Records a success; returns whether it was the first for that task (later copies are ignored). */
  boolean handleSuccessfulTask(long taskId) {
    TaskInfo info = finish(taskId, false, false);
    if (successful[info.index()]) {
      return false;
    }
    successful[info.index()] = true;
    tasksSuccessful++;
    if (tasksSuccessful == taskSet.tasks().size()) {
      zombie = true;
    }
    return true;
  }

  /**
   * Records a failure and decides what follows: a retry, or (after too many failures) an abort message.
   *
   * @return the reason to abort the task set, or {@code null} if the task will be retried or needs nothing
   */
  String handleFailedTask(long taskId, TaskState state, TaskEndReason reason) {
    TaskInfo info = finish(taskId, state != TaskState.KILLED, state == TaskState.KILLED);
    int index = info.index();
    if (successful[index]) {
      return null;
    }
    if (reason instanceof TaskEndReason.FetchFailed) {
      // The stage will be resubmitted once its missing map outputs are recomputed; this attempt is over.
      successful[index] = true;
      tasksSuccessful++;
      zombie = true;
      return null;
    }
    if (reason.countTowardsTaskFailures()) {
      failures[index]++;
      if (failures[index] >= maxTaskFailures) {
        zombie = true;
        return "Task " + index + " in " + taskSet.id() + " failed " + maxTaskFailures + " times, most recent "
            + "failure: Lost task " + index + "." + info.attemptNumber() + " in " + taskSet.id() + " (TID "
            + taskId + ") (executor " + info.executorId() + "): " + firstLine(reason.toErrorString());
      }
    }
    if (!zombie) {
      pending.addFirst(index);
    }
    return null;
  }

  /** The task attempt with id {@code taskId}. */
  TaskInfo taskInfo(long taskId) {
    return taskInfos.get(taskId);
  }

  private TaskInfo finish(long taskId, boolean failed, boolean killed) {
    TaskInfo info = taskInfos.get(taskId);
    TaskInfo done = info.finished(failed, killed);
    taskInfos.put(taskId, done);
    copiesRunning[info.index()]--;
    runningTasks--;
    return done;
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
