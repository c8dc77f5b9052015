package dev.ember.util.collection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.Tuple2;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

class AppendOnlyMapTest {

  private static <V> Map<Object, V> contents(AppendOnlyMap<Object, V> map) {
    Map<Object, V> out = new HashMap<>();
    for (Tuple2<Object, V> entry : map) {
      out.put(entry._1(), entry._2());
    }
    return out;
  }

  private static void add(AppendOnlyMap<Object, Object> map, Object key, int delta) {
    map.changeValue(key, (had, old) -> had ? (Object) ((Integer) old + delta) : (Object) delta);
  }

  @Test
  void countsSurviveGrowthIncludingANullKey() {
    AppendOnlyMap<Object, Object> map = new AppendOnlyMap<>();
    for (int round = 0; round < 3; round++) {
      for (int key = 0; key < 1_000; key++) {
        add(map, "k" + key, key);
      }
    }
    add(map, null, 7);
    Map<Object, Object> contents = contents(map);
    assertThat(contents).hasSize(1_001);
    assertThat(contents.get("k999")).isEqualTo(2_997);
    assertThat(contents.get("k0")).isEqualTo(0);
    assertThat(contents.get(null)).isEqualTo(7);
  }

  @Test
  void combinersMergedInPlaceKeepEveryValueAcrossGrowth() {
    AppendOnlyMap<Object, List<Integer>> map = new AppendOnlyMap<>();
    for (int value = 0; value < 5_000; value++) {
      int added = value;
      map.changeValue("k" + value % 700, (had, old) -> {
        List<Integer> list = had ? old : new ArrayList<>();
        list.add(added);
        return list;
      });
    }
    Map<Object, List<Integer>> contents = contents(map);
    assertThat(contents).hasSize(700);
    // key k3 got 3, 703, ..., 4903: 8 values in insertion order
    assertThat(contents.get("k3")).containsExactly(3, 703, 1403, 2103, 2803, 3503, 4203, 4903);
    assertThat(contents.get("k699")).containsExactly(699, 1399, 2099, 2799, 3499, 4199, 4899);
    // a combiner replaced by a new object after in-place merges is stored
    map.changeValue("k3", (had, old) -> List.of(old.size()));
    assertThat(contents(map).get("k3")).containsExactly(8);
  }

  @Test
  void valuesOfMixedTypesAreKeptAsGiven() {
    AppendOnlyMap<Object, Object> map = new AppendOnlyMap<>();
    for (int key = 0; key < 100; key++) {
      add(map, key, 1_000 + key);
    }
    map.changeValue(50, (had, old) -> "was " + old);
    map.changeValue(200, (had, old) -> 3L);
    add(map, 1, 1);
    Map<Object, Object> contents = contents(map);
    assertThat(contents).hasSize(101);
    assertThat(contents.get(50)).isEqualTo("was 1050");
    assertThat(contents.get(200)).isEqualTo(3L);
    assertThat(contents.get(1)).isEqualTo(1_002);
    assertThat(contents.get(99)).isEqualTo(1_099);
  }

  @Test
  void sortedRunListsKeysInOrderWithTheirValues() {
    AppendOnlyMap<Object, Object> map = new AppendOnlyMap<>();
    for (int key = 9; key >= 0; key--) {
      add(map, key, key * 10);
    }
    SortedRun run = map.destructiveSortedRun(null, Comparator.comparing(k -> (Integer) k));
    assertThat(run.size()).isEqualTo(10);
    for (int i = 0; i < 10; i++) {
      assertThat(run.keyAt(i)).isEqualTo(i);
      assertThat(run.valueAt(i)).isEqualTo(i * 10);
    }
  }

