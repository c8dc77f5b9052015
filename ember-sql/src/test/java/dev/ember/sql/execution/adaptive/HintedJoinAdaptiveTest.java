package dev.ember.sql.execution.adaptive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A join a SHUFFLE_HASH or SHUFFLE_MERGE hint chose stays a shuffled hash join under adaptive execution, as
 * Spark's AQE keeps a hinted strategy, even with a tiny build side and a high adaptive broadcast threshold;
 * the same join unhinted is converted to a broadcast join at run time. big has k 1..40, small k 2, 4, 99.
 */
class HintedJoinAdaptiveTest {

  private static EmberSession session;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("HintedJoinAdaptiveTest")
        .config("spark.sql.shuffle.partitions", "3").config("spark.sql.autoBroadcastJoinThreshold", "-1")
        .config("spark.sql.adaptive.enabled", "true")
        .config("spark.sql.adaptive.autoBroadcastJoinThreshold", "10m").getOrCreate();
    StringBuilder big = new StringBuilder("(1, 10)");
    for (int k = 2; k <= 40; k++) {
      big.append(", (").append(k).append(", ").append(k * 10).append(')');
    }
    session.sql("CREATE OR REPLACE TEMP VIEW big AS SELECT * FROM VALUES " + big + " AS b(k, v)");
    session.sql("CREATE OR REPLACE TEMP VIEW small AS SELECT * FROM VALUES (2, 'b'), (4, 'd'), (99, 'z') AS s(k, w)");
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  /** The rows, sorted, after which the executed plan shows what the join became. */
  private static List<String> run(Dataset<Row> df) {
    return df.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static String finalPlan(Dataset<Row> df) {
    return df.queryExecution().executedPlan().treeString();
  }

  @Test
  void unhintedJoinIsBroadcastAtRunTime() {
    Dataset<Row> df = session.sql("SELECT b.k, v, w FROM big b JOIN small s ON b.k = s.k");
    assertThat(run(df)).containsExactly("[2,20,b]", "[4,40,d]");
    assertThat(finalPlan(df)).contains("BroadcastHashJoin").contains("adaptive");
  }

  @Test
  void shuffleHashHintedJoinStaysShuffled() {
    for (String hint : List.of("SHUFFLE_HASH(s)", "SHUFFLE_HASH(b)", "SHUFFLE_MERGE(s)", "MERGEJOIN(b)")) {
      Dataset<Row> df = session.sql("SELECT /*+ " + hint + " */ b.k, v, w FROM big b JOIN small s ON b.k = s.k");
      assertThat(run(df)).as(hint).containsExactly("[2,20,b]", "[4,40,d]");
      assertThat(finalPlan(df)).as(hint).contains("ShuffledHashJoin").doesNotContain("BroadcastHashJoin")
          .doesNotContain("adaptive");
    }
  }

  @Test
  void dataFrameHintStaysShuffledForOuterJoins() {
    Dataset<Row> df = session.table("big").join(session.table("small").hint("shuffle_hash"),
        session.table("big").col("k").equalTo(session.table("small").col("k")), "left")
        .where("big.k <= 4").select("big.k", "w");
    assertThat(run(df)).containsExactly("[1,null]", "[2,b]", "[3,null]", "[4,d]");
    assertThat(finalPlan(df)).contains("ShuffledHashJoin").doesNotContain("BroadcastHashJoin");
  }
}
