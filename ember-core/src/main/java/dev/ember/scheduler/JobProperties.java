package dev.ember.scheduler;

/** Names of the local properties the scheduler reads from a job. */
public final class JobProperties {

  /** The job group set with {@code EmberContext.setJobGroup}. */
  public static final String JOB_GROUP_ID = "ember.jobGroup.id";
  /** The description set with {@code setJobGroup} or {@code setJobDescription}. */
  public static final String JOB_DESCRIPTION = "ember.job.description";
  /** Where in the user's program the job was started, such as {@code collect at WordCount.java:38}. */
  public static final String CALL_SITE = "ember.job.callSite";
  /** Whether cancelling the job group interrupts running task threads. */
  public static final String JOB_INTERRUPT_ON_CANCEL = "ember.job.interruptOnCancel";

  private JobProperties() {}
}
