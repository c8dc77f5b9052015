package dev.ember.rdd;

import dev.ember.FutureAction;
import dev.ember.scheduler.JobWaiter;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** The future of an action that runs one job; its result is computed from the job's partial results. */
final class SimpleFutureAction<T> implements FutureAction<T> {

  private final JobWaiter<?> waiter;
  private final CompletableFuture<T> result;

  /** @param resultFunction builds the action's result once every task's result has been handled */
  SimpleFutureAction(JobWaiter<?> waiter, Supplier<T> resultFunction) {
    this.waiter = waiter;
    this.result = waiter.completion().thenApply(done -> resultFunction.get());
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    // Settle the future first: the job's own failure would otherwise race the cancellation to complete it.
    if (!result.completeExceptionally(new CancellationException("The action was cancelled."))) {
      return false;
    }
    waiter.cancel("cancelled through its FutureAction");
    return true;
  }

  @Override
  public boolean isCancelled() {
    return result.isCancelled();
  }

  @Override
  public boolean isDone() {
    return result.isDone();
  }

  @Override
  public T get() throws InterruptedException, ExecutionException {
    return result.get();
  }

  @Override
  public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
    return result.get(timeout, unit);
  }

  @Override
  public List<Integer> jobIds() {
    return List.of(waiter.jobId());
  }
}
