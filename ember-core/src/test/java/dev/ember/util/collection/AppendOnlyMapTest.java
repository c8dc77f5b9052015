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
}
