package dev.ember.sql.execution.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberException;
import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every join type runs the same through a broadcast hash join, a shuffled hash join (broadcasting switched
 * off) and, for non-equi conditions, a broadcast nested-loop join, on data with NULL keys and duplicates on
 * both sides and more rows than one batch holds.
 */
class JoinStrategyTest {

  private static final String SETUP_LEFT = "CREATE TEMPORARY VIEW l AS SELECT * FROM (VALUES (1, 1, 'a'), "
      + "(2, 2, 'b'), (3, 2, 'c'), (4, NULL, 'd'), (5, 5, 'e')) AS l(id, k, v)";
  private static final String SETUP_RIGHT = "CREATE TEMPORARY VIEW r AS SELECT * FROM (VALUES (1, 'x'), "
      + "(2, 'y'), (2, 'z'), (3, 'q'), (NULL, 'n')) AS r(k, w)";
  private static final List<String> QUERIES = List.of(
      "SELECT l.id, r.w FROM l JOIN r ON l.k = r.k",
      "SELECT l.id, r.w FROM l LEFT JOIN r ON l.k = r.k",
      "SELECT l.id, r.w FROM l RIGHT JOIN r ON l.k = r.k",
      "SELECT l.id, r.w FROM l FULL JOIN r ON l.k = r.k",
      "SELECT l.id, r.w FROM l FULL JOIN r ON l.k = r.k AND l.id > 2",
      "SELECT l.id FROM l LEFT SEMI JOIN r ON l.k = r.k AND r.w <> 'y'",
      "SELECT l.id FROM l LEFT ANTI JOIN r ON l.k = r.k AND r.w <> 'y'",
      "SELECT l.id, r.w FROM l JOIN r ON l.k <=> r.k",
      "SELECT l.id FROM l WHERE l.k NOT IN (SELECT k FROM r WHERE w <> 'n')");

  private static List<List<String>> run(String threshold, Consumer<String> planCheck) {
    EmberSession session = EmberSession.builder().master("local[2]").appName("JoinStrategyTest")
        .config("spark.sql.shuffle.partitions", "3")
        .config("spark.sql.autoBroadcastJoinThreshold", threshold).getOrCreate();
    try {
      session.sql(SETUP_LEFT);
      session.sql(SETUP_RIGHT);
      List<List<String>> results = new ArrayList<>();
      for (String query : QUERIES) {
        Dataset<Row> df = session.sql(query);
        planCheck.accept(df.queryExecution().executedPlan().treeString());
        results.add(df.collectAsList().stream().map(Row::toString).sorted().toList());
      }
      return results;
    } finally {
      session.stop();
    }
  }

  @Test
  void broadcastAndShuffledHashJoinsAgree() {
    // A full outer join is never broadcast: unmatched build rows must be emitted exactly once.
    List<List<String>> broadcast = run("10m", plan -> assertThat(plan.contains("FullOuter")
        || !plan.contains("ShuffledHashJoin")).as(plan).isTrue());
    List<List<String>> shuffled = run("-1", plan -> assertThat(plan).doesNotContain("BroadcastHashJoin"));
    assertThat(shuffled).isEqualTo(broadcast);
    assertThat(broadcast.get(0)).containsExactly("[1,x]", "[2,y]", "[2,z]", "[3,y]", "[3,z]");
    assertThat(broadcast.get(3)).containsExactly("[1,x]", "[2,y]", "[2,z]", "[3,y]", "[3,z]", "[4,null]",
        "[5,null]", "[null,n]", "[null,q]");
    assertThat(broadcast.get(5)).containsExactly("[1]", "[2]", "[3]");
    assertThat(broadcast.get(6)).containsExactly("[4]", "[5]");
    assertThat(broadcast.get(7)).hasSize(6);
    assertThat(broadcast.get(8)).containsExactly("[5]");
  }

