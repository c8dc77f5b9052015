package dev.ember.rdd;

import dev.ember.FutureAction;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@link SimpleFutureAction} and {@link ComplexFutureAction} share: the future of the action's result and
 * cancellation, which settles that future before stopping the jobs so a job failing because it was cancelled
 * cannot complete the future first.
 */
abstract class AbstractFutureAction<T> implements FutureAction<T> {

  /** The action's result; completed exceptionally with a {@link CancellationException} once cancelled. */
  final CompletableFuture<T> result;

  AbstractFutureAction(CompletableFuture<T> result) {
    this.result = result;
  }

  /** Cancels the jobs the action is running or would run; the result is already settled as cancelled. */
  abstract void cancelJobs();

  @Override
  public final boolean cancel(boolean mayInterruptIfRunning) {
    // Settle the future first: the job's own failure would otherwise race the cancellation to complete it.
    if (!result.completeExceptionally(new CancellationException("The action was cancelled."))) {
      return false;
    }
    cancelJobs();
    return true;
  }

  @Override
  public final boolean isCancelled() {
    return result.isCancelled();
  }

  @Override
  public final boolean isDone() {
    return result.isDone();
  }

  @Override
  public final T get() throws InterruptedException, ExecutionException {
    return result.get();
  }

  @Override
  public final T get(long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    return result.get(timeout, unit);
  }
}