  /** A key with a chosen hash code, equal only to keys of the same name. */
  private record HashedKey(String name, int hash) {
    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof HashedKey key && key.name.equals(name);
    }
  }

  /** The hash code that {@link AppendOnlyMap#hashOf} spreads to {@code spread} (spreading is invertible). */
  private static int hashCodeSpreadingTo(int spread) {
    int mixed = spread ^ (spread >>> 16);
    int inverse = 0x9E3779B9;
    for (int i = 0; i < 5; i++) {
      inverse *= 2 - 0x9E3779B9 * inverse;
    }
    return mixed * inverse;
  }

  @Test
  void keysWhoseHashIsZeroAreStoredAndFound() {
    AppendOnlyMap<Object, Object> map = new AppendOnlyMap<>();
    // "" and 0 hash to 0; a zero in the hash array marks an empty slot, so their stored hashes must not be 0
    assertThat(AppendOnlyMap.hashOf("")).isZero();
    for (int round = 0; round < 3; round++) {
      add(map, "", 1);
      add(map, 0, 10);
      add(map, new HashedKey("z", 0), 100);
      for (int key = 1; key < 200; key++) {
        add(map, key, 1);
      }
    }
    Map<Object, Object> contents = contents(map);
    assertThat(contents).hasSize(202);
    assertThat(contents.get("")).isEqualTo(3);
    assertThat(contents.get(0)).isEqualTo(30);
    assertThat(contents.get(new HashedKey("z", 0))).isEqualTo(300);
    assertThat(contents.get(199)).isEqualTo(3);
  }

  @Test
  void hashesDifferingOnlyInTheTopBitStayDistinctKeys() {
    int low = hashCodeSpreadingTo(0x1234_5678);
    int high = hashCodeSpreadingTo(0x9234_5678);
    assertThat(AppendOnlyMap.hashOf(new HashedKey("a", low))).isEqualTo(0x1234_5678);
    assertThat(AppendOnlyMap.hashOf(new HashedKey("b", high))).isEqualTo(0x9234_5678);
    AppendOnlyMap<Object, Object> map = new AppendOnlyMap<>();
    for (int round = 0; round < 4; round++) {
      add(map, new HashedKey("a", low), 1);
      add(map, new HashedKey("b", high), 5);
      // enough other keys to grow the table several times between the rounds
      for (int key = 0; key < 300; key++) {
        add(map, "r" + round + "k" + key, 1);
      }
    }
    Map<Object, Object> contents = contents(map);
    assertThat(contents).hasSize(2 + 4 * 300);
    assertThat(contents.get(new HashedKey("a", low))).isEqualTo(4);
    assertThat(contents.get(new HashedKey("b", high))).isEqualTo(20);
  }

  @Test
  void keysSharingOneHashCodeProbeThroughGrowth() {
    AppendOnlyMap<Object, Object> map = new AppendOnlyMap<>();
    for (int round = 0; round < 2; round++) {
      for (int key = 0; key < 500; key++) {
        add(map, new HashedKey("c" + key, 42), key);
      }
    }
    Map<Object, Object> contents = contents(map);
    assertThat(contents).hasSize(500);
    assertThat(contents.get(new HashedKey("c0", 42))).isEqualTo(0);
    assertThat(contents.get(new HashedKey("c499", 42))).isEqualTo(998);
  }

  @Test
  void prefetchThenChangeValueCountsLikeChangeValueAlone() {
    AppendOnlyMap<Object, Object> map = new AppendOnlyMap<>();
    String[] words = {"a", "", "b", "a", "", "c", "a", "b"};
    int[] hashes = new int[words.length];
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < words.length; i++) {
        hashes[i] = AppendOnlyMap.hashOf(words[i]);
      }
      map.prefetch(hashes, words.length);
      for (int i = 0; i < words.length; i++) {
        map.changeValue(words[i], hashes[i], (had, old) -> had ? (Object) ((Integer) old + 1) : (Object) 1);
      }
    }
    assertThat(contents(map)).containsOnly(Map.entry("a", 6), Map.entry("", 4), Map.entry("b", 4),
        Map.entry("c", 2));
  }
}
