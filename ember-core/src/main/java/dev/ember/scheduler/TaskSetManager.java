package dev.ember.scheduler;

import dev.ember.serializer.SerializationDebugger;
import dev.ember.serializer.SerializationFailedException;
import dev.ember.serializer.SerializerInstance;
import java.io.NotSerializableException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Schedules the tasks of one task set: hands out pending tasks for free cores, retries a task that fails up
 * to {@code spark.task.maxFailures} attempts, and aborts the task set when a task has failed that often.
 * Called with the task scheduler's lock held.
 *
 * <p>Tasks go where their data is, with Spark's delay scheduling: the manager starts at the closest
 * {@link TaskLocality} its pending tasks can have on live executors and moves to the next level only once no
 * task was launched at the current one for that level's wait ({@link LocalityWaits}). Launching a task at a
 * level resets the wait. Tasks that prefer nowhere are launched without waiting.
 */
final class TaskSetManager {

  private final TaskSet taskSet;
  private final int maxTaskFailures;
  private final SerializerInstance closureSerializer;
  private final LocalityWaits localityWaits;
  private final LiveExecutors liveExecutors;
  private final LongSupplier clock;
  private final PendingTasks pending = new PendingTasks();
  private final int[] attempts;
  private final int[] failures;
  private final boolean[] successful;
  private final int[] copiesRunning;
  private final Map<Long, TaskInfo> taskInfos = new HashMap<>();
  private int tasksSuccessful;
  private boolean zombie;
  private int runningTasks;
  private List<TaskLocality> localityLevels;
  private int currentLocalityIndex;
  private long lastLocalityWaitResetTime;

