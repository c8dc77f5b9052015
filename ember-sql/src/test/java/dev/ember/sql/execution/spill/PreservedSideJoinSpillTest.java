package dev.ember.sql.execution.spill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Outer joins whose shuffled hash join builds the preserved side keep their answers when the build side
 * overflows its budget: the grace hash join splits both sides by key, and each pair of spill files keeps the
 * matched marks of its own build rows, so every unmatched row is padded exactly once.
 */
class PreservedSideJoinSpillTest {

  // a: the 10000 ids under 10000 with a string; b: k = id % 5000 and y = id / 5000 over the 100000 ids, so each
  // id under 5000 meets twenty rows of b (y = 0..19), ten of which pass (id + y) % 2 = 0; ids from 5000 on
  // meet none.
  private static final String A = "(SELECT id, concat('left-', id) AS s FROM gen4) a";
  private static final String B = "(SELECT id % 5000 AS k, CAST(id / 5000 AS INT) AS y FROM gen) b";
  private static final List<String> QUERIES = List.of(
      "SELECT count(*), count(b.k), sum(CASE WHEN b.k IS NULL THEN a.id END), max(a.s) FROM " + A
          + " LEFT JOIN " + B + " ON a.id = b.k AND (a.id + b.y) % 2 = 0",
      "SELECT count(*), count(b.k), sum(CASE WHEN b.k IS NULL THEN a.id END), max(a.s) FROM " + B
          + " RIGHT JOIN " + A + " ON a.id = b.k AND (a.id + b.y) % 2 = 0");

  private static BuildSideSpillRun.Result run(long memory, String budget) {
    return BuildSideSpillRun.run(memory, budget, QUERIES, List.of("LeftOuter, BuildLeft", "RightOuter, BuildRight"));
  }

  @Test
  void spilledPreservedBuildSidesPadTheirUnmatchedRowsOnce() {
    BuildSideSpillRun.Result spilled = run(8L << 20, "200k");
    BuildSideSpillRun.Result inMemory = run(1L << 30, "1g");
    assertThat(spilled.diskBytesSpilled()).isPositive();
    assertThat(inMemory.diskBytesSpilled()).isZero();
    assertThat(spilled.rows()).isEqualTo(inMemory.rows());
    // 50000 passing pairs and 5000 padded ids, 5000..9999, summing to 37497500.
    String expected = "[[55000,50000,37497500,left-9999]]";
    assertThat(spilled.rows()).containsExactly(expected, expected);
  }
}
