package dev.ember.scheduler;

import java.util.Properties;

/** A job the DAG scheduler is running: its final stage, its listener and which results have arrived. */
final class ActiveJob {

  final int jobId;
  final ResultStage finalStage;
  final JobListener listener;
  final Properties properties;
  final boolean[] finished;
  int numFinished;

  ActiveJob(int jobId, ResultStage finalStage, JobListener listener, Properties properties) {
    this.jobId = jobId;
    this.finalStage = finalStage;
    this.listener = listener;
    this.properties = properties;
    this.finished = new boolean[finalStage.partitions.length];
  }

  /** The job group set with {@code setJobGroup}, or {@code null}. */
  String jobGroup() {
    return properties == null ? null : properties.getProperty(JobProperties.JOB_GROUP_ID);
  }
}
