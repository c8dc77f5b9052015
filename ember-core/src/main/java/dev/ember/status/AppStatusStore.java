package dev.ember.status;

import dev.ember.scheduler.EmberListener;
import dev.ember.scheduler.EmberListenerEvent;
import dev.ember.scheduler.JobProperties;
import dev.ember.scheduler.StageInfo;
import dev.ember.scheduler.TaskEndReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps the progress of jobs and stages from the listener bus, for the status tracker and the console
 * progress bar. Only the most recent {@code retainedJobs} jobs and {@code retainedStages} stages are kept
 * ({@code spark.ui.retainedJobs} / {@code spark.ui.retainedStages}, 1000 each by default), so a long-running
 * application does not grow without bound. Updated on the bus thread, read from any thread.
 */
public final class AppStatusStore implements EmberListener {

  private final Map<Integer, JobData> jobs;
  private final Map<Integer, StageData> stages;
  private final Set<Integer> activeJobIds = new TreeSet<>();
  private final Set<Integer> activeStageIds = new TreeSet<>();

  /** Creates a store keeping at most {@code retainedJobs} jobs and {@code retainedStages} stages. */
  public AppStatusStore(int retainedJobs, int retainedStages) {
    if (retainedJobs < 1 || retainedStages < 1) {
      throw new IllegalArgumentException("The status store must retain at least one job and one stage, got "
          + retainedJobs + " and " + retainedStages + ".");
    }
    this.jobs = boundedMap(retainedJobs, activeJobIds);
    this.stages = boundedMap(retainedStages, activeStageIds);
  }

  private static <V> Map<Integer, V> boundedMap(int limit, Set<Integer> active) {
    return new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Integer, V> eldest) {
        if (size() > limit) {
          active.remove(eldest.getKey());
          return true;
        }
        return false;
      }
    };
  }

  @Override
  public synchronized void onJobStart(EmberListenerEvent.JobStart event) {
    String group = event.properties() == null ? null : event.properties().getProperty(JobProperties.JOB_GROUP_ID);
    List<Integer> stageIds = event.stageInfos().stream().map(StageInfo::stageId).sorted().toList();
    jobs.put(event.jobId(), new JobData(group, stageIds));
    activeJobIds.add(event.jobId());
    for (StageInfo info : event.stageInfos()) {
      stages.computeIfAbsent(info.stageId(), id -> new StageData(info));
    }
  }

  @Override
  public synchronized void onJobEnd(EmberListenerEvent.JobEnd event) {
    JobData job = jobs.get(event.jobId());
    if (job != null) {
      job.status = event.succeeded() ? JobExecutionStatus.SUCCEEDED : JobExecutionStatus.FAILED;
    }
    activeJobIds.remove(event.jobId());
  }

  @Override
  public synchronized void onStageSubmitted(EmberListenerEvent.StageSubmitted event) {
    StageInfo info = event.stageInfo();
    // A new attempt starts counting afresh; the progress of older attempts is history.
    stages.remove(info.stageId());
    StageData stage = new StageData(info);
    stage.submissionTime = info.submissionTime() > 0 ? info.submissionTime() : System.currentTimeMillis();
    stages.put(info.stageId(), stage);
    activeStageIds.add(info.stageId());
  }

  @Override
  public synchronized void onStageCompleted(EmberListenerEvent.StageCompleted event) {
    StageData stage = stages.get(event.stageInfo().stageId());
    if (stage != null && stage.attemptId == event.stageInfo().attemptNumber()) {
      activeStageIds.remove(event.stageInfo().stageId());
    }
  }

  @Override
  public synchronized void onTaskStart(EmberListenerEvent.TaskStart event) {
    StageData stage = stages.get(event.stageId());
    if (stage != null && stage.attemptId == event.stageAttemptId()) {
      stage.active++;
    }
  }

  @Override
  public synchronized void onTaskEnd(EmberListenerEvent.TaskEnd event) {
    StageData stage = stages.get(event.stageId());
    if (stage == null || stage.attemptId != event.stageAttemptId()) {
      return;
    }
    stage.active = Math.max(0, stage.active - 1);
    if (event.reason() instanceof TaskEndReason.Success) {
      stage.completed++;
    } else if (!(event.reason() instanceof TaskEndReason.TaskKilled)) {
      stage.failed++;
    }
  }

  /** The ids of the retained jobs of {@code group} ({@code null}: jobs without a group), oldest first. */
  public synchronized List<Integer> jobIdsForGroup(String group) {
    List<Integer> ids = new ArrayList<>();
    jobs.forEach((id, job) -> {
      if (Objects.equals(job.group, group)) {
        ids.add(id);
      }
    });
    return List.copyOf(ids);
  }

  /** The ids of running jobs, in ascending order. */
  public synchronized List<Integer> activeJobIds() {
    return List.copyOf(activeJobIds);
  }

  /** The ids of running stages, in ascending order. */
  public synchronized List<Integer> activeStageIds() {
    return List.copyOf(activeStageIds);
  }

  /** A snapshot of job {@code jobId}, if retained. */
  public synchronized Optional<EmberJobInfo> jobInfo(int jobId) {
    JobData job = jobs.get(jobId);
    return job == null ? Optional.empty() : Optional.of(new EmberJobInfo(jobId, job.stageIds, job.status));
  }

  /** A snapshot of the latest attempt of stage {@code stageId}, if retained. */
  public synchronized Optional<EmberStageInfo> stageInfo(int stageId) {
    StageData stage = stages.get(stageId);
    return stage == null ? Optional.empty() : Optional.of(stage.snapshot(stageId));
  }

  /** Snapshots of the running stages, in ascending id order. */
  public synchronized List<EmberStageInfo> activeStages() {
    return activeStageIds.stream().map(id -> stages.get(id).snapshot(id)).toList();
  }

  private static final class JobData {
    final String group;
    final List<Integer> stageIds;
    JobExecutionStatus status = JobExecutionStatus.RUNNING;

    JobData(String group, List<Integer> stageIds) {
      this.group = group;
      this.stageIds = stageIds;
    }
  }

  private static final class StageData {
    final int attemptId;
    final String name;
    final int numTasks;
    long submissionTime;
    int active;
    int completed;
    int failed;

    StageData(StageInfo info) {
      this.attemptId = info.attemptNumber();
      this.name = info.name();
      this.numTasks = info.numTasks();
    }

    EmberStageInfo snapshot(int stageId) {
      return new EmberStageInfo(stageId, attemptId, submissionTime, name, numTasks, active, completed, failed);
    }
  }
}
