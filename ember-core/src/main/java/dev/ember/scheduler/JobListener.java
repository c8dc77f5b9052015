package dev.ember.scheduler;

/** Receives the results of a job's tasks and the job's end. */
interface JobListener {

  /** Task {@code index} of the job produced {@code result}. */
  void taskSucceeded(int index, Object result);

  /** The job failed with {@code exception}. */
  void jobFailed(Throwable exception);
}
