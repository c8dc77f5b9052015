package dev.ember.rdd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.storage.BlockId;
import dev.ember.storage.RDDInfo;
import dev.ember.storage.StorageLevel;
import dev.ember.util.LongAccumulator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CacheTest {

  private EmberContext sc;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("CacheTest"));
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  @Test
  void cachedPartitionsAreNotRecomputed() {
    LongAccumulator computed = sc.longAccumulator("computed");
    RDD<Integer> squares = sc.parallelize(List.of(1, 2, 3, 4, 5, 6), 3).map(x -> {
      computed.add(1);
      return x * x;
    }).cache();
    assertThat(squares.reduce(Integer::sum)).isEqualTo(91);
    assertThat(squares.reduce(Integer::sum)).isEqualTo(91);
    assertThat(computed.value()).isEqualTo(6);
  }

  @Test
  void lostBlockIsRecomputedFromLineageForThatPartitionOnly() {
    LongAccumulator computed = sc.longAccumulator("computed");
    RDD<Integer> doubled = sc.parallelize(List.of(1, 2, 3, 4, 5, 6), 3).map(x -> {
      computed.add(1);
      return x * 2;
    }).persist(StorageLevel.MEMORY_ONLY_SER);
    assertThat(doubled.collect()).containsExactly(2, 4, 6, 8, 10, 12);
    assertThat(computed.value()).isEqualTo(6);

    // Simulate the loss of partition 1 (elements 3 and 4).
    assertThat(sc.env().blockManager().removeBlock(new BlockId.RDDBlockId(doubled.id(), 1))).isTrue();

    assertThat(doubled.collect()).containsExactly(2, 4, 6, 8, 10, 12);
    assertThat(computed.value()).isEqualTo(8);
    assertThat(sc.env().blockManager().contains(new BlockId.RDDBlockId(doubled.id(), 1))).isTrue();
  }

  @Test
  void storageInfoReportsCachedPartitionsAndUnpersistRemovesThem() {
    RDD<Long> numbers = sc.range(0, 1000, 1, 4).setName("numbers").persist(StorageLevel.MEMORY_AND_DISK);
    assertThat(numbers.count()).isEqualTo(1000);

    List<RDDInfo> infos = sc.getRDDStorageInfo();
    assertThat(infos).hasSize(1);
    RDDInfo info = infos.get(0);
    assertThat(info.id()).isEqualTo(numbers.id());
    assertThat(info.name()).isEqualTo("numbers");
    assertThat(info.numPartitions()).isEqualTo(4);
    assertThat(info.numCachedPartitions()).isEqualTo(4);
    assertThat(info.storageLevel()).isEqualTo(StorageLevel.MEMORY_AND_DISK);
    // 250 longs per partition, kept as a long[]: 16 + 250 * 8 = 2,016 bytes, four times.
    assertThat(info.memorySize()).isEqualTo(4 * 2016);
    assertThat(sc.env().memoryManager().storageMemoryUsed()).isEqualTo(4 * 2016);

    numbers.unpersist();
    assertThat(sc.getRDDStorageInfo()).isEmpty();
    assertThat(sc.env().blockManager().blockIds()).isEmpty();
    assertThat(sc.env().memoryManager().storageMemoryUsed()).isZero();
    assertThat(numbers.count()).isEqualTo(1000);
  }

  @Test
  void partitionTooBigForMemoryIsComputedWithoutCaching() {
    sc.stop();
    sc = new EmberContext(new EmberConf(false).setMaster("local[1]").setAppName("CacheTest")
        .set("ember.testing.memory", String.valueOf(1_000_000)).set("ember.testing.reservedMemory", "0")
        .set("ember.memory.fraction", "1.0"));
    RDD<Long> big = sc.range(0, 200_000, 1, 2).cache();
    assertThat(big.reduce(Long::sum)).isEqualTo(199_999L * 200_000 / 2);
    assertThat(sc.getRDDStorageInfo().get(0).numCachedPartitions()).isZero();
    assertThat(sc.env().memoryManager().storageMemoryUsed()).isZero();
  }
}