  TaskSetManager(TaskSet taskSet, int maxTaskFailures, SerializerInstance closureSerializer,
      LocalityWaits localityWaits, LiveExecutors liveExecutors, LongSupplier clock) {
    this.taskSet = taskSet;
    this.maxTaskFailures = maxTaskFailures;
    this.closureSerializer = closureSerializer;
    this.localityWaits = localityWaits;
    this.liveExecutors = liveExecutors;
    this.clock = clock;
    int n = taskSet.tasks().size();
    attempts = new int[n];
    failures = new int[n];
    successful = new boolean[n];
    copiesRunning = new int[n];
    for (int i = 0; i < n; i++) {
      pending.add(i, taskSet.preferredLocations(i), false);
    }
    localityLevels = computeValidLocalityLevels();
    lastLocalityWaitResetTime = clock.getAsLong();
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
   * The next task to run on {@code executorId} at a locality no farther than {@code maxLocality} (and than
   * delay scheduling allows now), or {@code null} if none may run there now.
   *
   * @throws dev.ember.serializer.SerializationFailedException if the task cannot be serialized
   */
  TaskDescription resourceOffer(String executorId, String host, TaskLocality maxLocality, long taskId) {
    if (zombie) {
      return null;
    }
    long now = clock.getAsLong();
    TaskLocality allowed = maxLocality;
    if (maxLocality != TaskLocality.NO_PREF) {
      TaskLocality delayed = allowedLocalityLevel(now);
      if (delayed.compareTo(allowed) < 0) {
        allowed = delayed;
      }
    }
    int[] found = dequeueTask(executorId, host, allowed);
    if (found == null) {
      return null;
    }
    int index = found[0];
    TaskLocality locality = TaskLocality.values()[found[1]];
    if (maxLocality != TaskLocality.NO_PREF) {
      currentLocalityIndex = localityIndex(locality);
      lastLocalityWaitResetTime = now;
    }
    return launch(index, executorId, host, locality, taskId);
  }

  private TaskDescription launch(int index, String executorId, String host, TaskLocality locality, long taskId) {
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
        executorId, host, 0, false, false, locality));
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
      pending.add(index, taskSet.preferredLocations(index), true);
    }
    return null;
  }

  /** The task attempt with id {@code taskId}. */
  TaskInfo taskInfo(long taskId) {
    return taskInfos.get(taskId);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Locality

  /** The locality levels this task set schedules at, closest first; always ends with {@code ANY}. */
  List<TaskLocality> localityLevels() {
    return localityLevels;
  }

  /**
   * Recomputes the valid levels after an executor was added or lost. The current level stays, unless the
   * change made a closer level valid (a task set submitted before the executor holding its data registered):
   * then the manager moves to the closest new level, as Spark does since SPARK-31837.
   */
  void recomputeLocality() {
    if (zombie) {
      return;
    }
    int previousIndex = currentLocalityIndex;
    List<TaskLocality> previousLevels = localityLevels;
    localityLevels = computeValidLocalityLevels();
    currentLocalityIndex = localityIndex(previousLevels.get(previousIndex));
    if (currentLocalityIndex > previousIndex) {
      for (TaskLocality level : localityLevels) {
        if (!previousLevels.contains(level)) {
          currentLocalityIndex = localityIndex(level);
          break;
        }
      }
    }
  }

  /**
   * The farthest level a task may be launched at {@code now}: the current level, moved on past levels with
   * nothing left to launch and past levels whose wait has run out since the last launch at them.
   */
  TaskLocality allowedLocalityLevel(long now) {
    while (currentLocalityIndex < localityLevels.size() - 1) {
      TaskLocality level = localityLevels.get(currentLocalityIndex);
      boolean moreTasks = switch (level) {
        case PROCESS_LOCAL -> moreTasksToRunIn(pending.forExecutor, true);
        case NODE_LOCAL -> moreTasksToRunIn(pending.forHost, false);
        case NO_PREF -> hasRunnable(pending.noPrefs);
        case ANY -> true;
      };
      long wait = localityWaits.waitMs(level);
      if (!moreTasks) {
        lastLocalityWaitResetTime = now;
        currentLocalityIndex++;
      } else if (now - lastLocalityWaitResetTime >= wait) {
        // Count the next level's wait from when this one ran out, not from now, as Spark does.
        lastLocalityWaitResetTime += wait;
        currentLocalityIndex++;
      } else {
        return level;
      }
    }
    return localityLevels.get(currentLocalityIndex);
  }

  /**
   * How long until delay scheduling allows the next locality level, if tasks are being held back for a
   * closer one; {@code -1} when nothing is held back (every pending task may run anywhere, or none is left).
   */
  long localityDelayRemainingMs(long now) {
    if (zombie || currentLocalityIndex >= localityLevels.size() - 1 || !hasRunnable(pending.all)) {
      return -1;
    }
    long wait = localityWaits.waitMs(localityLevels.get(currentLocalityIndex));
    return Math.max(1, wait - (now - lastLocalityWaitResetTime));
  }

  /** A pending task for this executor and host at a level no farther than {@code allowed}: {index, level}. */
  private int[] dequeueTask(String executorId, String host, TaskLocality allowed) {
    Integer index = dequeueFrom(pending.forExecutor.get(executorId));
    if (index != null) {
      return new int[] {index, TaskLocality.PROCESS_LOCAL.ordinal()};
    }
    if (TaskLocality.NODE_LOCAL.isAllowed(allowed)) {
      index = dequeueFrom(pending.forHost.get(host));
      if (index != null) {
        return new int[] {index, TaskLocality.NODE_LOCAL.ordinal()};
      }
    }
    if (TaskLocality.NO_PREF.isAllowed(allowed)) {
      // Spark reports tasks that prefer nowhere as process-local: they lose nothing wherever they run.
      index = dequeueFrom(pending.noPrefs);
      if (index != null) {
        return new int[] {index, TaskLocality.PROCESS_LOCAL.ordinal()};
      }
    }
    if (TaskLocality.ANY.isAllowed(allowed)) {
      index = dequeueFrom(pending.all);
      if (index != null) {
        return new int[] {index, TaskLocality.ANY.ordinal()};
      }
    }
    return null;
  }

  private Integer dequeueFrom(ArrayDeque<Integer> queue) {
    if (queue == null) {
      return null;
    }
    Integer index;
    do {
      index = queue.pollFirst();
    } while (index != null && !isRunnable(index));
    return index;
  }

  private boolean isRunnable(int index) {
    return !successful[index] && copiesRunning[index] == 0;
  }

  /** Whether {@code queue} still holds a task to launch; drops the entries of tasks launched meanwhile. */
  private boolean hasRunnable(ArrayDeque<Integer> queue) {
    while (!queue.isEmpty()) {
      if (isRunnable(queue.peekFirst())) {
        return true;
      }
      queue.pollFirst();
    }
    return false;
  }

  /** Whether a live executor (or host) has a task waiting for it; forgets locations with nothing left. */
  private boolean moreTasksToRunIn(Map<String, ArrayDeque<Integer>> byLocation, boolean executors) {
    boolean more = false;
    for (String location : PendingTasks.keys(byLocation)) {
      if (!hasRunnable(byLocation.get(location))) {
        byLocation.remove(location);
      } else if (executors ? liveExecutors.isExecutorAlive(location)
          : liveExecutors.hasExecutorsAliveOnHost(location)) {
        more = true;
      }
    }
    return more;
  }

  private List<TaskLocality> computeValidLocalityLevels() {
    List<TaskLocality> levels = new ArrayList<>(4);
    if (pending.forExecutor.keySet().stream().anyMatch(liveExecutors::isExecutorAlive)) {
      levels.add(TaskLocality.PROCESS_LOCAL);
    }
    if (pending.forHost.keySet().stream().anyMatch(liveExecutors::hasExecutorsAliveOnHost)) {
      levels.add(TaskLocality.NODE_LOCAL);
    }
    if (!pending.noPrefs.isEmpty()) {
      levels.add(TaskLocality.NO_PREF);
    }
    levels.add(TaskLocality.ANY);
    return List.copyOf(levels);
  }

  /** The index of the closest valid level at least as far as {@code locality}. */
  private int localityIndex(TaskLocality locality) {
    int index = 0;
    while (index < localityLevels.size() - 1 && locality.compareTo(localityLevels.get(index)) > 0) {
      index++;
    }
    return index;
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
