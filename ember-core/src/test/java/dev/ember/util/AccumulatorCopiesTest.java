package dev.ember.util;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.rdd.RDD;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccumulatorCopiesTest {

  @Test
  void taskCopiesStartFromZeroWhenTheDriverValueIsNotZero() {
    try (EmberContext sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("acc"))) {
      LongAccumulator seen = sc.longAccumulator("seen");
      RDD<Integer> numbers = sc.parallelize(List.of(1, 2, 3), 3).map(x -> {
        seen.add(1);
        return x;
      });
      numbers.count();
      numbers.count();
      assertThat(seen.value()).isEqualTo(6);
    }
  }
}
