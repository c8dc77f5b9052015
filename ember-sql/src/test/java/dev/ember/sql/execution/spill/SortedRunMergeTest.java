package dev.ember.sql.execution.spill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The k-way merge of sorted runs: order, ties in run order, empty runs. */
class SortedRunMergeTest {

  private static final Comparator<Object[]> BY_KEY = Comparator.comparing(row -> (Integer) row[0]);

  private static Iterator<Object[]> run(String name, int... keys) {
    List<Object[]> rows = new ArrayList<>();
    for (int key : keys) {
      rows.add(new Object[] {key, name});
    }
    return rows.iterator();
  }

  @Test
  void mergesRunsInOrderWithTiesInRunOrder() {
    SortedRunMerge merge = new SortedRunMerge(List.of(run("a", 1, 3, 3, 7), run("b"), run("c", 0, 3, 8),
        run("d", 3)), BY_KEY);
    List<String> out = new ArrayList<>();
    while (merge.hasNext()) {
      assertThat(merge.peek()).isSameAs(merge.peek());
      Object[] row = merge.next();
      out.add(row[0] + "" + row[1]);
    }
    assertThat(out).containsExactly("0c", "1a", "3a", "3a", "3c", "3d", "7a", "8c");
    assertThatThrownBy(merge::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void noRunsMergeToNothing() {
    assertThat(new SortedRunMerge(List.of(), BY_KEY).hasNext()).isFalse();
    assertThat(new SortedRunMerge(List.of(run("a"), run("b")), BY_KEY).hasNext()).isFalse();
  }
}
