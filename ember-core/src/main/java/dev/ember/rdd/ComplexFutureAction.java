package dev.ember.rdd;

import dev.ember.EmberContext;
import dev.ember.scheduler.JobWaiter;
import dev.ember.scheduler.PartitionFunction;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

/**
 * The future of an action that may run several jobs one after another (like {@code takeAsync}, which scans
 * more partitions until it has enough elements). The action's body runs on a thread of its own, which
 * inherits the caller's local properties, so its jobs belong to the caller's job group.
 */
final class ComplexFutureAction<T> extends AbstractFutureAction<T> {

  /** The work of the action; it submits its jobs through {@link ComplexFutureAction#runJob}. */
  @FunctionalInterface
  interface Body<T> {
    T run(ComplexFutureAction<T> action) throws Exception;
  }

  private final List<Integer> jobIds = new CopyOnWriteArrayList<>();
  private boolean cancelled;
  private JobWaiter<?> runningJob;

  private ComplexFutureAction() {
    super(new CompletableFuture<>());
  }

  /** Starts {@code body} on a new daemon thread and returns its future. */
  static <T> ComplexFutureAction<T> start(Body<T> body) {
    ComplexFutureAction<T> action = new ComplexFutureAction<>();
    Thread thread = new Thread(() -> {
      try {
        action.result.complete(body.run(action));
      } catch (Throwable t) {
        action.result.completeExceptionally(t);
      }
    }, "ember-future-action");
    thread.setDaemon(true);
    thread.start();
    return action;
  }

  /**
   * Runs one job of the action and waits for it.
   *
   * @throws CancellationException if the action has been cancelled
   * @throws Exception the job's failure
   */
  <R, U> void runJob(EmberContext context, RDD<R> rdd, PartitionFunction<R, U> function, int[] partitions,
      JobWaiter.ResultHandler<U> handler) throws Exception {
    JobWaiter<U> waiter;
    synchronized (this) {
      if (cancelled) {
        throw new CancellationException("The action was cancelled.");
      }
      waiter = context.submitJob(rdd, function, partitions, handler);
      jobIds.add(waiter.jobId());
      runningJob = waiter;
    }
    try {
      waiter.completion().get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      synchronized (this) {
        runningJob = null;
      }
    }
  }

  @Override
  void cancelJobs() {
    synchronized (this) {
      cancelled = true;
      if (runningJob != null) {
        runningJob.cancel("cancelled through its FutureAction");
      }
    }
  }

  @Override
  public List<Integer> jobIds() {
    return List.copyOf(jobIds);
  }
}
