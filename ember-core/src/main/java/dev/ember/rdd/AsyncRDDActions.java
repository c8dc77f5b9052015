package dev.ember.rdd;

import dev.ember.EmberContext;
import dev.ember.FutureAction;
import dev.ember.api.function.VoidFunction;
import dev.ember.scheduler.JobWaiter;
import java.util.ArrayList;
import java.util.Arrays;
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
    int totalParts = rdd.getNumPartitions();
    int scaleUp = Math.max(context.getConf().getInt("ember.rdd.limit.scaleUpFactor", 4), 2);
    return ComplexFutureAction.start(action -> {
      List<T> results = new ArrayList<>();
      int scanned = 0;
      while (results.size() < num && scanned < totalParts) {
        int[] partitions = IntStream.range(scanned, Math.min(totalParts, scanned + partsToTry(num, scanned,
            results.size(), scaleUp))).toArray();
        int left = num - results.size();
        Object[] parts = new Object[partitions.length];
        action.runJob(context, rdd, (tc, it) -> {
          ArrayList<T> out = new ArrayList<>();
          while (out.size() < left && it.hasNext()) {
            out.add(it.next());
          }
          return out;
        }, partitions, (index, part) -> parts[index] = part);
        Arrays.stream(parts).flatMap(part -> ((List<T>) part).stream()).limit(left).forEach(results::add);
        scanned += partitions.length;
      }
      return results;
    });
  }

  /**
   * How many partitions the next round of {@code takeAsync} scans: one at first, then {@code scaleUp} times
   * the scanned ones while nothing is found, else an estimate from the yield so far
   * ({@code spark.rdd.limit.scaleUpFactor}, as {@code take}).
   */
  static int partsToTry(int num, int scanned, int found, int scaleUp) {
    if (scanned == 0) {
      return 1;
    }
    if (found == 0) {
      return scanned * scaleUp;
    }
    int estimate = (int) Math.ceil(1.5 * num * scanned / found) - scanned;
    return Math.max(1, Math.min(estimate, scanned * scaleUp));
  }

  private static int[] allPartitions(RDD<?> rdd) {
    return IntStream.range(0, rdd.getNumPartitions()).toArray();
  }
}
