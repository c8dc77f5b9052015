package dev.ember.util;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.HashPartitioner;
import dev.ember.Tuple2;
import dev.ember.rdd.RDD;
import dev.ember.rdd.ShuffledRDD;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Updates made in map stages count once per successful task, as in result stages. */
class AccumulatorInShuffleStageTest {

  private EmberContext sc;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("acc"));
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  @Test
  void updatesInAMapStageCountOnce() {
    LongAccumulator seen = sc.longAccumulator("seen");
    RDD<Tuple2<Integer, Integer>> pairs = sc.parallelize(List.of(1, 2, 3, 4), 2).map(x -> {
      seen.add(1);
      return new Tuple2<>(x, x);
    });
    assertThat(new ShuffledRDD<Integer, Integer, Integer>(pairs, new HashPartitioner(1)).collect()).hasSize(4);
    assertThat(seen.value()).isEqualTo(4);
  }

  @Test
  void updatesInAResultStageCountOnce() {
    LongAccumulator seen = sc.longAccumulator("seen");
    sc.parallelize(List.of(1, 2, 3, 4), 2).map(x -> {
      seen.add(1);
      return x;
    }).collect();
    assertThat(seen.value()).isEqualTo(4);
  }
}
