package dev.ember.util;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.rdd.RDD;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Regression: a task's copy of an accumulator once started from the driver's value, not from zero. */
class AccumulatorAcrossJobsTest {

  private EmberContext sc;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("AccumulatorAcrossJobsTest"));
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  @Test
  void secondJobAddsOnlyWhatItsTasksAdd() {
    LongAccumulator tasks = sc.longAccumulator("tasks");
    CollectionAccumulator<Integer> seen = sc.collectionAccumulator("seen");
    RDD<Integer> numbers = sc.parallelize(List.of(1, 2, 3, 4), 4).mapPartitions(it -> {
      tasks.add(1);
      return it;
    }).map(x -> {
      seen.add(x);
      return x;
    });
    sc.runJob(numbers, (context, it) -> it.hasNext() ? it.next() : 0, new int[] {0});
    assertThat(tasks.value()).isEqualTo(1);
    sc.runJob(numbers, (context, it) -> it.hasNext() ? it.next() : 0, new int[] {1});
    assertThat(tasks.value()).isEqualTo(2);
    numbers.count();
    assertThat(tasks.value()).isEqualTo(6);
    assertThat(seen.value()).containsExactlyInAnyOrder(1, 2, 1, 2, 3, 4);
  }
}
