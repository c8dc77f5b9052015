package dev.ember.rdd;

import dev.ember.EmberContext;
import dev.ember.FutureAction;
import dev.ember.api.function.VoidFunction;
import dev.ember.scheduler.JobWaiter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/** The asynchronous actions of {@link RDD}: each submits its job(s) and returns a {@link FutureAction}. */
final class AsyncRDDActions {

  private AsyncRDDActions() {}

  static <T> FutureAction<Long> countAsync(RDD<T> rdd) {
    AtomicLong total = new AtomicLong();
    JobWaiter<Long> waiter = rdd.context().submitJob(rdd, (tc, it) -> {
      long n = 0;
      while (it.hasNext()) {
        it.next();
        n++;
      }
      return n;
    }, allPartitions(rdd), (index, count) -> total.addAndGet(count));
    return new SimpleFutureAction<>(waiter, total::get);
  }

  @SuppressWarnings("unchecked")
  static <T> FutureAction<List<T>> collectAsync(RDD<T> rdd) {
    int[] partitions = allPartitions(rdd);
    Object[] parts = new Object[partitions.length];
    JobWaiter<ArrayList<T>> waiter = rdd.context().submitJob(rdd, (tc, it) -> {
      ArrayList<T> out = new ArrayList<>();
      it.forEachRemaining(out::add);
      return out;
    }, partitions, (index, part) -> parts[index] = part);
    return new SimpleFutureAction<>(waiter, () -> {
      List<T> all = new ArrayList<>();
      for (Object part : parts) {
        all.addAll((List<T>) part);
      }
      return all;
    });
  }

  static <T> FutureAction<Void> foreachAsync(RDD<T> rdd, VoidFunction<T> f) {
    VoidFunction<T> clean = rdd.context().clean(f);
    JobWaiter<Boolean> waiter = rdd.context().submitJob(rdd, (tc, it) -> {
      while (it.hasNext()) {
        clean.call(it.next());
      }
      return Boolean.TRUE;
    }, allPartitions(rdd), (index, done) -> { });
    return new SimpleFutureAction<>(waiter, () -> null);
  }

  static <T> FutureAction<Void> foreachPartitionAsync(RDD<T> rdd, VoidFunction<Iterator<T>> f) {
    VoidFunction<Iterator<T>> clean = rdd.context().clean(f);
    JobWaiter<Boolean> waiter = rdd.context().submitJob(rdd, (tc, it) -> {
      clean.call(it);
      return Boolean.TRUE;
    }, allPartitions(rdd), (index, done) -> { });
    return new SimpleFutureAction<>(waiter, () -> null);
  }

  /**
   * The first {@code num} elements, scanning one partition first and then more at a time (like Spark's
   * {@code take}), each round a job of its own.
   */
  @SuppressWarnings("unchecked")
  static <T> FutureAction<List<T>> takeAsync(RDD<T> rdd, int num) {
    if (num < 0) {
      throw new IllegalArgumentException("takeAsync needs a non-negative number of elements, got " + num + ".");
    }
    EmberContext context = rdd.context();
    return ComplexFutureAction.start(action -> PartialScan.scan(rdd, num, (partitions, firstElements) -> {
      Object[] parts = new Object[partitions.length];
      action.runJob(context, rdd, firstElements, partitions, (index, part) -> parts[index] = part);
      List<List<T>> results = new ArrayList<>(parts.length);
      for (Object part : parts) {
        results.add((List<T>) part);
      }
      return results;
    }));
  }

  private static int[] allPartitions(RDD<?> rdd) {
    return IntStream.range(0, rdd.getNumPartitions()).toArray();
  }
}
