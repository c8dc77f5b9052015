package dev.ember.scheduler;

import dev.ember.EmberEnv;
import dev.ember.serializer.SerializationFailedException;
import dev.ember.serializer.SerializerInstance;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns task sets into task attempts on executor cores: takes offers of free cores from the backend, picks
 * tasks (earlier jobs and stages first, each task set from its closest locality level outwards), and routes
 * status updates to the task set managers and the DAG scheduler. When delay scheduling holds tasks back for
 * busy preferred executors, it asks the backend to offer again once the locality wait has run out, so a
 * declined offer never leaves a job waiting for an event that may not come.
 */
public final class TaskSchedulerImpl implements LiveExecutors {

  private static final Logger LOG = LoggerFactory.getLogger(TaskSchedulerImpl.class);

  private final EmberEnv env;
  private final int maxTaskFailures;
  private final int cpusPerTask;
  private final AtomicLong nextTaskId = new AtomicLong();
  private final List<TaskSetManager> activeTaskSets = new ArrayList<>();
  private final Map<Long, TaskSetManager> taskIdToManager = new HashMap<>();
  private final Map<String, String> executorIdToHost = new HashMap<>();
  private final Map<String, Set<String>> hostToExecutors = new HashMap<>();
  private final LocalityWaits localityWaits;
  private final LocalityRevival revival = new LocalityRevival(this::reviveOffersNow);
  private SchedulerBackend backend;
  private DAGScheduler dagScheduler;

  public TaskSchedulerImpl(EmberEnv env, int maxTaskFailures, int cpusPerTask) {
    this.env = env;
    this.maxTaskFailures = maxTaskFailures;
    this.cpusPerTask = cpusPerTask;
    this.localityWaits = LocalityWaits.fromConf(env.conf());
  }

  /** Wires the backend and the DAG scheduler; called once before use. */
  public void initialize(SchedulerBackend schedulerBackend, DAGScheduler dag) {
    this.backend = schedulerBackend;
    this.dagScheduler = dag;
  }

  public SchedulerBackend backend() {
    return backend;
  }

  public int cpusPerTask() {
    return cpusPerTask;
  }

  /** Accepts the tasks of a stage attempt, superseding any earlier attempt of the same stage. */
  public void submitTasks(TaskSet taskSet) {
    synchronized (this) {
      for (TaskSetManager existing : activeTaskSets) {
        if (existing.taskSet().stageId() == taskSet.stageId()) {
          existing.markZombie();
        }
      }
      activeTaskSets.add(new TaskSetManager(taskSet, maxTaskFailures, env.closureSerializer().newInstance(),
          localityWaits, this, System::currentTimeMillis));
      activeTaskSets.sort(Comparator.comparingInt((TaskSetManager m) -> m.taskSet().jobId())
          .thenComparingInt(m -> m.taskSet().stageId()));
    }
    backend.reviveOffers();
  }

  /**
   * Assigns tasks to the offered cores; the backend launches what is returned. Each task set is offered every
   * core at its closest locality level first, one task per executor per round so tasks spread, then at the
   * next level, as far as delay scheduling allows.
   */
  public List<TaskDescription> resourceOffers(List<WorkerOffer> offers) {
    List<TaskDescription> launched = new ArrayList<>();
    List<Runnable> afterLock = new ArrayList<>();
    long revivalDelayMs = -1;
    synchronized (this) {
      registerOfferedExecutors(offers);
      int[] free = new int[offers.size()];
      for (int i = 0; i < free.length; i++) {
        free[i] = offers.get(i).cores();
      }
      for (TaskSetManager manager : List.copyOf(activeTaskSets)) {
        for (TaskLocality level : manager.localityLevels()) {
          while (offerRound(manager, offers, free, level, launched, afterLock)) {
            // Keep offering at this level while it launches tasks.
          }
        }
      }
      activeTaskSets.removeIf(TaskSetManager::isFinished);
      if (hasFreeCores(free)) {
        revivalDelayMs = localityRevivalDelayMs();
      }
    }
    if (revivalDelayMs >= 0) {
      revival.reviveIn(revivalDelayMs);
    }
    afterLock.forEach(Runnable::run);
    return launched;
  }

