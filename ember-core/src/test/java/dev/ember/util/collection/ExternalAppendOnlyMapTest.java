package dev.ember.util.collection;

import static org.assertj.core.api.Assertions.assertThat;

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

class ExternalAppendOnlyMapTest {

  @TempDir
  Path dir;

  private static ExternalAppendOnlyMap<Object, Integer, Integer> sumMap(SpillEnv env) {
    return new ExternalAppendOnlyMap<>(env, v -> v, Integer::sum, Integer::sum);
  }

  private static <K, C> Map<K, C> drain(Iterator<Tuple2<K, C>> it) {
    Map<K, C> result = new HashMap<>();
    while (it.hasNext()) {
      Tuple2<K, C> pair = it.next();
      assertThat(result.put(pair._1(), pair._2())).as("key %s seen twice", pair._1()).isNull();
    }
    return result;
  }

  @Test
  void combinesAcrossForcedSpills() {
    try (SpillTestSupport task = new SpillTestSupport(dir, 64L << 20, 1000)) {
      ExternalAppendOnlyMap<Object, Integer, Integer> map = sumMap(task.env);
      for (int i = 0; i < 10_000; i++) {
        map.insert("k" + (i % 500), 1);
      }
      map.insert(null, 5);
      map.insert(null, 6);
      assertThat(map.numSpills()).isEqualTo(9);
      assertThat(task.spillFiles()).isEqualTo(9);
      Map<Object, Integer> result = drain(map.iterator());
      assertThat(result).hasSize(501);
      assertThat(result.get("k0")).isEqualTo(20);
      assertThat(result.get("k499")).isEqualTo(20);
      assertThat(result.get(null)).isEqualTo(11);
      assertThat(task.context.taskMetrics().diskBytesSpilled()).isPositive();
      assertThat(task.spillFiles()).as("spill files are deleted once read").isZero();
    }
  }

  @Test
  void keepsKeysWithEqualHashCodesApart() {
    try (SpillTestSupport task = new SpillTestSupport(dir, 64L << 20, 250)) {
      ExternalAppendOnlyMap<Object, Integer, Integer> map = sumMap(task.env);
      for (int round = 0; round < 10; round++) {
        for (int id = 0; id < 100; id++) {
          map.insert(new CollidingKey(id), id);
        }
      }
      assertThat(map.numSpills()).isEqualTo(3);
      Map<Object, Integer> result = drain(map.iterator());
      assertThat(result).hasSize(100);
      for (int id = 0; id < 100; id++) {
        assertThat(result.get(new CollidingKey(id))).isEqualTo(10 * id);
      }
    }
  }

  @Test
  void spillsWhenMemoryIsDeniedAndGroupsValues() {
    try (SpillTestSupport task = new SpillTestSupport(dir, 256 * 1024, Long.MAX_VALUE)) {
      ExternalAppendOnlyMap<Object, Integer, List<Integer>> map = new ExternalAppendOnlyMap<>(task.env,
          v -> new ArrayList<>(List.of(v)), (list, v) -> {
            list.add(v);
            return list;
          }, (a, b) -> {
            a.addAll(b);
            return a;
          });
      for (int i = 0; i < 50_000; i++) {
        map.insert(i % 1000, i);
      }
      assertThat(map.numSpills()).isPositive();
      assertThat(task.context.taskMetrics().memoryBytesSpilled()).isPositive();
      assertThat(task.context.taskMetrics().peakExecutionMemory()).isPositive().isLessThanOrEqualTo(256 * 1024);
      Map<Object, List<Integer>> result = drain(map.iterator());
      assertThat(result).hasSize(1000);
      assertThat(result.get(7)).hasSize(50).allMatch(v -> v % 1000 == 7);
      assertThat(result.get(7).stream().mapToLong(Integer::longValue).sum())
          .isEqualTo(50L * 7 + 1000L * (49 * 50 / 2));
    }
  }

  @Test
  void withoutSpillsIteratesTheMemoryMap() {
    try (SpillTestSupport task = new SpillTestSupport(dir, 64L << 20, Long.MAX_VALUE)) {
      ExternalAppendOnlyMap<Object, Integer, Integer> map = sumMap(task.env);
      List<Tuple2<Object, Integer>> records =
          List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 2), new Tuple2<>("a", 3));
      map.insertAll(records.iterator());
      assertThat(map.numSpills()).isZero();
      assertThat(drain(map.iterator())).isEqualTo(Map.of("a", 4, "b", 2));
    }
  }

  @Test
  void cleanupDeletesSpillFilesOfAPartlyReadMap() {
    try (SpillTestSupport task = new SpillTestSupport(dir, 64L << 20, 100)) {
      ExternalAppendOnlyMap<Object, Integer, Integer> map = sumMap(task.env);
      for (int i = 0; i < 1000; i++) {
        map.insert(i, i);
      }
      assertThat(task.spillFiles()).isEqualTo(9);
      map.iterator().next();
      map.cleanup();
      assertThat(task.spillFiles()).isZero();
    }
  }
}
