package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelBuildsTest {

  @Test
  void stepsRunAtTheSameTimeOnTheCallerAndFreshThreads() {
    CountDownLatch bothStarted = new CountDownLatch(2);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<Boolean> met = new ArrayList<>(List.of(false, false));
    List<Runnable> steps = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      int index = i;
      steps.add(() -> {
        threads.add(Thread.currentThread().getName());
        bothStarted.countDown();
        try {
          // Each step waits for the other: run one after another, they would time out.
          met.set(index, bothStarted.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    ParallelBuilds.runAll(steps, 2);
    assertThat(met).containsExactly(true, true);
    assertThat(threads).hasSize(2).contains(Thread.currentThread().getName());
  }

  @Test
  void everyStepRunsOnceWithMoreStepsThanThreads() {
    AtomicInteger runs = new AtomicInteger();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<Runnable> steps = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      steps.add(() -> {
        runs.incrementAndGet();
        threads.add(Thread.currentThread().getName());
      });
    }
    ParallelBuilds.runAll(steps, 3);
    assertThat(runs.get()).isEqualTo(7);
    assertThat(threads).hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void oneThreadOrOneStepRunsOnTheCaller() {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Runnable step = () -> threads.add(Thread.currentThread().getName());
    ParallelBuilds.runAll(List.of(step, step), 1);
    ParallelBuilds.runAll(List.of(step), 4);
    ParallelBuilds.runAll(List.of(), 4);
    assertThat(threads).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void aFailingStepFailsTheWholeOnlyAfterAStepAlreadyRunningEnds() {
    AtomicInteger ended = new AtomicInteger();
    CountDownLatch fineStarted = new CountDownLatch(1);
    Runnable fine = () -> {
      fineStarted.countDown();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ended.incrementAndGet();
    };
    Runnable failing = () -> {
      try {
        fineStarted.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("build failed");
    };
    assertThatThrownBy(() -> ParallelBuilds.runAll(List.of(failing, fine), 2))
        .isInstanceOf(IllegalStateException.class).hasMessage("build failed");
    assertThat(ended.get()).isEqualTo(1);
  }

  @Test
  void stepThreadsInheritTheCallersInheritableState() {
    InheritableThreadLocal<String> group = new InheritableThreadLocal<>();
    group.set("job-group-7");
    Set<String> seen = ConcurrentHashMap.newKeySet();
    Runnable step = () -> seen.add(String.valueOf(group.get()));
    ParallelBuilds.runAll(List.of(step, step, step), 3);
    assertThat(seen).containsExactly("job-group-7");
  }
}
