package dev.ember.status;

/** Where a job stands, as the status tracker knows it. */
public enum JobExecutionStatus {
  /** Submitted and not yet ended. */
  RUNNING,
  /** Ended with every result computed. */
  SUCCEEDED,
  /** Ended with an error or cancelled. */
  FAILED,
  /** Not known: the job's record was never seen or has been dropped from the retained history. */
  UNKNOWN
}
