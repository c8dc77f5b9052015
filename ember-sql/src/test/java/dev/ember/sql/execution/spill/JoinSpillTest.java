package dev.ember.sql.execution.spill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberException;
import dev.ember.sql.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shuffled hash joins whose build side outgrows its budget or the task's memory fall back to a grace hash
 * join through spill files and give the same answers as in memory, for inner, outer, semi, anti and
 * null-safe joins.
 */
class JoinSpillTest {

  private static final List<String> QUERIES = List.of(
      // Every k in 0..49999 meets two ids.
      "SELECT count(*), sum(a.id), sum(length(b.w)) FROM gen a JOIN (SELECT id AS k, concat('value-', id) AS w "
          + "FROM gen) b ON a.id % 50000 = b.k",
      "SELECT count(*), count(a.id), count(b.k) FROM (SELECT id FROM gen WHERE id % 3 <> 0) a "
          + "FULL JOIN (SELECT id AS k FROM gen WHERE id % 2 = 0) b ON a.id = b.k",
      "SELECT count(*), count(b.k) FROM gen a LEFT JOIN (SELECT id AS k FROM gen WHERE id % 4 = 0) b "
          + "ON a.id = b.k",
      "SELECT count(*), sum(id) FROM gen a LEFT SEMI JOIN (SELECT id AS k FROM gen WHERE id % 2 = 0) b "
          + "ON a.id = b.k",
      "SELECT count(*) FROM gen a LEFT ANTI JOIN (SELECT id AS k FROM gen WHERE id % 2 = 0) b ON a.id = b.k",
      "SELECT count(*), count(a.k) FROM (SELECT CASE WHEN id % 10 = 0 THEN NULL ELSE id % 1000 END AS k "
          + "FROM gen) a JOIN (SELECT CASE WHEN id % 10 = 0 THEN NULL ELSE id END AS k FROM gen "
          + "WHERE id < 50000) b ON a.k <=> b.k",
      // Each k < 50000 has the build rows v = k and v = k + 50000; only the second passes the condition.
      "SELECT count(*), sum(id) FROM gen a LEFT SEMI JOIN (SELECT id % 50000 AS k, id AS v FROM gen) b "
          + "ON a.id = b.k AND b.v > a.id + 10",
      "SELECT count(*), min(id) FROM gen a LEFT ANTI JOIN (SELECT id % 50000 AS k, id AS v FROM gen) b "
          + "ON a.id = b.k AND b.v > a.id + 10");

  private record Result(List<String> rows, long diskBytesSpilled) {}

  private static Result run(long memory, String budget) {
    try (SpillTestSession spill = new SpillTestSession(memory, "spark.sql.autoBroadcastJoinThreshold", "-1",
        "ember.sql.join.shuffledHashJoinBuildBudget", budget)) {
      spill.resetMetrics();
      List<String> rows = new ArrayList<>();
      for (String query : QUERIES) {
        assertThat(spill.session.sql(query).queryExecution().executedPlan().treeString())
            .contains("ShuffledHashJoin");
        rows.add(spill.session.sql(query).collectAsList().stream().map(Row::toString).toList().toString());
      }
      spill.awaitListeners();
      assertThat(SpillTestSession.spillFilesLeft()).isZero();
      return new Result(rows, spill.diskBytesSpilled.get());
    }
  }

  @Test
  void graceHashJoinsMatchInMemoryJoins() {
    Result spilled = run(8L << 20, "200k");
    Result inMemory = run(1L << 30, "1g");
    assertThat(spilled.diskBytesSpilled()).isPositive();
    assertThat(inMemory.diskBytesSpilled()).isZero();
    assertThat(spilled.rows()).isEqualTo(inMemory.rows());
    // 100000 pairs; the ids sum to 99999 * 100000 / 2; "value-k" is 7 to 11 characters long.
    long lengths = 2L * (10 * 7 + 90 * 8 + 900 * 9 + 9000 * 10 + 40000 * 11);
    assertThat(spilled.rows().get(0)).isEqualTo("[[100000,4999950000," + lengths + "]]");
    // 66666 ids not multiples of 3, 50000 even ks, 33333 of them matched.
    assertThat(spilled.rows().get(1)).isEqualTo("[[83333,66666,50000]]");
    assertThat(spilled.rows().get(2)).isEqualTo("[[100000,25000]]");
    assertThat(spilled.rows().get(3)).isEqualTo("[[50000,2499950000]]");
    assertThat(spilled.rows().get(4)).isEqualTo("[[50000]]");
    assertThat(spilled.rows().get(6)).isEqualTo("[[50000,1249975000]]");
    assertThat(spilled.rows().get(7)).isEqualTo("[[50000,50000]]");
  }

  @Test
  void buildSideDeniedMemoryFallsBackToAGraceHashJoin() {
    // Both sides carry strings: about 7 MB in the one build partition, over the whole execution pool (about
    // 4.8 MB) that a task running alone may take, so the build spills however the tasks are scheduled.
    try (SpillTestSession spill = new SpillTestSession(8L << 20, "spark.sql.autoBroadcastJoinThreshold", "-1",
        "spark.sql.shuffle.partitions", "1")) {
      spill.resetMetrics();
      List<Row> rows = spill.session.sql("SELECT count(*), sum(a.id), max(b.w), min(a.s) FROM "
          + "(SELECT id, concat('left-', id) AS s FROM gen) a JOIN "
          + "(SELECT id AS k, concat('right-', id) AS w FROM gen) b ON a.id = b.k").collectAsList();
      spill.awaitListeners();
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0)).hasToString("[100000,4999950000,right-99999,left-0]");
      assertThat(spill.diskBytesSpilled.get()).isPositive();
      assertThat(SpillTestSession.spillFilesLeft()).isZero();
    }
  }

  @Test
  void buildSideOfOneKeyOverItsBudgetStillFails() {
    try (SpillTestSession spill = new SpillTestSession(8L << 20, "spark.sql.autoBroadcastJoinThreshold", "-1",
        "ember.sql.join.shuffledHashJoinBuildBudget", "100k", "spark.task.maxFailures", "1")) {
      assertThatThrownBy(() -> spill.session.sql("SELECT count(*) FROM gen a JOIN (SELECT 7 AS k, id FROM gen) b "
          + "ON a.id = b.k").collectAsList())
          .isInstanceOf(EmberException.class)
          .hasMessageContaining("HASH_JOIN_BUILD_SIDE_TOO_LARGE")
          .hasMessageContaining("ember.sql.join.shuffledHashJoinBuildBudget");
      spill.awaitListeners();
      assertThat(SpillTestSession.spillFilesLeft()).isZero();
    }
  }
}
