package dev.ember.sql.execution.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The index's batched build (home slots read ahead chunk by chunk) and two-pass probe: duplicates linked across
 * chunk boundaries, collisions resolved past the home slot, NULL and skipped rows, and tables grown from tiny.
 */
class LongKeyIndexPassesTest {

  private static List<String> probe(LongKeyIndex index, long[] keys, boolean[] skip) {
    IntList s = new IntList(1);
    IntList b = new IntList(1);
    index.probe(keys, skip, keys.length, s, b);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      out.add(s.get(i) + "-" + b.get(i));
    }
    return out;
  }

  @Test
  void duplicatesSpreadOverManyBuildChunksStayInBuildOrder() {
    int n = 1000;
    long[] build = new long[n];
    boolean[] nulls = new boolean[n];
    for (int i = 0; i < n; i++) {
      build[i] = i % 3;
      nulls[i] = i % 100 == 99;
    }
    LongKeyIndex index = new LongKeyIndex(build, nulls, n);
    List<String> matches = probe(index, new long[] {2, 4}, new boolean[2]);
    List<String> expected = new ArrayList<>();
    for (int i = 2; i < n; i += 3) {
      if (i % 100 != 99) {
        expected.add("0-" + i);
      }
    }
    // Rows 299, 599 and 899 have key 2 but are NULL: 333 rows with key 2 less those 3.
    assertThat(expected).hasSize(330);
    assertThat(matches).containsExactlyElementsOf(expected);
  }

  @Test
  void keysFoundPastTheirHomeSlotAndAbsentKeysEndingAtAFreeSlot() {
    // Every present key is found and every absent one stops at a free slot, whichever slots they share.
    long[] build = {10, 20, 30, 40};
    LongKeyIndex index = new LongKeyIndex(build, new boolean[4], 4);
    assertThat(probe(index, new long[] {40, 30, 20, 10, 50, 0}, new boolean[6]))
        .containsExactly("0-3", "1-2", "2-1", "3-0");
  }

  @Test
  void skippedStreamRowsMatchNothingEvenWhenTheirKeyIsPresent() {
    long[] build = {5, 6, 5};
    LongKeyIndex index = new LongKeyIndex(build, new boolean[3], 3);
    assertThat(probe(index, new long[] {5, 5, 6, 6}, new boolean[] {true, false, false, true}))
        .containsExactly("1-0", "1-2", "2-1");
  }

  @Test
  void emptyAndSingleRowBuildSides() {
    LongKeyIndex empty = new LongKeyIndex(new long[0], new boolean[0], 0);
    assertThat(probe(empty, new long[] {0, 1}, new boolean[2])).isEmpty();
    LongKeyIndex one = new LongKeyIndex(new long[] {0}, new boolean[1], 1);
    assertThat(probe(one, new long[] {0, 1}, new boolean[2])).containsExactly("0-0");
  }

  @Test
  void intListGrowsFromItsInitialCapacity() {
    IntList list = new IntList(1);
    for (int i = 0; i < 100; i++) {
      list.add(i * 2);
    }
    assertThat(list.size()).isEqualTo(100);
    assertThat(list.get(99)).isEqualTo(198);
    assertThat(list.slice(10, 13)).containsExactly(20, 22, 24);
  }
}
