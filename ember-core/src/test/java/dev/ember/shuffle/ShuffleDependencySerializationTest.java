package dev.ember.shuffle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.ShuffleDependency;
import dev.ember.Tuple2;
import dev.ember.rdd.PairRDD;
import dev.ember.rdd.RDD;
import dev.ember.serializer.JavaSerializer;
import dev.ember.serializer.SerializerInstance;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stage after a shuffle ships only what its tasks read: the shuffle's id, partitioner and functions, not
 * the lineage that wrote the shuffle (whose closures may hold large values).
 */
class ShuffleDependencySerializationTest {

  private EmberContext sc;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("ShuffleDependencySerialization"));
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  @Test
  void aShuffledRddSerializesWithoutTheStagesBeforeItsShuffle() {
    long[] big = new long[250_000];
    PairRDD<Integer, Long> pairs = sc.parallelize(List.of(1, 2, 3, 4), 2)
        .mapToPair(x -> new Tuple2<>(x % 2, x + big[x]));
    PairRDD<Integer, Long> reduced = pairs.reduceByKey(Long::sum);
    SerializerInstance serializer = new JavaSerializer().newInstance();

    ByteBuffer mapSide = serializer.serialize(pairs.rdd());
    ByteBuffer reduceSide = serializer.serialize(reduced.rdd());

    assertThat(mapSide.remaining()).as("the map side carries its closure's array").isGreaterThan(2_000_000);
    assertThat(reduceSide.remaining()).as("the reduce side does not").isLessThan(20_000);
    RDD<?> copy = serializer.deserialize(reduceSide, getClass().getClassLoader());
    ShuffleDependency<?, ?, ?> dependency = (ShuffleDependency<?, ?, ?>) copy.dependencies().get(0);
    assertThat(dependency.rdd()).isNull();
    assertThat(dependency.shuffleId()).isEqualTo(((ShuffleDependency<?, ?, ?>) reduced.rdd().dependencies().get(0))
        .shuffleId());
    assertThat(reduced.collectAsMap()).containsExactlyInAnyOrderEntriesOf(Map.of(0, 6L, 1, 4L));
  }
}
