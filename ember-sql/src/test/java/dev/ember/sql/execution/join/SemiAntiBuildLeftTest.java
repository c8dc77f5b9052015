package dev.ember.sql.execution.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Left semi and anti joins whose shuffled hash join builds the left side when it has at most half the right's
 * rows, checked against hand-computed answers and against the same queries built on the right side: duplicate
 * and NULL keys on both sides, residual conditions true, false or NULL, empty sides, seven partitions and more
 * rows than one batch holds.
 */
class SemiAntiBuildLeftTest {

  private static EmberSession session;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("SemiAntiBuildLeftTest")
        .config("spark.sql.shuffle.partitions", "7").config("spark.sql.autoBroadcastJoinThreshold", "-1")
        .getOrCreate();
    session.sql("CREATE TEMPORARY VIEW l AS SELECT * FROM (VALUES (1, 1), (2, 2), (3, 2), (3, 2), (4, NULL), "
        + "(5, 9)) AS l(id, k)");
    session.sql("CREATE TEMPORARY VIEW r AS SELECT * FROM (VALUES (1, 5), (2, NULL), (2, 3), (2, 3), (NULL, 1), "
        + "(3, 1), (7, 1), (7, 1), (8, 1), (20, 1), (21, 1), (22, 1)) AS r(k, v)");
    session.sql("CREATE TEMPORARY VIEW d AS SELECT * FROM VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9) "
        + "AS d(x)");
    session.sql("CREATE TEMPORARY VIEW ids AS SELECT a.x + 10 * b.x + 100 * c.x + 1000 * e.x AS id "
        + "FROM d a, d b, d c, d e");
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  /** The sorted rows of {@code query} built on the left (its plan shows {@code planMarker}) and on the right. */
  private static List<String> rows(String query, String planMarker) {
    session.conf().set(JoinSelection.SEMI_ANTI_BUILD_LEFT_KEY, "true");
    Dataset<Row> df = session.sql(query);
    assertThat(df.queryExecution().executedPlan().treeString()).contains(planMarker)
        .doesNotContain("BroadcastHashJoin");
    List<String> left = df.collectAsList().stream().map(Row::toString).sorted().toList();
    session.conf().set(JoinSelection.SEMI_ANTI_BUILD_LEFT_KEY, "false");
    try {
      Dataset<Row> built = session.sql(query);
      assertThat(built.queryExecution().executedPlan().treeString()).contains(planMarker.replace("BuildLeft",
          "BuildRight"));
      assertThat(built.collectAsList().stream().map(Row::toString).sorted().toList()).isEqualTo(left);
    } finally {
      session.conf().set(JoinSelection.SEMI_ANTI_BUILD_LEFT_KEY, "true");
    }
    return left;
  }

  @Test
  void semiJoinEmitsEachMatchedLeftRowOnce() {
    assertThat(rows("SELECT id, k FROM l WHERE EXISTS (SELECT 1 FROM r WHERE r.k = l.k)", "LeftSemi, BuildLeft"))
        .containsExactly("[1,1]", "[2,2]", "[3,2]", "[3,2]");
  }

  @Test
  void antiJoinEmitsNeverMatchedLeftRowsWithNullKeys() {
    assertThat(rows("SELECT id, k FROM l WHERE NOT EXISTS (SELECT 1 FROM r WHERE r.k = l.k)",
        "LeftAnti, BuildLeft")).containsExactly("[4,null]", "[5,9]");
  }

  @Test
  void residualConditionDecidesPerPair() {
    // id 1: 5 > 1; id 2: NULL, then 3 > 2; id 3: NULL, 3 > 3 false: unmatched.
    assertThat(rows("SELECT id FROM l WHERE EXISTS (SELECT 1 FROM r WHERE r.k = l.k AND r.v > l.id)",
        "LeftSemi, BuildLeft")).containsExactly("[1]", "[2]");
    assertThat(rows("SELECT id FROM l WHERE NOT EXISTS (SELECT 1 FROM r WHERE r.k = l.k AND r.v > l.id)",
        "LeftAnti, BuildLeft")).containsExactly("[3]", "[3]", "[4]", "[5]");
    assertThat(rows("SELECT id FROM l WHERE EXISTS (SELECT 1 FROM r WHERE r.k = l.k AND r.v + l.id > 1000)",
        "LeftSemi, BuildLeft")).isEmpty();
  }

  @Test
  void emptyLeftSide() {
    assertThat(rows("SELECT id FROM (SELECT * FROM l WHERE id > 100) l WHERE NOT EXISTS "
        + "(SELECT 1 FROM r WHERE r.k = l.k)", "LeftAnti, BuildLeft")).isEmpty();
  }

  @Test
  void manyBatchesOverSevenPartitions() {
    // Each id under 5000 meets b rows y = 0 and 1: (id + y) % 3 = 0 passes unless id % 3 = 1 (1667 such ids).
    String b = "(SELECT id % 5000 AS k, y FROM ids, (SELECT * FROM VALUES (0), (1) AS t(y))) b";
    assertThat(rows("SELECT count(*), sum(id) FROM ids a WHERE EXISTS (SELECT 1 FROM " + b
        + " WHERE b.k = a.id AND (a.id + b.y) % 3 = 0)", "LeftSemi, BuildLeft"))
        .containsExactly("[3333,8330000]");
    assertThat(rows("SELECT count(*), sum(id) FROM ids a WHERE NOT EXISTS (SELECT 1 FROM " + b
        + " WHERE b.k = a.id AND (a.id + b.y) % 3 = 0)", "LeftAnti, BuildLeft"))
        .containsExactly("[6667,41665000]");
  }

  @Test
  void outputStaysPartitionedByTheLeftKeys() {
    String query = "SELECT k, count(*) FROM l WHERE EXISTS (SELECT 1 FROM r WHERE r.k = l.k) GROUP BY k";
    String plan = session.sql(query).queryExecution().executedPlan().treeString();
    assertThat(plan.split("Exchange", -1)).hasSize(3);
    assertThat(rows(query, "LeftSemi, BuildLeft")).containsExactly("[1,1]", "[2,3]");
  }

  @Test
  void largerLeftSideIsStillStreamed() {
    assertThat(rows("SELECT k FROM r WHERE EXISTS (SELECT 1 FROM l WHERE r.k = l.k)", "LeftSemi, BuildRight"))
        .containsExactly("[1]", "[2]", "[2]", "[2]");
  }
}
