package dev.ember.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.EmberException;
import dev.ember.HashPartitioner;
import dev.ember.RangePartitioner;
import dev.ember.Tuple2;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SortByKeyTest {

  private EmberContext sc;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("SortByKeyTest"));
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  private PairRDD<Integer, String> shuffledNumbers(int n, int slices) {
    List<Integer> numbers = new ArrayList<>(IntStream.rangeClosed(1, n).boxed().toList());
    Collections.shuffle(numbers, new Random(42));
    return sc.parallelize(numbers, slices).mapToPair(i -> new Tuple2<>(i, "v" + i));
  }

  private static List<Integer> keysOf(List<Tuple2<Integer, String>> pairs) {
    return pairs.stream().map(Tuple2::_1).toList();
  }

  @Test
  void manyPartitionsGiveAGloballySortedCollect() {
    PairRDD<Integer, String> sorted = shuffledNumbers(200, 3).sortByKey(true, 5);
    assertThat(sorted.getNumPartitions()).isEqualTo(5);
    assertThat(sorted.partitioner()).containsInstanceOf(RangePartitioner.class);
    List<Tuple2<Integer, String>> all = sorted.collect();
    assertThat(keysOf(all)).isEqualTo(IntStream.rangeClosed(1, 200).boxed().toList());
    assertThat(all.get(0)).isEqualTo(new Tuple2<>(1, "v1"));
    // Each partition holds one contiguous, sorted range of 40 keys.
    List<List<Integer>> parts = sorted.keys().mapPartitions(it -> {
      List<List<Integer>> one = new ArrayList<>();
      List<Integer> keys = new ArrayList<>();
      it.forEachRemaining(keys::add);
      one.add(keys);
      return one.iterator();
    }).collect();
    assertThat(parts).extracting(List::size).containsExactly(40, 40, 40, 40, 40);
    assertThat(parts.get(2).get(0)).isEqualTo(81);
  }

  @Test
  void descendingSort() {
    List<Integer> keys = keysOf(shuffledNumbers(50, 4).sortByKey(false, 3).collect());
    assertThat(keys).isEqualTo(IntStream.rangeClosed(1, 50).map(i -> 51 - i).boxed().toList());
  }

  @Test
  void defaultSortKeepsTheNumberOfPartitionsAndGroupsDuplicateKeys() {
    PairRDD<String, Integer> words = sc.parallelize(List.of("pear", "apple", "fig", "apple", "kiwi", "fig"), 3)
        .mapToPair(w -> new Tuple2<>(w, w.length()));
    PairRDD<String, Integer> sorted = words.sortByKey();
    assertThat(sorted.getNumPartitions()).isLessThanOrEqualTo(3);
    assertThat(sorted.keys().collect()).containsExactly("apple", "apple", "fig", "fig", "kiwi", "pear");
    assertThat(words.sortByKey(false).keys().collect())
        .containsExactly("pear", "kiwi", "fig", "fig", "apple", "apple");
  }

  @Test
  void comparatorOrdersKeys() {
    Comparator<String> byLengthThenText = (Comparator<String> & Serializable) (a, b) ->
        a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    PairRDD<String, Integer> words = sc.parallelize(List.of("ccc", "a", "bb", "aaa", "b"), 2)
        .mapToPair(w -> new Tuple2<>(w, 0));
    assertThat(words.sortByKey(byLengthThenText, true, 2).keys().collect())
        .containsExactly("a", "b", "bb", "aaa", "ccc");
    assertThat(words.sortByKey(byLengthThenText, false, 2).keys().collect())
        .containsExactly("ccc", "aaa", "bb", "b", "a");
  }

  @Test
  void nullKeysSortWithANullFriendlyComparator() {
    PairRDD<String, Integer> withNulls = sc.parallelize(Arrays.asList("b", null, "a", null, "c"), 2)
        .mapToPair(w -> new Tuple2<>(w, 1));
    assertThat(withNulls.sortByKey(Comparator.nullsFirst(Comparator.<String>naturalOrder()), true, 2)
        .keys().collect()).containsExactly(null, null, "a", "b", "c");
    assertThatThrownBy(() -> withNulls.sortByKey(true, 2).collect())
        .isInstanceOf(EmberException.class)
        .hasMessageContaining("NULL_SORT_KEY");
  }

  @Test
  void emptyInputSortsToNothing() {
    PairRDD<Integer, String> empty = sc.<Integer>emptyRDD().mapToPair(i -> new Tuple2<>(i, "x"));
    assertThat(empty.sortByKey().collect()).isEmpty();
    assertThat(sc.parallelize(List.<Integer>of(), 3).mapToPair(i -> new Tuple2<>(i, i)).sortByKey(false, 4)
        .collect()).isEmpty();
  }

  @Test
  void repartitionAndSortWithinPartitionsSortsEachPartition() {
    PairRDD<Integer, String> numbers = shuffledNumbers(12, 3);
    // Keys modulo 3 decide the partition: 0 -> 3, 6, 9, 12; 1 -> 1, 4, 7, 10; 2 -> 2, 5, 8, 11.
    PairRDD<Integer, String> sorted = numbers.repartitionAndSortWithinPartitions(new HashPartitioner(3));
    assertThat(sorted.partitioner()).contains(new HashPartitioner(3));
    assertThat(keysOf(sorted.collect())).containsExactly(3, 6, 9, 12, 1, 4, 7, 10, 2, 5, 8, 11);
    assertThat(keysOf(numbers.repartitionAndSortWithinPartitions(new HashPartitioner(3), Comparator.reverseOrder())
        .collect())).containsExactly(12, 9, 6, 3, 10, 7, 4, 1, 11, 8, 5, 2);
  }

  @Test
  void sortByComputesTheKeyOfEachElement() {
    RDD<String> words = sc.parallelize(List.of("banana", "kiwi", "apple", "fig"), 2);
    assertThat(words.sortBy(String::length, true, 2).collect()).containsExactly("fig", "kiwi", "apple", "banana");
    assertThat(words.sortBy(w -> w.charAt(w.length() - 1), false, 3).collect())
        .containsExactly("kiwi", "fig", "apple", "banana");
    assertThat(words.sortBy(w -> w, Comparator.reverseOrder(), true, 2).collect())
        .containsExactly("kiwi", "fig", "banana", "apple");
  }
}
