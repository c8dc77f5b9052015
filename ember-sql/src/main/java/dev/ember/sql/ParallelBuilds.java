package dev.ember.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a query's independent preparation steps (each running a small job of its own, such as building a runtime
 * filter) at the same time, as Spark starts a query's broadcasts and subqueries together: one step on the calling
 * thread and each other on a thread of its own, which inherits the caller's job properties (job group,
 * description) as threads do. A step's job of one small partition keeps one core busy; run one after another,
 * the others wait idle. Returns when every step has ended; the first failure is thrown then.
 */
final class ParallelBuilds {

  private ParallelBuilds() {}

  /** Runs every step of {@code steps}, at most {@code maxThreads} at a time (the caller's thread counting). */
  static void runAll(List<Runnable> steps, int maxThreads) {
    if (steps.size() <= 1 || maxThreads <= 1) {
      steps.forEach(Runnable::run);
      return;
    }
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<List<Runnable>> shares = new ArrayList<>();
    int threads = Math.min(maxThreads, steps.size());
    for (int t = 0; t < threads; t++) {
      shares.add(new ArrayList<>());
    }
    for (int i = 0; i < steps.size(); i++) {
      shares.get(i % threads).add(steps.get(i));
    }
    List<Thread> started = new ArrayList<>();
    for (int t = 1; t < threads; t++) {
      List<Runnable> share = shares.get(t);
      Thread thread = new Thread(() -> runShare(share, failure), "ember-query-prepare-" + t);
      thread.setDaemon(true);
      thread.start();
      started.add(thread);
    }
    runShare(shares.get(0), failure);
    boolean interrupted = false;
    for (Thread thread : started) {
      while (true) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          // The steps' jobs end with the query; wait for them, then keep the interrupt.
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable first = failure.get();
    if (first instanceof RuntimeException e) {
      throw e;
    }
    if (first instanceof Error e) {
      throw e;
    }
  }

  private static void runShare(List<Runnable> share, AtomicReference<Throwable> failure) {
    for (Runnable step : share) {
      if (failure.get() != null) {
        return;
      }
      try {
        step.run();
      } catch (RuntimeException | Error e) {
        failure.compareAndSet(null, e);
      }
    }
  }
}
