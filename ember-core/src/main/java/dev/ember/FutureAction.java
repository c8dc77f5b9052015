package dev.ember;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The pending result of an asynchronous action such as {@code rdd.countAsync()}: a {@link Future} that also
 * knows the jobs it runs and cancels them through the scheduler.
 *
 * <pre>{@code
 * FutureAction<Long> count = rdd.countAsync();
 * ...
 * long n = count.get();          // waits; a failed job surfaces as an ExecutionException
 * count.cancel(true);            // or: stops the job's running tasks
 * }</pre>
 *
 * @param <T> the type of the action's result
 */
public interface FutureAction<T> extends Future<T> {

  /**
   * Cancels the action's running and future jobs. Returns {@code false} if the action had already completed.
   * Afterwards {@link #get()} throws {@link CancellationException}.
   *
   * @param mayInterruptIfRunning ignored: whether task threads are interrupted is decided by the job group's
   *     {@code interruptOnCancel} setting, as in Spark
   */
  @Override
  boolean cancel(boolean mayInterruptIfRunning);

  /**
   * Waits for the result.
   *
   * @throws ExecutionException if a job failed; its cause is the job's error, whose cause chain reaches the
   *     exception the failing task threw
   */
  @Override
  T get() throws InterruptedException, ExecutionException;

  /** Waits at most {@code timeout} for the result. */
  @Override
  T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException;

  /** The ids of the jobs this action has submitted so far, in submission order. */
  List<Integer> jobIds();
}
