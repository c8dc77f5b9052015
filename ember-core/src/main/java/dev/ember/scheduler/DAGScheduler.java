package dev.ember.scheduler;

import dev.ember.Dependency;
import dev.ember.EmberEnv;
import dev.ember.EmberException;
import dev.ember.ShuffleDependency;
import dev.ember.Tuple2;
import dev.ember.rdd.RDD;
import dev.ember.serializer.SerializationDebugger;
import dev.ember.shuffle.MapOutputTracker;
import dev.ember.util.AccumulatorContext;
import dev.ember.util.AccumulatorV2;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a job into stages and runs them in dependency order. It splits the RDD graph at shuffle
 * dependencies, submits a stage once all its parent stages' outputs exist (reusing outputs computed by earlier
 * jobs), and when a reduce task cannot fetch a map output it forgets that output and reruns exactly the map
 * tasks needed. All state is owned by one event-loop thread.
 */
public final class DAGScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(DAGScheduler.class);
  private static final long RESUBMIT_DELAY_MS = 100;

  private final TaskSchedulerImpl taskScheduler;
  private final MapOutputTracker mapOutputTracker;
  private final LiveListenerBus listenerBus;
  private final EmberEnv env;
  private final int maxConsecutiveStageAttempts;
  private final AtomicInteger nextJobId = new AtomicInteger();
  private final AtomicInteger nextStageId = new AtomicInteger();
  private final LinkedBlockingQueue<DAGSchedulerEvent> events = new LinkedBlockingQueue<>();
  private final Thread eventThread;

  private final Map<Integer, Stage> stageIdToStage = new HashMap<>();
  private final Map<Integer, ShuffleMapStage> shuffleIdToMapStage = new HashMap<>();
  private final Map<Integer, ActiveJob> jobIdToActiveJob = new HashMap<>();
  private final Map<Integer, Set<Integer>> jobIdToStageIds = new HashMap<>();
  private final Set<Stage> waitingStages = new LinkedHashSet<>();
  private final Set<Stage> runningStages = new LinkedHashSet<>();
  private final Set<Stage> failedStages = new LinkedHashSet<>();
  private final Map<Integer, Long> jobStartTimes = new HashMap<>();
  private final PreferredLocations preferredLocations;

  public DAGScheduler(TaskSchedulerImpl taskScheduler, MapOutputTracker mapOutputTracker,
      LiveListenerBus listenerBus, EmberEnv env, int maxConsecutiveStageAttempts) {
    this.taskScheduler = taskScheduler;
    this.mapOutputTracker = mapOutputTracker;
    this.listenerBus = listenerBus;
    this.env = env;
    this.maxConsecutiveStageAttempts = maxConsecutiveStageAttempts;
    this.preferredLocations = new PreferredLocations(env.blockManagerMaster());
    this.eventThread = new Thread(this::eventLoop, "dag-scheduler-event-loop");
    eventThread.setDaemon(true);
    eventThread.start();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Called from other threads

  /** Submits a job and returns at once; {@code handler} receives each partition's result. */
  public <T, U> JobWaiter<U> submitJob(RDD<T> rdd, PartitionFunction<T, U> function, int[] partitions,
      JobWaiter.ResultHandler<U> handler, Properties properties) {
    int numPartitions = rdd.getNumPartitions();
    for (int p : partitions) {
      if (p < 0 || p >= numPartitions) {
        throw new IllegalArgumentException("Attempting to access a non-existent partition: " + p
            + ". Total number of partitions: " + numPartitions);
      }
    }
    int jobId = nextJobId.getAndIncrement();
    JobWaiter<U> waiter = new JobWaiter<>(this, jobId, partitions.length, handler);
    if (partitions.length == 0) {
      return waiter;
    }
    events.add(new DAGSchedulerEvent.JobSubmitted(jobId, rdd, function, partitions, waiter, properties));
    return waiter;
  }

  /** Runs a job and waits for it; rethrows its failure. */
  public <T, U> void runJob(RDD<T> rdd, PartitionFunction<T, U> function, int[] partitions,
      JobWaiter.ResultHandler<U> handler, Properties properties) {
    JobWaiter<U> waiter = submitJob(rdd, function, partitions, handler, properties);
    try {
      waiter.completion().get();
    } catch (InterruptedException e) {
      waiter.cancel("the thread waiting for it was interrupted");
      Thread.currentThread().interrupt();
      throw new EmberException("JOB_CANCELLED", "Job " + waiter.jobId() + " was cancelled because the thread "
          + "waiting for it was interrupted.", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new EmberException("JOB_FAILED", "Job " + waiter.jobId() + " failed: " + cause, cause);
    }
  }

  /** Cancels job {@code jobId}, failing it and stopping its tasks. */
  public void cancelJob(int jobId, String reason) {
    events.add(new DAGSchedulerEvent.JobCancelled(jobId, reason));
  }

  /** Cancels every active job whose job group is {@code groupId}. */
  public void cancelJobGroup(String groupId) {
    events.add(new DAGSchedulerEvent.JobGroupCancelled(groupId));
  }

  /** Cancels every active job. */
  public void cancelAllJobs() {
    events.add(new DAGSchedulerEvent.AllJobsCancelled());
  }

  void taskStarted(Task<?> task, TaskInfo info) {
    events.add(new DAGSchedulerEvent.BeginEvent(task, info));
  }

  void taskEnded(Task<?> task, TaskEndReason reason, Object result, List<AccumulatorV2<?, ?>> updates,
      dev.ember.executor.TaskMetrics metrics, TaskInfo info) {
    events.add(new DAGSchedulerEvent.CompletionEvent(task, reason, result, updates, metrics, info));
  }

  void taskSetFailed(TaskSet taskSet, String reason, Throwable exception) {
    events.add(new DAGSchedulerEvent.TaskSetFailed(taskSet, reason, exception));
  }

  /** Forgets the shuffle outputs on a lost executor, so stages that need them run again. */
  public void executorLost(String executorId, String reason) {
    events.add(new DAGSchedulerEvent.ExecutorLost(executorId, reason));
  }

  /** Fails the remaining jobs and stops the event loop. */
  public void stop() {
    events.add(new DAGSchedulerEvent.Stop());
    try {
      eventThread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // The event loop

  private void eventLoop() {
    while (true) {
      DAGSchedulerEvent event;
      try {
        event = events.take();
      } catch (InterruptedException e) {
        return;
      }
      try {
        if (event instanceof DAGSchedulerEvent.Stop) {
          for (ActiveJob job : List.copyOf(jobIdToActiveJob.values())) {
            failJobAndIndependentStages(job, new EmberException("CONTEXT_STOPPED",
                "Job " + job.jobId + " cancelled because EmberContext was shut down."));
          }
          return;
        }
        dispatch(event);
      } catch (RuntimeException | Error e) {
        LOG.error("DAG scheduler failed on {}; this is a bug in Ember, please report it", event, e);
        for (ActiveJob job : List.copyOf(jobIdToActiveJob.values())) {
          failJobAndIndependentStages(job, new EmberException("INTERNAL_ERROR",
              "The scheduler failed unexpectedly (this is a bug in Ember, please report it): " + e, e));
        }
      }
    }
  }

  private void dispatch(DAGSchedulerEvent event) {
    if (event instanceof DAGSchedulerEvent.JobSubmitted e) {
      handleJobSubmitted(e);
    } else if (event instanceof DAGSchedulerEvent.CompletionEvent e) {
      new TaskCompletionHandler(this).handle(e);
    } else if (event instanceof DAGSchedulerEvent.BeginEvent e) {
      listenerBus.post(new EmberListenerEvent.TaskStart(e.task().stageId(), e.task().stageAttemptId(),
          e.taskInfo()));
    } else if (event instanceof DAGSchedulerEvent.TaskSetFailed e) {
      Stage stage = stageIdToStage.get(e.taskSet().stageId());
      if (stage != null) {
        abortStage(stage, e.reason(), e.exception());
      }
    } else if (event instanceof DAGSchedulerEvent.JobCancelled e) {
      ActiveJob job = jobIdToActiveJob.get(e.jobId());
      if (job != null) {
        failJobAndIndependentStages(job, new EmberException("JOB_CANCELLED",
            "Job " + e.jobId() + " cancelled" + (e.reason() == null ? "." : ": " + e.reason())));
      }
    } else if (event instanceof DAGSchedulerEvent.JobGroupCancelled e) {
      for (ActiveJob job : List.copyOf(jobIdToActiveJob.values())) {
        if (e.groupId().equals(job.jobGroup())) {
          failJobAndIndependentStages(job, new EmberException("JOB_CANCELLED",
              "Job " + job.jobId + " cancelled as part of cancellation of job group " + e.groupId() + "."));
        }
      }
    } else if (event instanceof DAGSchedulerEvent.AllJobsCancelled) {
      for (ActiveJob job : List.copyOf(jobIdToActiveJob.values())) {
        failJobAndIndependentStages(job, new EmberException("JOB_CANCELLED",
            "Job " + job.jobId + " cancelled as part of cancellation of all jobs."));
      }
    } else if (event instanceof DAGSchedulerEvent.ResubmitFailedStages) {
      resubmitFailedStages();
    } else if (event instanceof DAGSchedulerEvent.ExecutorLost e) {
      LOG.warn("Executor {} lost ({}); its shuffle outputs will be recomputed", e.executorId(), e.reason());
      mapOutputTracker.removeOutputsOnExecutor(e.executorId());
    }
  }

  private void handleJobSubmitted(DAGSchedulerEvent.JobSubmitted e) {
    ResultStage finalStage;
    try {
      List<Stage> parents = getOrCreateParentStages(e.finalRdd(), e.jobId());
      finalStage = new ResultStage(nextStageId.getAndIncrement(), e.finalRdd(), e.function(), e.partitions(),
          parents, e.jobId());
      stageIdToStage.put(finalStage.id, finalStage);
      updateJobIdStageIdMaps(e.jobId(), finalStage);
    } catch (RuntimeException ex) {
      LOG.warn("Creating the stages of job {} failed: {}", e.jobId(), ex.toString());
      e.listener().jobFailed(ex);
      return;
    }
    ActiveJob job = new ActiveJob(e.jobId(), finalStage, e.listener(), e.properties());
    finalStage.activeJob = job;
    jobIdToActiveJob.put(job.jobId, job);
    jobStartTimes.put(job.jobId, System.nanoTime());
    List<StageInfo> infos = new ArrayList<>();
    for (int stageId : jobIdToStageIds.getOrDefault(job.jobId, Set.of())) {
      infos.add(stageIdToStage.get(stageId).info(0, null));
    }
    listenerBus.post(new EmberListenerEvent.JobStart(job.jobId, System.currentTimeMillis(), infos, e.properties()));
    submitStage(finalStage);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Stage graph

  private List<Stage> getOrCreateParentStages(RDD<?> rdd, int firstJobId) {
    List<Stage> parents = new ArrayList<>();
    for (ShuffleDependency<?, ?, ?> dependency : shuffleDependenciesOf(rdd)) {
      parents.add(getOrCreateShuffleMapStage(dependency, firstJobId));
    }
    return parents;
  }

  ShuffleMapStage getOrCreateShuffleMapStage(ShuffleDependency<?, ?, ?> dependency, int firstJobId) {
    ShuffleMapStage existing = shuffleIdToMapStage.get(dependency.shuffleId());
    if (existing != null) {
      return existing;
    }
    List<Stage> parents = getOrCreateParentStages(dependency.rdd(), firstJobId);
    ShuffleMapStage stage = new ShuffleMapStage(nextStageId.getAndIncrement(), dependency, parents, firstJobId,
        mapOutputTracker);
    stageIdToStage.put(stage.id, stage);
    shuffleIdToMapStage.put(dependency.shuffleId(), stage);
    mapOutputTracker.registerShuffle(dependency.shuffleId(), dependency.rdd().getNumPartitions());
    return stage;
  }

  /** The shuffle dependencies reachable from {@code rdd} through narrow dependencies only. */
  private static List<ShuffleDependency<?, ?, ?>> shuffleDependenciesOf(RDD<?> rdd) {
    List<ShuffleDependency<?, ?, ?>> result = new ArrayList<>();
    Set<Integer> visited = new HashSet<>();
    Deque<RDD<?>> toVisit = new ArrayDeque<>();
    toVisit.push(rdd);
    while (!toVisit.isEmpty()) {
      RDD<?> current = toVisit.pop();
      if (!visited.add(current.id())) {
        continue;
      }
      for (Dependency<?> dependency : current.dependencies()) {
        if (dependency instanceof ShuffleDependency<?, ?, ?> shuffle) {
          result.add(shuffle);
        } else {
          toVisit.push(dependency.rdd());
        }
      }
    }
    return result;
  }

  private void updateJobIdStageIdMaps(int jobId, Stage stage) {
    Deque<Stage> toVisit = new ArrayDeque<>();
    toVisit.push(stage);
    while (!toVisit.isEmpty()) {
      Stage current = toVisit.pop();
      current.jobIds.add(jobId);
      jobIdToStageIds.computeIfAbsent(jobId, id -> new LinkedHashSet<>()).add(current.id);
      current.parents.forEach(toVisit::push);
    }
  }

  private List<Stage> missingParentStages(Stage stage) {
    List<Stage> missing = new ArrayList<>();
    for (ShuffleDependency<?, ?, ?> dependency : shuffleDependenciesOf(stage.rdd)) {
      ShuffleMapStage parent = getOrCreateShuffleMapStage(dependency, stage.firstJobId);
      if (!parent.isAvailable()) {
        missing.add(parent);
      }
    }
    missing.sort(Comparator.comparingInt(s -> s.id));
    return missing;
  }

  private Integer activeJobForStage(Stage stage) {
    return stage.jobIds.stream().filter(jobIdToActiveJob::containsKey).sorted().findFirst().orElse(null);
  }

  void submitStage(Stage stage) {
    Integer jobId = activeJobForStage(stage);
    if (jobId == null) {
      return;
    }
    if (waitingStages.contains(stage) || runningStages.contains(stage) || failedStages.contains(stage)) {
      return;
    }
    List<Stage> missing = missingParentStages(stage);
    if (missing.isEmpty()) {
      submitMissingTasks(stage, jobId);
    } else {
      for (Stage parent : missing) {
        submitStage(parent);
      }
      waitingStages.add(stage);
    }
  }

  private void submitMissingTasks(Stage stage, int jobId) {
    List<Integer> missing = stage.findMissingPartitions();
    ActiveJob job = jobIdToActiveJob.get(jobId);
    Properties properties = job == null ? null : job.properties;
    runningStages.add(stage);
    int attempt = stage.makeNewAttempt();
    stage.pendingPartitions.clear();
    listenerBus.post(new EmberListenerEvent.StageSubmitted(stage.info(0, null), properties));

    Object binary = stage instanceof ShuffleMapStage map
        ? new Tuple2<>(stage.rdd, map.shuffleDependency)
        : new Tuple2<>(stage.rdd, ((ResultStage) stage).function);
    byte[] taskBinary;
    try {
      ByteBuffer bytes = env.closureSerializer().newInstance().serialize(binary);
      taskBinary = new byte[bytes.remaining()];
      bytes.get(taskBinary);
    } catch (RuntimeException e) {
      java.io.NotSerializableException cause = SerializationDebugger.notSerializableCause(e);
      String detail = cause == null ? e.getMessage() : SerializationDebugger.describe(binary, cause);
      abortStage(stage, "Task not serializable: " + detail,
          new EmberException("TASK_NOT_SERIALIZABLE", "Task not serializable: " + detail, e));
      runningStages.remove(stage);
      return;
    }

    List<Task<?>> tasks = new ArrayList<>();
    List<List<TaskLocation>> locations = new ArrayList<>();
    boolean anyLocation = false;
    dev.ember.Partition[] partitions = stage.rdd.partitions();
    for (int index : missing) {
      int partition = stage instanceof ResultStage result ? result.partitions[index] : index;
      if (stage instanceof ShuffleMapStage) {
        tasks.add(new ShuffleMapTask(stage.id, attempt, jobId, partitions[index], taskBinary, properties));
      } else {
        tasks.add(new ResultTask<>(stage.id, attempt, jobId, partitions[partition], taskBinary, properties, index));
      }
      stage.pendingPartitions.add(partition);
      List<TaskLocation> preferred = preferredLocationsOrNull(stage, partition);
      if (preferred == null) {
        return;
      }
      anyLocation |= !preferred.isEmpty();
      locations.add(preferred);
    }
    if (tasks.isEmpty()) {
      markStageAsFinished(stage, null);
      submitWaitingChildStages(stage);
      return;
    }
    taskScheduler.submitTasks(new TaskSet(tasks, stage.id, attempt, jobId, properties,
        anyLocation ? locations : List.of()));
  }

  /** The preferred locations of a task; {@code null} (with the stage aborted) if the RDD failed to give them. */
  private List<TaskLocation> preferredLocationsOrNull(Stage stage, int partition) {
    try {
      return preferredLocations.of(stage.rdd, partition);
    } catch (RuntimeException e) {
      abortStage(stage, "Computing the preferred locations of partition " + partition + " failed: " + e, e);
      runningStages.remove(stage);
      return null;
    }
  }

  void submitWaitingChildStages(Stage parent) {
    List<Stage> ready = waitingStages.stream().filter(s -> s.parents.contains(parent))
        .sorted(Comparator.comparingInt(s -> s.firstJobId)).toList();
    waitingStages.removeAll(ready);
    for (Stage stage : ready) {
      submitStage(stage);
    }
  }

  void markStageAsFinished(Stage stage, String failureReason) {
    if (failureReason == null) {
      stage.failedAttemptIds.clear();
    }
    listenerBus.post(new EmberListenerEvent.StageCompleted(stage.info(System.currentTimeMillis(), failureReason)));
    runningStages.remove(stage);
  }

  private void resubmitFailedStages() {
    List<Stage> toResubmit = failedStages.stream().sorted(Comparator.comparingInt(s -> s.firstJobId)).toList();
    failedStages.clear();
    for (Stage stage : toResubmit) {
      submitStage(stage);
    }
  }

  /** Records a fetch failure: forgets the lost output and schedules the map and reduce stages to run again. */
  void handleFetchFailure(Stage failedStage, Task<?> task, TaskEndReason.FetchFailed failure) {
    ShuffleMapStage mapStage = shuffleIdToMapStage.get(failure.shuffleId());
    if (failedStage.latestAttemptId != task.stageAttemptId()) {
      return;
    }
    if (runningStages.contains(failedStage)) {
      markStageAsFinished(failedStage, failure.toErrorString());
      taskScheduler.cancelTasks(failedStage.id, false, "a fetch failure makes stage " + failedStage.id + " rerun");
    }
    failedStage.failedAttemptIds.add(task.stageAttemptId());
    if (failedStage.failedAttemptIds.size() >= maxConsecutiveStageAttempts) {
      abortStage(failedStage, failedStage + " has failed the maximum allowable number of times: "
          + maxConsecutiveStageAttempts + ". Most recent failure reason: " + failure.toErrorString(), null);
      return;
    }
    if (failure.mapIndex() >= 0) {
      mapOutputTracker.unregisterMapOutput(failure.shuffleId(), failure.mapIndex(), failure.mapId());
    }
    LOG.warn("{} could not fetch shuffle output ({}); rerunning the stages that produce it", failedStage,
        failure.message());
    boolean noResubmitPending = failedStages.isEmpty();
    failedStages.add(failedStage);
    if (mapStage != null) {
      failedStages.add(mapStage);
    }
    if (noResubmitPending) {
      Thread resubmitter = new Thread(() -> {
        try {
          Thread.sleep(RESUBMIT_DELAY_MS);
        } catch (InterruptedException e) {
          return;
        }
        events.add(new DAGSchedulerEvent.ResubmitFailedStages());
      }, "dag-scheduler-resubmit");
      resubmitter.setDaemon(true);
      resubmitter.start();
    }
  }

  /** Fails every job that depends on {@code failedStage}. */
  void abortStage(Stage failedStage, String reason, Throwable cause) {
    if (!stageIdToStage.containsKey(failedStage.id)) {
      return;
    }
    for (ActiveJob job : List.copyOf(jobIdToActiveJob.values())) {
      if (jobIdToStageIds.getOrDefault(job.jobId, Set.of()).contains(failedStage.id)) {
        failJobAndIndependentStages(job,
            new EmberException("JOB_ABORTED", "Job aborted due to stage failure: " + reason, cause));
      }
    }
  }

  private void failJobAndIndependentStages(ActiveJob job, EmberException error) {
    for (int stageId : jobIdToStageIds.getOrDefault(job.jobId, Set.of())) {
      Stage stage = stageIdToStage.get(stageId);
      if (stage != null && stage.jobIds.size() == 1 && runningStages.contains(stage)) {
        boolean interrupt = job.properties != null
            && Boolean.parseBoolean(job.properties.getProperty(JobProperties.JOB_INTERRUPT_ON_CANCEL, "false"));
        taskScheduler.cancelTasks(stageId, interrupt, error.getMessage());
        markStageAsFinished(stage, error.getMessage());
      }
    }
    cleanupStateForJobAndIndependentStages(job);
    LOG.info("Job {} failed: {}: {}", job.jobId, job.description(), error.getMessage());
    listenerBus.post(new EmberListenerEvent.JobEnd(job.jobId, System.currentTimeMillis(), error));
    job.listener.jobFailed(error);
  }

  /** Marks a job finished and forgets the stages no other job needs. */
  void finishJob(ActiveJob job) {
    Long start = jobStartTimes.get(job.jobId);
    cleanupStateForJobAndIndependentStages(job);
    double seconds = start == null ? 0 : (System.nanoTime() - start) / 1e9;
    LOG.info("Job {} finished: {} with {} tasks, took {} s", job.jobId, job.description(),
        job.finished.length, String.format("%.3f", seconds));
    listenerBus.post(new EmberListenerEvent.JobEnd(job.jobId, System.currentTimeMillis(), null));
  }

  private void cleanupStateForJobAndIndependentStages(ActiveJob job) {
    Set<Integer> stageIds = jobIdToStageIds.remove(job.jobId);
    if (stageIds != null) {
      for (int stageId : stageIds) {
        Stage stage = stageIdToStage.get(stageId);
        if (stage == null) {
          continue;
        }
        stage.jobIds.remove(job.jobId);
        if (stage.jobIds.isEmpty()) {
          stageIdToStage.remove(stageId);
          runningStages.remove(stage);
          waitingStages.remove(stage);
          failedStages.remove(stage);
          if (stage instanceof ShuffleMapStage map) {
            shuffleIdToMapStage.remove(map.shuffleDependency.shuffleId());
          }
        }
      }
    }
    jobIdToActiveJob.remove(job.jobId);
    jobStartTimes.remove(job.jobId);
    job.finalStage.activeJob = null;
  }

  // Accessors for the completion handler, which shares the event-loop thread.

  Stage stage(int stageId) {
    return stageIdToStage.get(stageId);
  }

  boolean isRunning(Stage stage) {
    return runningStages.contains(stage);
  }

  MapOutputTracker mapOutputTracker() {
    return mapOutputTracker;
  }

  LiveListenerBus listenerBus() {
    return listenerBus;
  }

  static void mergeAccumulators(List<AccumulatorV2<?, ?>> updates) {
    if (updates != null) {
      updates.forEach(AccumulatorContext::mergeUpdate);
    }
  }
}