  /** Offers each executor's free cores once to {@code manager} at {@code level}; whether any task launched. */
  private boolean offerRound(TaskSetManager manager, List<WorkerOffer> offers, int[] free, TaskLocality level,
      List<TaskDescription> launched, List<Runnable> afterLock) {
    boolean launchedAny = false;
    for (int i = 0; i < offers.size() && !manager.isZombie(); i++) {
      if (free[i] < cpusPerTask) {
        continue;
      }
      WorkerOffer offer = offers.get(i);
      long taskId = nextTaskId.getAndIncrement();
      TaskDescription description;
      try {
        description = manager.resourceOffer(offer.executorId(), offer.host(), level, taskId);
      } catch (SerializationFailedException e) {
        manager.markZombie();
        TaskSet failed = manager.taskSet();
        afterLock.add(() -> dagScheduler.taskSetFailed(failed, "Failed to serialize a task: " + e.getMessage(), e));
        return false;
      }
      if (description == null) {
        continue;
      }
      taskIdToManager.put(taskId, manager);
      launched.add(description);
      free[i] -= cpusPerTask;
      launchedAny = true;
      Task<?> task = manager.taskSet().tasks().get(description.index());
      TaskInfo info = manager.taskInfo(taskId);
      afterLock.add(() -> dagScheduler.taskStarted(task, info));
    }
    return launchedAny;
  }

  private boolean hasFreeCores(int[] free) {
    for (int cores : free) {
      if (cores >= cpusPerTask) {
        return true;
      }
    }
    return false;
  }

  /** The shortest time until a task set holding tasks back for locality may launch them farther; -1 if none. */
  private long localityRevivalDelayMs() {
    long now = System.currentTimeMillis();
    long delay = -1;
    for (TaskSetManager manager : activeTaskSets) {
      long remaining = manager.localityDelayRemainingMs(now);
      if (remaining >= 0 && (delay < 0 || remaining < delay)) {
        delay = remaining;
      }
    }
    return delay;
  }

  /** Learns the executors behind the offers; a new one may make closer locality levels valid. */
  private void registerOfferedExecutors(List<WorkerOffer> offers) {
    boolean added = false;
    for (WorkerOffer offer : offers) {
      if (!offer.host().equals(executorIdToHost.get(offer.executorId()))) {
        executorIdToHost.put(offer.executorId(), offer.host());
        hostToExecutors.computeIfAbsent(offer.host(), h -> new HashSet<>()).add(offer.executorId());
        added = true;
      }
    }
    if (added) {
      activeTaskSets.forEach(TaskSetManager::recomputeLocality);
    }
  }

  private void forgetExecutor(String executorId) {
    String host = executorIdToHost.remove(executorId);
    if (host == null) {
      return;
    }
    Set<String> onHost = hostToExecutors.get(host);
    if (onHost != null) {
      onHost.remove(executorId);
      if (onHost.isEmpty()) {
        hostToExecutors.remove(host);
      }
    }
    activeTaskSets.forEach(TaskSetManager::recomputeLocality);
  }

  @Override
  public synchronized boolean isExecutorAlive(String executorId) {
    return executorIdToHost.containsKey(executorId);
  }

  @Override
  public synchronized boolean hasExecutorsAliveOnHost(String host) {
    return hostToExecutors.containsKey(host);
  }

  private void reviveOffersNow() {
    SchedulerBackend current = backend;
    if (current != null) {
      current.reviveOffers();
    }
  }

  /** Stops the timer that re-offers cores to tasks held back by delay scheduling. */
  public void stop() {
    revival.stop();
  }

