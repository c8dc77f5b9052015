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
 * Shuffled hash joins that build an outer join's preserved side when it has at most half the other's
 * rows: a left outer join building its left side, a right outer join its right side. Duplicates and NULL keys
 * on both sides, residual conditions that are true, false or NULL, empty sides, nothing matched, and more rows
 * than one batch holds.
 */
class PreservedSideBuildTest {

  private static EmberSession session;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("PreservedSideBuildTest")
        .config("spark.sql.shuffle.partitions", "3").config("spark.sql.autoBroadcastJoinThreshold", "-1")
        .getOrCreate();
    session.sql("CREATE TEMPORARY VIEW l AS SELECT * FROM (VALUES (1, 1), (2, 2), (3, 2), (4, NULL), (5, 9)) "
        + "AS l(id, k)");
    session.sql("CREATE TEMPORARY VIEW r AS SELECT * FROM (VALUES (1, 'x', 5), (2, 'y', NULL), (2, 'z', 3), "
        + "(NULL, 'n', 1), (3, 'q', 1), (7, 's', 1), (7, 't', 1), (8, 'u', 1), (20, 'a', 1), (21, 'b', 1), "
        + "(22, 'c', 1), (23, 'd', 1), (24, 'e', 1), (25, 'f', 1), (26, 'g', 1), (27, 'h', 1)) AS r(k, w, v)");
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static List<String> rows(String query, String planMarker) {
    Dataset<Row> df = session.sql(query);
    String plan = df.queryExecution().executedPlan().treeString();
    if (planMarker != null) {
      assertThat(plan).contains(planMarker).doesNotContain("BroadcastHashJoin");
    }
    return df.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  @Test
  void leftOuterJoinBuildsItsSmallerLeftSide() {
    assertThat(rows("SELECT l.id, r.w FROM l LEFT JOIN r ON l.k = r.k", "LeftOuter, BuildLeft"))
        .containsExactly("[1,x]", "[2,y]", "[2,z]", "[3,y]", "[3,z]", "[4,null]", "[5,null]");
  }

  @Test
  void rightOuterJoinBuildsItsSmallerRightSide() {
    assertThat(rows("SELECT l.id, r.w FROM r RIGHT JOIN l ON r.k = l.k", "RightOuter, BuildRight"))
        .containsExactly("[1,x]", "[2,y]", "[2,z]", "[3,y]", "[3,z]", "[4,null]", "[5,null]");
  }

  @Test
  void largerPreservedSideIsStillStreamed() {
    assertThat(rows("SELECT l.id, r.w FROM r LEFT JOIN l ON r.k = l.k", "LeftOuter, BuildRight"))
        .containsExactly("[1,x]", "[2,y]", "[2,z]", "[3,y]", "[3,z]", "[null,a]", "[null,b]", "[null,c]",
            "[null,d]", "[null,e]", "[null,f]", "[null,g]", "[null,h]", "[null,n]", "[null,q]", "[null,s]",
            "[null,t]", "[null,u]");
  }

  @Test
  void residualConditionsDecideWhichBuildRowsMatched() {
    // (1,x,5): 1 < 5 true; (2,y,NULL) and (3,y,NULL): NULL; (2,z,3): true; (3,z,3): false, so 3 is unmatched.
    assertThat(rows("SELECT l.id, r.w FROM l LEFT JOIN r ON l.k = r.k AND l.id < r.v", "LeftOuter, BuildLeft"))
        .containsExactly("[1,x]", "[2,z]", "[3,null]", "[4,null]", "[5,null]");
    assertThat(rows("SELECT l.id, r.w FROM r RIGHT JOIN l ON r.k = l.k AND l.id < r.v", "RightOuter, BuildRight"))
        .containsExactly("[1,x]", "[2,z]", "[3,null]", "[4,null]", "[5,null]");
    assertThat(rows("SELECT l.id, r.w FROM l LEFT JOIN r ON l.k = r.k AND l.id + length(r.w) > 100",
        "LeftOuter, BuildLeft"))
        .containsExactly("[1,null]", "[2,null]", "[3,null]", "[4,null]", "[5,null]");
  }

  @Test
  void nothingMatchedPadsEveryPreservedRow() {
    assertThat(rows("SELECT l.id, r.w FROM l LEFT JOIN r ON l.k + 100 = r.k", "LeftOuter, BuildLeft"))
        .containsExactly("[1,null]", "[2,null]", "[3,null]", "[4,null]", "[5,null]");
  }

  @Test
  void emptySides() {
    assertThat(rows("SELECT l.id, r.w FROM (SELECT * FROM l WHERE id > 100) l LEFT JOIN r ON l.k = r.k", null))
        .isEmpty();
    assertThat(rows("SELECT l.id, r.w FROM l LEFT JOIN (SELECT * FROM r WHERE v > 100) r ON l.k = r.k", null))
        .containsExactly("[1,null]", "[2,null]", "[3,null]", "[4,null]", "[5,null]");
    assertThat(rows("SELECT l.id, r.w FROM r RIGHT JOIN (SELECT * FROM l WHERE id > 100) l ON l.k = r.k", null))
        .isEmpty();
  }

  @Test
  void manyBatchesOfDuplicatesAndUnmatchedRows() {
    // Ids 0..4999 each meet the six right rows with k = id; ids 5000..9999 are padded.
    session.sql("CREATE OR REPLACE TEMPORARY VIEW d AS SELECT * FROM VALUES (0), (1), (2), (3), (4), (5), (6), "
        + "(7), (8), (9) AS d(x)");
    session.sql("CREATE OR REPLACE TEMPORARY VIEW ids AS SELECT a.x + 10 * b.x + 100 * c.x + 1000 * e.x AS id "
        + "FROM d a, d b, d c, d e");
    String query = "SELECT count(*), count(b.k), sum(CASE WHEN b.k IS NULL THEN a.id END) FROM ids a LEFT JOIN "
        + "(SELECT id % 5000 AS k FROM ids, (SELECT * FROM VALUES (0), (1), (2) AS t(y))) b ON a.id = b.k";
    assertThat(session.sql(query).queryExecution().executedPlan().treeString()).contains("LeftOuter, BuildLeft");
    assertThat(rows(query, null)).containsExactly("[35000,30000,37497500]");
  }

  @Test
  void outputStaysPartitionedByThePreservedSidesKeys() {
    // The aggregate by l.k needs no exchange of its own above the join, whichever side was built.
    String plan = session.sql("SELECT l.k, count(r.w) FROM l LEFT JOIN r ON l.k = r.k GROUP BY l.k")
        .queryExecution().executedPlan().treeString();
    assertThat(plan).contains("LeftOuter, BuildLeft");
    assertThat(plan.split("Exchange", -1)).hasSize(3);
    assertThat(rows("SELECT l.k, count(r.w) FROM l LEFT JOIN r ON l.k = r.k GROUP BY l.k", null))
        .containsExactly("[1,1]", "[2,4]", "[9,0]", "[null,0]");
  }
}