  @Test
  void plansNameTheirJoinOperators() {
    EmberSession session = EmberSession.builder().master("local[2]").appName("JoinStrategyTest")
        .config("spark.sql.shuffle.partitions", "2").config("spark.sql.autoBroadcastJoinThreshold", "-1")
        .getOrCreate();
    try {
      session.sql(SETUP_LEFT);
      session.sql(SETUP_RIGHT);
      String shuffled = session.sql("SELECT * FROM l JOIN r ON l.k = r.k").queryExecution().executedPlan()
          .treeString();
      assertThat(shuffled).contains("ShuffledHashJoin [k", "Inner, BuildRight")
          .contains("Exchange hashpartitioning(k#");
      String nested = session.sql("SELECT * FROM l FULL JOIN r ON l.k < r.k").queryExecution().executedPlan()
          .treeString();
      assertThat(nested).contains("BroadcastNestedLoopJoin FullOuter, BuildRight").contains("SinglePartition");
      // A key repeated in every branch of an OR is still an equi-join key (TPC-H Q19).
      String disjunctive = session.sql("SELECT l.id FROM l, r WHERE (l.k = r.k AND l.id = 1) OR (r.k = 3 AND "
          + "l.k = r.k)").queryExecution().executedPlan().treeString();
      assertThat(disjunctive).contains("ShuffledHashJoin").doesNotContain("NestedLoop");
    } finally {
      session.stop();
    }
  }

  @Test
  void notInRunsAsANullAwareHashJoinWhenTheSubqueryIsSmall() {
    EmberSession session = EmberSession.builder().master("local[2]").appName("JoinStrategyTest")
        .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    try {
      session.sql(SETUP_LEFT);
      session.sql(SETUP_RIGHT);
      Dataset<Row> df = session.sql("SELECT id FROM l WHERE k NOT IN (SELECT k FROM r WHERE w <> 'n')");
      assertThat(df.queryExecution().executedPlan().treeString()).contains("BroadcastNullAwareAntiJoin");
      // r.k without NULL is {1, 2, 3}: only k = 5 is kept; the NULL k is unknown, so dropped.
      assertThat(df.collectAsList()).extracting(Row::toString).containsExactly("[5]");
      assertThat(session.sql("SELECT id FROM l WHERE k NOT IN (SELECT k FROM r)").collectAsList()).isEmpty();
      assertThat(session.sql("SELECT id FROM l WHERE k NOT IN (SELECT k FROM r WHERE k > 9)").count())
          .isEqualTo(5);
    } finally {
      session.stop();
    }
  }

  @Test
  void manyRowsWithDuplicateKeysSpanSeveralBatches() {
    EmberSession session = EmberSession.builder().master("local[2]").appName("JoinStrategyTest")
        .config("spark.sql.shuffle.partitions", "3").config("spark.sql.autoBroadcastJoinThreshold", "-1")
        .getOrCreate();
    try {
      StringBuilder values = new StringBuilder();
      for (int i = 0; i < 300; i++) {
        values.append(i == 0 ? "" : ", ").append('(').append(i % 10).append(", ").append(i).append(')');
      }
      session.sql("CREATE TEMPORARY VIEW big AS SELECT * FROM (VALUES " + values + ") AS big(k, n)");
      // 10 keys with 30 rows each on both sides: 10 * 30 * 30 = 9000 pairs, more than two batches.
      Row row = session.sql("SELECT count(*), sum(a.n + b.n) FROM big a JOIN big b ON a.k = b.k")
          .collectAsList().get(0);
      assertThat(row.getLong(0)).isEqualTo(9000L);
      // Each row meets the 30 rows of its key: sum over a of 30 * a.n, twice.
      assertThat(row.getLong(1)).isEqualTo(2L * 30 * (299L * 300 / 2));
    } finally {
      session.stop();
    }
  }

  @Test
  void buildSideOverItsBudgetFailsWithTheSettingToChange() {
    EmberSession session = EmberSession.builder().master("local[1]").appName("JoinStrategyTest")
        .config("spark.sql.autoBroadcastJoinThreshold", "-1")
        .config(ShuffledHashJoinExec.BUILD_BUDGET_KEY, "64").config("spark.task.maxFailures", "1").getOrCreate();
    try {
      session.sql(SETUP_LEFT);
      session.sql(SETUP_RIGHT);
      assertThatThrownBy(() -> session.sql("SELECT * FROM l JOIN r ON l.k = r.k").collectAsList())
          .isInstanceOf(EmberException.class)
          .hasMessageContaining("HASH_JOIN_BUILD_SIDE_TOO_LARGE")
          .hasMessageContaining(ShuffledHashJoinExec.BUILD_BUDGET_KEY)
          .hasMessageContaining("spark.sql.shuffle.partitions");
    } finally {
      session.stop();
    }
  }
}
