package dev.ember.sql.execution.spill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Outer joins whose shuffled hash join builds the preserved side keep their answers when the build side
 * overflows its budget: the grace hash join splits both sides by key, and each pair of spill files keeps the
 * matched marks of its own build rows, so every unmatched row is padded exactly once.
 */
class PreservedSideJoinSpillTest {

  // a: the 100000 ids with a string; b: k = id % 50000 twice over (y = 0, 1), so each id under 50000 meets four
  // rows of b, two of which pass (id + y) % 2 = 0; ids from 50000 on meet none.
  private static final String A = "(SELECT id, concat('left-', id) AS s FROM gen) a";
  private static final String B = "(SELECT id % 50000 AS k, y FROM gen, (SELECT * FROM VALUES (0), (1) AS t(y))) b";
  private static final List<String> QUERIES = List.of(
      "SELECT count(*), count(b.k), sum(CASE WHEN b.k IS NULL THEN a.id END), max(a.s) FROM " + A
          + " LEFT JOIN " + B + " ON a.id = b.k AND (a.id + b.y) % 2 = 0",
      "SELECT count(*), count(b.k), sum(CASE WHEN b.k IS NULL THEN a.id END), max(a.s) FROM " + B
          + " RIGHT JOIN " + A + " ON a.id = b.k AND (a.id + b.y) % 2 = 0");

  private record Result(List<String> rows, long diskBytesSpilled) {}

  private static Result run(long memory, String budget) {
    try (SpillTestSession spill = new SpillTestSession(memory, "spark.sql.autoBroadcastJoinThreshold", "-1",
        "ember.sql.join.shuffledHashJoinBuildBudget", budget)) {
      spill.resetMetrics();
      List<String> rows = new ArrayList<>();
      assertThat(spill.session.sql(QUERIES.get(0)).queryExecution().executedPlan().treeString())
          .contains("LeftOuter, BuildLeft");
      assertThat(spill.session.sql(QUERIES.get(1)).queryExecution().executedPlan().treeString())
          .contains("RightOuter, BuildRight");
      for (String query : QUERIES) {
        rows.add(spill.session.sql(query).collectAsList().stream().map(Row::toString).toList().toString());
      }
      spill.awaitListeners();
      assertThat(SpillTestSession.spillFilesLeft()).isZero();
      return new Result(rows, spill.diskBytesSpilled.get());
    }
  }

  @Test
  void spilledPreservedBuildSidesPadTheirUnmatchedRowsOnce() {
    Result spilled = run(8L << 20, "200k");
    Result inMemory = run(1L << 30, "1g");
    assertThat(spilled.diskBytesSpilled()).isPositive();
    assertThat(inMemory.diskBytesSpilled()).isZero();
    assertThat(spilled.rows()).isEqualTo(inMemory.rows());
    // 100000 passing pairs and 50000 padded ids, 50000..99999, summing to 3749975000.
    String expected = "[[150000,100000,3749975000,left-99999]]";
    assertThat(spilled.rows()).containsExactly(expected, expected);
  }
}
