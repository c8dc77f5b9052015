package dev.ember.rdd;

import dev.ember.scheduler.JobWaiter;
import java.util.List;
import java.util.function.Supplier;

/** The future of an action that runs one job; its result is computed from the job's partial results. */
final class SimpleFutureAction<T> extends AbstractFutureAction<T> {

  private final JobWaiter<?> waiter;

  /** @param resultFunction builds the action's result once every task's result has been handled */
  SimpleFutureAction(JobWaiter<?> waiter, Supplier<T> resultFunction) {
    super(waiter.completion().thenApply(done -> resultFunction.get()));
    this.waiter = waiter;
  }

  @Override
  void cancelJobs() {
    waiter.cancel("cancelled through its FutureAction");
  }

  @Override
  public List<Integer> jobIds() {
    return List.of(waiter.jobId());
  }
}
