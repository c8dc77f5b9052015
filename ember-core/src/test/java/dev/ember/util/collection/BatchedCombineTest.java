package dev.ember.util.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.Aggregator;
import dev.ember.HashPartitioner;
import dev.ember.Tuple2;
import dev.ember.util.collection.SpillTestSupport.CollidingKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The map-side combine of {@link ExternalSorter} hashes and prefetches records a batch at a time before
 * combining them; these tests check that batching changes no answer: batch boundaries, keys repeated within a
 * batch, colliding and {@code null} keys, growth and spills in the middle of a batch, and a combine function
 * that fails part-way.
 */
class BatchedCombineTest {

  @TempDir
  Path dir;

  private static Map<Object, Integer> combineAll(ExternalSorter<Object, Integer, Integer> sorter, int partitions) {
    ExternalSorter.PartitionedReader<Object, Integer> reader = sorter.partitionedReader();
    Map<Object, Integer> seen = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      reader.partition(p).forEachRemaining(r -> assertThat(seen.put(r._1(), r._2())).isNull());
    }
    return seen;
  }

  private static Aggregator<Object, Integer, Integer> sum() {
    return new Aggregator<>(v -> v, Integer::sum, Integer::sum);
  }

  @Test
  void countsMatchAcrossBatchBoundariesWithRepeatedCollidingAndNullKeys() {
    // 3 + 5 * 7 = 38 records per round: batches of 16 end at different places in every round.
    for (int rounds : new int[] {0, 1, 2, 5}) {
      try (SpillTestSupport task = new SpillTestSupport(dir, 64L << 20, Long.MAX_VALUE)) {
        ExternalSorter<Object, Integer, Integer> sorter =
            new ExternalSorter<>(task.env, sum(), new HashPartitioner(3), null);
        List<Tuple2<Object, Integer>> records = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          records.add(new Tuple2<>(null, 1));
          records.add(new Tuple2<>("a", 2));
          records.add(new Tuple2<>("a", 3));
          for (int id = 0; id < 7; id++) {
            for (int copy = 0; copy < 5; copy++) {
              records.add(new Tuple2<>(new CollidingKey(id), 10));
            }
          }
        }
        sorter.insertAll(records.iterator());
        Map<Object, Integer> counts = combineAll(sorter, 3);
        if (rounds == 0) {
          assertThat(counts).isEmpty();
          continue;
        }
        assertThat(counts).hasSize(9).containsEntry(null, rounds).containsEntry("a", 5 * rounds);
        for (int id = 0; id < 7; id++) {
          assertThat(counts).containsEntry(new CollidingKey(id), 50 * rounds);
        }
      }
    }
  }

  @Test
  void growthAndForcedSpillsInTheMiddleOfABatchLoseNothing() {
    // A spill after every 38th record, then 20,000 distinct keys that make the table grow many times.
    try (SpillTestSupport task = new SpillTestSupport(dir, 64L << 20, 37)) {
      ExternalSorter<Object, Integer, Integer> sorter =
          new ExternalSorter<>(task.env, sum(), new HashPartitioner(2), null);
      List<Tuple2<Object, Integer>> records = new ArrayList<>();
      for (int i = 0; i < 3_000; i++) {
        records.add(new Tuple2<>("w" + (i % 1_000), i));
      }
      sorter.insertAll(records.iterator());
      assertThat(sorter.numSpills()).isEqualTo(3_000 / 38);
      Map<Object, Integer> counts = combineAll(sorter, 2);
      assertThat(counts).hasSize(1_000);
      // Key w{k} got k, k + 1000 and k + 2000.
      assertThat(counts).containsEntry("w0", 3_000).containsEntry("w999", 3 * 999 + 3_000);
    }
    try (SpillTestSupport task = new SpillTestSupport(dir, 64L << 20, Long.MAX_VALUE)) {
      ExternalSorter<Object, Integer, Integer> sorter = new ExternalSorter<>(task.env, sum(), null, null);
      List<Tuple2<Object, Integer>> records = new ArrayList<>();
      for (int i = 0; i < 40_000; i++) {
        records.add(new Tuple2<>(i % 20_000, 1));
      }
      sorter.insertAll(records.iterator());
      assertThat(combineAll(sorter, 1)).hasSize(20_000).allSatisfy((k, v) -> assertThat(v).isEqualTo(2));
    }
  }

  @Test
  void spillsUnderMemoryPressureCombineAcrossRuns() {
    // 256 KB of execution memory for 30,000 distinct string keys: the sorter is denied memory and spills.
    try (SpillTestSupport task = new SpillTestSupport(dir, 512L << 10, Long.MAX_VALUE)) {
      ExternalSorter<Object, Integer, Integer> sorter =
          new ExternalSorter<>(task.env, sum(), new HashPartitioner(4), null);
      Iterator<Tuple2<Object, Integer>> records = new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < 90_000;
        }

        @Override
        public Tuple2<Object, Integer> next() {
          int i = next++;
          return new Tuple2<>("key-" + (i % 30_000), 1);
        }
      };
      sorter.insertAll(records);
      assertThat(sorter.numSpills()).isPositive();
      assertThat(combineAll(sorter, 4)).hasSize(30_000).allSatisfy((k, v) -> assertThat(v).isEqualTo(3));
    }
  }

  @Test
  void aFailingCombineFunctionStopsInsertionWithItsException() {
    try (SpillTestSupport task = new SpillTestSupport(dir, 64L << 20, Long.MAX_VALUE)) {
      List<Integer> merged = new ArrayList<>();
      Aggregator<Object, Integer, Integer> failing = new Aggregator<>(v -> v, (c, v) -> {
        if (v == 21) {
          throw new IllegalStateException("bad value 21");
        }
        merged.add(v);
        return c + v;
      }, Integer::sum);
      ExternalSorter<Object, Integer, Integer> sorter = new ExternalSorter<>(task.env, failing, null, null);
      List<Tuple2<Object, Integer>> records = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        records.add(new Tuple2<>("k", i));
      }
      assertThatThrownBy(() -> sorter.insertAll(records.iterator()))
          .isInstanceOf(IllegalStateException.class).hasMessage("bad value 21");
      // Values 1..20 were merged in order, none after the failure.
      assertThat(merged).hasSize(20).startsWith(1).endsWith(20);
      sorter.cleanup();
    }
  }

  @Test
  void prefetchedLookupsAgreeWithPlainOnes() {
    AppendOnlyMap<Object, Integer> plain = new AppendOnlyMap<>();
    AppendOnlyMap<Object, Integer> batched = new AppendOnlyMap<>();
    Object[] keys = new Object[16];
    int[] hashes = new int[16];
    for (int start = 0; start < 5_000; start += 16) {
      for (int i = 0; i < 16; i++) {
        int n = start + i;
        keys[i] = n % 97 == 0 ? null : n % 5 == 0 ? new CollidingKey(n % 400) : "s" + (n % 700);
        hashes[i] = AppendOnlyMap.hashOf(keys[i]);
      }
      batched.prefetch(hashes, 16);
      for (int i = 0; i < 16; i++) {
        plain.changeValue(keys[i], (had, old) -> had ? old + 1 : 1);
        batched.changeValue(keys[i], hashes[i], (had, old) -> had ? old + 1 : 1);
      }
    }
    Map<Object, Integer> expected = new HashMap<>();
    plain.forEach(e -> expected.put(e._1(), e._2()));
    Map<Object, Integer> actual = new HashMap<>();
    batched.forEach(e -> actual.put(e._1(), e._2()));
    assertThat(actual).isEqualTo(expected).hasSize(plain.size());
    assertThat(actual.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5_008);
  }
}