  /** Handles a state change of task {@code taskId} reported by an executor. */
  public void statusUpdate(long taskId, TaskState state, ByteBuffer data) {
    if (!state.isFinished()) {
      return;
    }
    TaskSetManager manager;
    synchronized (this) {
      manager = taskIdToManager.remove(taskId);
    }
    if (manager == null) {
      LOG.debug("Ignoring an update for unknown task {} ({})", taskId, state);
      return;
    }
    SerializerInstance closures = env.closureSerializer().newInstance();
    if (state == TaskState.FINISHED) {
      DirectTaskResult result = closures.deserialize(data);
      Task<?> task;
      TaskInfo info;
      boolean first;
      synchronized (this) {
        first = manager.handleSuccessfulTask(taskId);
        info = manager.taskInfo(taskId);
        task = manager.taskSet().tasks().get(info.index());
        activeTaskSets.removeIf(TaskSetManager::isFinished);
      }
      Object value;
      try {
        value = env.serializer().newInstance().deserialize(ByteBuffer.wrap(result.valueBytes()));
      } catch (RuntimeException e) {
        dagScheduler.taskSetFailed(manager.taskSet(),
            "Could not deserialize the result of TID " + taskId + ": " + e, e);
        return;
      }
      if (first) {
        dagScheduler.taskEnded(task, new TaskEndReason.Success(), value, result.accumulatorUpdates(),
            result.metrics(), info);
      }
    } else {
      TaskFailure failure = state == TaskState.LOST && data.remaining() == 0
          ? new TaskFailure(new TaskEndReason.ExecutorLostFailure("unknown", true, "lost"), null)
          : closures.deserialize(data);
      taskFailed(manager, taskId, state, failure);
    }
    backend.reviveOffers();
  }

  private void taskFailed(TaskSetManager manager, long taskId, TaskState state, TaskFailure failure) {
    TaskEndReason reason = failure.reason();
    String abortMessage;
    Task<?> task;
    TaskInfo info;
    synchronized (this) {
      abortMessage = manager.handleFailedTask(taskId, state, reason);
      info = manager.taskInfo(taskId);
      task = manager.taskSet().tasks().get(info.index());
      activeTaskSets.removeIf(TaskSetManager::isFinished);
    }
    dagScheduler.taskEnded(task, reason, null, List.of(), failure.metrics(), info);
    if (abortMessage != null) {
      Throwable cause = reason instanceof TaskEndReason.ExceptionFailure thrown ? thrown.exception() : null;
      dagScheduler.taskSetFailed(manager.taskSet(), abortMessage, cause);
    }
  }

  /**
   * Handles the loss of executor {@code executorId} (its process died or stopped answering): its running
   * tasks fail with an {@link TaskEndReason.ExecutorLostFailure} and are offered again elsewhere, and the DAG
   * scheduler forgets the shuffle outputs it held so they are recomputed from lineage.
   */
  public void executorLost(String executorId, String reason) {
    Map<Long, TaskSetManager> lost = new HashMap<>();
    synchronized (this) {
      for (Map.Entry<Long, TaskSetManager> entry : taskIdToManager.entrySet()) {
        TaskInfo info = entry.getValue().taskInfo(entry.getKey());
        if (info != null && executorId.equals(info.executorId())) {
          lost.put(entry.getKey(), entry.getValue());
        }
      }
      taskIdToManager.keySet().removeAll(lost.keySet());
      forgetExecutor(executorId);
    }
    LOG.warn("Lost executor {} ({}); {} running tasks will be retried", executorId, reason, lost.size());
    dagScheduler.executorLost(executorId, reason);
    TaskFailure failure = new TaskFailure(new TaskEndReason.ExecutorLostFailure(executorId, true, reason), null);
    lost.forEach((taskId, manager) -> taskFailed(manager, taskId, TaskState.LOST, failure));
    backend.reviveOffers();
  }

  /** Stops the running tasks of stage {@code stageId} and launches no more of them. */
  public void cancelTasks(int stageId, boolean interruptThread, String reason) {
    List<Long> toKill = new ArrayList<>();
    Map<Long, String> executors = new HashMap<>();
    synchronized (this) {
      for (TaskSetManager manager : activeTaskSets) {
        if (manager.taskSet().stageId() != stageId) {
          continue;
        }
        manager.markZombie();
        for (TaskInfo info : manager.taskInfos().values()) {
          if (info.finishTime() == 0) {
            toKill.add(info.taskId());
            executors.put(info.taskId(), info.executorId());
          }
        }
      }
    }
    for (long taskId : toKill) {
      backend.killTask(taskId, executors.get(taskId), interruptThread, reason);
    }
  }

  /** Whether any task set is still active. */
  public synchronized boolean hasActiveTaskSets() {
    return !activeTaskSets.isEmpty();
  }
}
