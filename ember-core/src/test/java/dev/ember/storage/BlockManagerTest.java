package dev.ember.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.memory.MemoryManager;
import dev.ember.serializer.JavaSerializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlockManagerTest {

  private static final long MEMORY = 400_000;

  private MemoryManager memory;
  private BlockManagerMaster master;
  private BlockManager blocks;
  private final BlockManagerId id = new BlockManagerId("0", "localhost", 0);

  @BeforeEach
  void start() throws Exception {
    memory = new MemoryManager(MEMORY, 0.5);
    master = new BlockManagerMaster();
    Path dir = Files.createTempDirectory("block-manager-test");
    blocks = new BlockManager(id, memory, new DiskBlockManager(dir), new JavaSerializer(), master, 8 * 1024);
    master.registerBlockManager(id, blocks);
  }

  @AfterEach
  void stop() {
    blocks.stop();
  }

  /** A small object as large as a boxed long (24 bytes), which the store keeps as an object. */
  record Num(long value) implements java.io.Serializable {}

  private static List<Num> numbers(long count) {
    return LongStream.range(0, count).mapToObj(Num::new).toList();
  }

  private static <T> List<T> drain(Iterator<T> values) {
    List<T> out = new ArrayList<>();
    values.forEachRemaining(out::add);
    return out;
  }

  private static BlockId rdd(int rddId, int split) {
    return new BlockId.RDDBlockId(rddId, split);
  }

  @Test
  void memoryOnlyBlockIsStoredAccountedAndReportedToTheMaster() {
    List<Num> values = drain(blocks.getOrElseUpdate(rdd(1, 0), StorageLevel.MEMORY_ONLY,
        () -> numbers(100).iterator()));
    assertThat(values).isEqualTo(numbers(100));
    assertThat(blocks.contains(rdd(1, 0))).isTrue();
    // 100 small objects: 100 * 24 bytes (12-byte header, 8-byte value, aligned) + 100 references and an
    // array header (16 + 400): 2816 bytes.
    assertThat(blocks.getStatus(rdd(1, 0))).isEqualTo(new BlockStatus(StorageLevel.MEMORY_ONLY, 2816, 0));
    assertThat(memory.storageMemoryUsed()).isEqualTo(2816);
    assertThat(master.getLocations(rdd(1, 0))).containsExactly(id);

    List<Num> again = drain(blocks.getOrElseUpdate(rdd(1, 0), StorageLevel.MEMORY_ONLY, () -> {
      throw new AssertionError("a cached block must not be recomputed");
    }));
    assertThat(again).isEqualTo(numbers(100));

    blocks.removeBlock(rdd(1, 0));
    assertThat(memory.storageMemoryUsed()).isZero();
    assertThat(master.getLocations(rdd(1, 0))).isEmpty();
  }

  @Test
  void partitionBiggerThanMemoryIsReturnedUncachedWithoutKeepingItsMemory() {
    // 100,000 boxed longs take about 2 MB, five times the pool.
    List<Num> values = drain(blocks.getOrElseUpdate(rdd(1, 0), StorageLevel.MEMORY_ONLY,
        () -> numbers(100_000).iterator()));
    assertThat(values).isEqualTo(numbers(100_000));
    assertThat(blocks.contains(rdd(1, 0))).isFalse();
    assertThat(memory.storageMemoryUsed()).isZero();
    assertThat(master.getLocations(rdd(1, 0))).isEmpty();
  }

  @Test
  void leastRecentlyUsedBlockOfAnotherRddIsEvicted() {
    // Each block of 4,000 longs takes 96,000 + 16 + 16,000 = 112,016 bytes: three fit in 400,000, a fourth
    // needs an eviction.
    for (int rddId = 1; rddId <= 3; rddId++) {
      drain(blocks.putIterator(rdd(rddId, 0), numbers(4_000).iterator(), StorageLevel.MEMORY_ONLY));
    }
    assertThat(blocks.getLocalValues(rdd(1, 0))).isPresent(); // rdd 2 is now the least recently used
    drain(blocks.putIterator(rdd(4, 0), numbers(4_000).iterator(), StorageLevel.MEMORY_ONLY));
    assertThat(blocks.contains(rdd(2, 0))).isFalse();
    assertThat(blocks.contains(rdd(1, 0))).isTrue();
    assertThat(blocks.contains(rdd(3, 0))).isTrue();
    assertThat(blocks.contains(rdd(4, 0))).isTrue();
    assertThat(master.getLocations(rdd(2, 0))).isEmpty();
  }

  @Test
  void blocksOfTheRddBeingStoredAreNeverEvicted() {
    for (int split = 0; split < 3; split++) {
      drain(blocks.putIterator(rdd(1, split), numbers(4_000).iterator(), StorageLevel.MEMORY_ONLY));
    }
    List<Num> fourth = drain(blocks.putIterator(rdd(1, 3), numbers(4_000).iterator(), StorageLevel.MEMORY_ONLY));
    assertThat(fourth).isEqualTo(numbers(4_000));
    assertThat(blocks.contains(rdd(1, 3))).isFalse();
    assertThat(blocks.contains(rdd(1, 0))).isTrue();
    assertThat(blocks.contains(rdd(1, 1))).isTrue();
    assertThat(blocks.contains(rdd(1, 2))).isTrue();
  }

  @Test
  void memoryAndDiskBlocksGoToDiskWhenEvictedOrTooBig() {
    for (int rddId = 1; rddId <= 4; rddId++) {
      drain(blocks.putIterator(rdd(rddId, 0), numbers(4_000).iterator(), StorageLevel.MEMORY_AND_DISK));
    }
    BlockStatus evicted = blocks.getStatus(rdd(1, 0));
    assertThat(evicted.memorySize()).isZero();
    assertThat(evicted.diskSize()).isPositive();
    assertThat(drain(blocks.<Num>getLocalValues(rdd(1, 0)).orElseThrow())).isEqualTo(numbers(4_000));

    List<Num> big = drain(blocks.putIterator(rdd(9, 0), numbers(100_000).iterator(),
        StorageLevel.MEMORY_AND_DISK));
    assertThat(big).isEqualTo(numbers(100_000));
    assertThat(blocks.getStatus(rdd(9, 0)).diskSize()).isPositive();
    assertThat(master.getBlockStatus(rdd(9, 0)).get(id).diskSize()).isPositive();
  }

  @Test
  void serializedAndDiskOnlyLevelsKeepBytes() {
    List<String> words = List.of("a", "bb", "ccc");
    assertThat(drain(blocks.putIterator(rdd(1, 0), words.iterator(), StorageLevel.MEMORY_ONLY_SER)))
        .isEqualTo(words);
    BlockStatus serialized = blocks.getStatus(rdd(1, 0));
    assertThat(serialized.memorySize()).isEqualTo(blocks.getLocalBytes(rdd(1, 0)).orElseThrow().remaining());
    assertThat(drain(blocks.<String>getLocalValues(rdd(1, 0)).orElseThrow())).isEqualTo(words);

    assertThat(drain(blocks.putIterator(rdd(2, 0), words.iterator(), StorageLevel.DISK_ONLY))).isEqualTo(words);
    assertThat(blocks.getStatus(rdd(2, 0)).memorySize()).isZero();
    assertThat(blocks.getStatus(rdd(2, 0)).diskSize()).isPositive();
    assertThat(drain(blocks.<String>getLocalValues(rdd(2, 0)).orElseThrow())).isEqualTo(words);
  }

  @Test
  void removeRddDropsOnlyThatRddsBlocksEverywhere() {
    drain(blocks.putIterator(rdd(1, 0), numbers(10).iterator(), StorageLevel.MEMORY_ONLY));
    drain(blocks.putIterator(rdd(1, 1), numbers(10).iterator(), StorageLevel.DISK_ONLY));
    drain(blocks.putIterator(rdd(2, 0), numbers(10).iterator(), StorageLevel.MEMORY_ONLY));
    assertThat(master.removeRdd(1)).isEqualTo(2);
    assertThat(blocks.blockIds()).containsExactly(rdd(2, 0));
    assertThat(master.getRddBlocks(1)).isEmpty();
  }

  @Test
  void blockOfLongsIsKeptAsAPrimitiveArray() {
    List<Long> longs = LongStream.range(0, 100).boxed().toList();
    List<Long> values = drain(blocks.getOrElseUpdate(rdd(1, 0), StorageLevel.MEMORY_ONLY, longs::iterator));
    assertThat(values).isEqualTo(longs);
    // A long[] of 100: a 16-byte header and 800 bytes, instead of 2,816 bytes of boxed longs and references.
    assertThat(blocks.getStatus(rdd(1, 0))).isEqualTo(new BlockStatus(StorageLevel.MEMORY_ONLY, 816, 0));
    assertThat(memory.storageMemoryUsed()).isEqualTo(816);
    assertThat(drain(blocks.<Long>getLocalValues(rdd(1, 0)).orElseThrow())).isEqualTo(longs);
  }

  @Test
  void mixedOrNullRecordsStayObjects() {
    List<Object> mixed = new ArrayList<>(List.of(1L, 2.0, 3));
    mixed.add(null);
    assertThat(drain(blocks.getOrElseUpdate(rdd(2, 0), StorageLevel.MEMORY_ONLY, mixed::iterator)))
        .isEqualTo(mixed);
    assertThat(drain(blocks.getLocalValues(rdd(2, 0)).orElseThrow())).isEqualTo(mixed);
  }
}
