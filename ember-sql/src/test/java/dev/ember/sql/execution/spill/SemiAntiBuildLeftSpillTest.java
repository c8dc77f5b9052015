package dev.ember.sql.execution.spill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Semi and anti joins whose shuffled hash join builds the left side keep their answers when that side overflows
 * its budget: the grace hash join splits both sides by key, and each pair of spill files emits the marked rows
 * of its own build rows, so each left row is emitted at most once.
 */
class SemiAntiBuildLeftSpillTest {

  // a: the 10000 ids under 10000 with a string; b: k = id % 5000 and y = id / 5000 over the 100000 ids, so each
  // id under 5000 meets twenty rows of b (y = 0..19), and (id + y) % 7 = 0 passes for some y; ids from 5000 on
  // meet none.
  private static final String A = "(SELECT id, concat('left-', id) AS s FROM gen4) a";
  private static final String B = "(SELECT id % 5000 AS k, CAST(id / 5000 AS INT) AS y FROM gen) b";
  private static final List<String> QUERIES = List.of(
      "SELECT count(*), sum(a.id), max(a.s) FROM " + A + " WHERE EXISTS (SELECT 1 FROM " + B
          + " WHERE a.id = b.k AND (a.id + b.y) % 7 = 0)",
      "SELECT count(*), sum(a.id), max(a.s) FROM " + A + " WHERE NOT EXISTS (SELECT 1 FROM " + B
          + " WHERE a.id = b.k AND (a.id + b.y) % 7 = 0)");

  private static BuildSideSpillRun.Result run(long memory, String budget) {
    return BuildSideSpillRun.run(memory, budget, QUERIES, List.of("LeftSemi, BuildLeft", "LeftAnti, BuildLeft"));
  }

  @Test
  void spilledLeftBuildSidesEmitEachRowOnce() {
    BuildSideSpillRun.Result spilled = run(8L << 20, "100k");
    BuildSideSpillRun.Result inMemory = run(1L << 30, "1g");
    assertThat(spilled.diskBytesSpilled()).isPositive();
    assertThat(inMemory.diskBytesSpilled()).isZero();
    assertThat(spilled.rows()).isEqualTo(inMemory.rows());
    // Every id under 5000 matches (y ranges over 20 values, covering every residue mod 7): 0..4999 sum to
    // 12497500; the anti join keeps 5000..9999, summing to 37497500.
    assertThat(spilled.rows()).containsExactly("[[5000,12497500,left-999]]", "[[5000,37497500,left-9999]]");
  }
}
