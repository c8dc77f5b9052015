package dev.ember.scheduler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Collects a job's results as tasks finish and completes a future when all have arrived or the job fails.
 *
 * @param <U> the type of one task's result
 */
public final class JobWaiter<U> implements JobListener {

  private final int jobId;
  private final int totalTasks;
  private final ResultHandler<U> handler;
  private final AtomicInteger finishedTasks = new AtomicInteger();
  private final CompletableFuture<Void> completion = new CompletableFuture<>();
  private final DAGScheduler dagScheduler;

  JobWaiter(DAGScheduler dagScheduler, int jobId, int totalTasks, ResultHandler<U> handler) {
    this.dagScheduler = dagScheduler;
    this.jobId = jobId;
    this.totalTasks = totalTasks;
    this.handler = handler;
    if (totalTasks == 0) {
      completion.complete(null);
    }
  }

  public int jobId() {
    return jobId;
  }

  /** Completes when the job has finished; completes exceptionally with the job's failure. */
  public CompletableFuture<Void> completion() {
    return completion;
  }

  /** Asks the scheduler to cancel the job. */
  public void cancel(String reason) {
    dagScheduler.cancelJob(jobId, reason);
  }

  @SuppressWarnings("unchecked")
  @Override
  public void taskSucceeded(int index, Object result) {
    synchronized (handler) {
      handler.handle(index, (U) result);
    }
    if (finishedTasks.incrementAndGet() == totalTasks) {
      completion.complete(null);
    }
  }

  @Override
  public void jobFailed(Throwable exception) {
    completion.completeExceptionally(exception);
  }

  /** Receives each task's result with the index of its partition in the job. */
  @FunctionalInterface
  public interface ResultHandler<U> {
    void handle(int index, U result);
  }
}
