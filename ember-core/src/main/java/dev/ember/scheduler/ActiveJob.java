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

  /** What the job is, for logs: its description if one was set, else its call site, else its final RDD. */
  String description() {
    String description = properties == null ? null : properties.getProperty(JobProperties.JOB_DESCRIPTION);
    if (description == null && properties != null) {
      description = properties.getProperty(JobProperties.CALL_SITE);
    }
    return description != null ? description : finalStage.name();
  }

  /** The job group set with {@code setJobGroup}, or {@code null}. */
  String jobGroup() {
    return properties == null ? null : properties.getProperty(JobProperties.JOB_GROUP_ID);
  }
}
