package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.join.BroadcastHashJoinExec;
import dev.ember.sql.execution.join.BroadcastNestedLoopJoinExec;
import dev.ember.sql.execution.join.ShuffledHashJoinExec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Join strategy hints through the DataFrame API ({@code broadcast(df)}, {@code df.hint(...)}): the planner
 * picks the join they ask for with broadcasting off, results equal the unhinted ones, and a hint the join type
 * does not allow leaves the plan unchanged.
 */
class JoinHintTest {

  private static EmberSession session;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("JoinHintTest")
        .config("spark.sql.shuffle.partitions", "3").config("spark.sql.autoBroadcastJoinThreshold", "-1")
        .config("spark.sql.adaptive.enabled", "false").getOrCreate();
    session.sql("CREATE OR REPLACE TEMP VIEW a AS SELECT * FROM VALUES (1, 'a1'), (2, 'a2'), (3, 'a3') AS a(k, x)");
    session.sql("CREATE OR REPLACE TEMP VIEW b AS SELECT * FROM VALUES (1, 'b1'), (3, 'b3'), (4, 'b4') AS b(k, y)");
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static Dataset<Row> a() {
    return session.table("a");
  }

  private static Dataset<Row> b() {
    return session.table("b");
  }

  private static List<PhysicalPlan> joins(Dataset<Row> df) {
    List<PhysicalPlan> out = new ArrayList<>();
    collect(df.queryExecution().executedPlan(), out);
    return out;
  }

  private static void collect(PhysicalPlan plan, List<PhysicalPlan> out) {
    if (plan instanceof BroadcastHashJoinExec || plan instanceof ShuffledHashJoinExec
        || plan instanceof BroadcastNestedLoopJoinExec) {
      out.add(plan);
    }
    plan.children().forEach(c -> collect(c, out));
  }

  private static List<String> rows(Dataset<Row> df) {
    return df.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  @Test
  void unhintedJoinIsShuffledWithBroadcastOff() {
    assertThat(joins(a().join(b(), "k"))).singleElement().isInstanceOf(ShuffledHashJoinExec.class);
  }

  @Test
  void broadcastFunctionBroadcastsTheHintedSide() {
    Dataset<Row> joined = a().join(functions.broadcast(b()), "k");
    PhysicalPlan join = joins(joined).get(0);
    assertThat(join).isInstanceOf(BroadcastHashJoinExec.class);
    assertThat(join.simpleString()).contains("BuildRight");
    assertThat(rows(joined)).containsExactly("[1,a1,b1]", "[3,a3,b3]");
    assertThat(rows(joined)).isEqualTo(rows(a().join(b(), "k")));
    Dataset<Row> left = functions.broadcast(a()).join(b(), "k");
    assertThat(joins(left).get(0)).isInstanceOf(BroadcastHashJoinExec.class);
    assertThat(joins(left).get(0).simpleString()).contains("BuildLeft");
  }

  @Test
  void hintAliasesSelectTheirStrategies() {
    for (String name : List.of("broadcast", "BROADCASTJOIN", "mapjoin")) {
      assertThat(joins(a().join(b().hint(name), "k")).get(0)).as(name).isInstanceOf(BroadcastHashJoinExec.class);
    }
    Dataset<Row> hashed = a().hint("shuffle_hash").join(b(), "k");
    assertThat(joins(hashed).get(0)).isInstanceOf(ShuffledHashJoinExec.class);
    assertThat(joins(hashed).get(0).simpleString()).contains("BuildLeft");
    assertThat(rows(hashed)).containsExactly("[1,a1,b1]", "[3,a3,b3]");
    for (String name : List.of("merge", "SHUFFLE_MERGE", "mergejoin")) {
      assertThat(joins(a().join(b().hint(name), "k")).get(0)).as(name).isInstanceOf(ShuffledHashJoinExec.class);
    }
    Dataset<Row> nested = a().join(b().hint("shuffle_replicate_nl"), "k");
    assertThat(joins(nested).get(0)).isInstanceOf(BroadcastNestedLoopJoinExec.class);
    assertThat(rows(nested)).containsExactly("[1,a1,b1]", "[3,a3,b3]");
  }

  @Test
  void broadcastHintBeatsATinyThreshold() {
    session.conf().set("spark.sql.autoBroadcastJoinThreshold", "1");
    try {
      assertThat(joins(a().join(b(), "k")).get(0)).isInstanceOf(ShuffledHashJoinExec.class);
      assertThat(joins(a().join(functions.broadcast(b()), "k")).get(0)).isInstanceOf(BroadcastHashJoinExec.class);
    } finally {
      session.conf().set("spark.sql.autoBroadcastJoinThreshold", "-1");
    }
  }

  @Test
  void broadcastingALeftOuterJoinsPreservedSideIsIgnored() {
    Dataset<Row> hinted = functions.broadcast(a()).join(b(), a().col("k").equalTo(b().col("k")), "left_outer");
    Dataset<Row> plain = a().join(b(), a().col("k").equalTo(b().col("k")), "left_outer");
    assertThat(joins(hinted).get(0)).isInstanceOf(ShuffledHashJoinExec.class);
    assertThat(joins(hinted).get(0).simpleString()).isEqualTo(joins(plain).get(0).simpleString());
    assertThat(rows(hinted)).isEqualTo(rows(plain)).hasSize(3);
  }

  @Test
  void hintSurvivesFiltersPushedIntoTheHintedSide() {
    Dataset<Row> joined = a().join(functions.broadcast(b()), "k").where("y <> 'b3'");
    assertThat(joins(joined).get(0)).isInstanceOf(BroadcastHashJoinExec.class);
    assertThat(rows(joined)).containsExactly("[1,a1,b1]");
    assertThat(joined.queryExecution().optimizedPlan().treeString()).contains("rightHint=(strategy=broadcast)");
  }

  @Test
  void adaptiveExecutionKeepsAHintedBroadcast() {
    session.conf().set("spark.sql.adaptive.enabled", "true");
    try {
      Dataset<Row> joined = a().join(functions.broadcast(b()), "k");
      assertThat(joins(joined)).singleElement().isInstanceOf(BroadcastHashJoinExec.class);
      assertThat(rows(joined)).containsExactly("[1,a1,b1]", "[3,a3,b3]");
    } finally {
      session.conf().set("spark.sql.adaptive.enabled", "false");
    }
  }

  @Test
  void joinReorderingLeavesAHintedJoinWhole() {
    Dataset<Row> c = session.sql("SELECT * FROM VALUES (3, 'c3'), (1, 'c1') AS c(k, z)");
    Dataset<Row> joined = a().join(functions.broadcast(b()), "k").join(c, "k");
    List<PhysicalPlan> found = joins(joined);
    assertThat(found).hasSize(2);
    assertThat(found).filteredOn(j -> j instanceof BroadcastHashJoinExec).hasSize(1);
    assertThat(rows(joined)).containsExactly("[1,a1,b1,c1]", "[3,a3,b3,c3]");
  }

  @Test
  void analyzedPlanShowsTheHint() {
    Dataset<Row> joined = a().join(functions.broadcast(b()), "k");
    assertThat(joined.queryExecution().analyzed().treeString()).contains("ResolvedHint (strategy=broadcast)");
    assertThat(joined.queryExecution().explainString(true)).contains("ResolvedHint (strategy=broadcast)");
  }

  @Test
  void sqlHintsNameRelationsCaseInsensitively() {
    Dataset<Row> broadcast = session.sql("SELECT /*+ BROADCAST(B) */ a.k, y FROM a JOIN b ON a.k = b.k");
    assertThat(joins(broadcast).get(0)).isInstanceOf(BroadcastHashJoinExec.class);
    assertThat(joins(broadcast).get(0).simpleString()).contains("BuildRight");
    Dataset<Row> aliased = session.sql("SELECT /*+ shuffle_hash(l) */ l.k FROM a l JOIN b r ON l.k = r.k");
    assertThat(joins(aliased).get(0)).isInstanceOf(ShuffledHashJoinExec.class);
    assertThat(joins(aliased).get(0).simpleString()).contains("BuildLeft");
    Dataset<Row> unknown = session.sql("SELECT /*+ BROADCAST(nothing), WHATEVER */ a.k FROM a JOIN b ON a.k = b.k");
    assertThat(joins(unknown).get(0)).isInstanceOf(ShuffledHashJoinExec.class);
    assertThat(rows(unknown)).containsExactly("[1]", "[3]");
    Dataset<Row> nested = session.sql("SELECT /*+ SHUFFLE_REPLICATE_NL(a) */ a.k FROM a JOIN b ON a.k = b.k");
    assertThat(joins(nested).get(0)).isInstanceOf(BroadcastNestedLoopJoinExec.class);
  }

  @Test
  void sqlPartitioningHintsSetPartitionCounts() {
    assertThat(session.sql("SELECT /*+ REPARTITION(5) */ * FROM a").rdd().getNumPartitions()).isEqualTo(5);
    assertThat(session.sql("SELECT /*+ COALESCE(1) */ * FROM a").rdd().getNumPartitions()).isEqualTo(1);
    assertThat(session.sql("SELECT /*+ REPARTITION(k) */ * FROM a").rdd().getNumPartitions()).isEqualTo(3);
    assertThat(session.sql("SELECT /*+ REPARTITION_BY_RANGE(2, k) */ * FROM a").rdd().getNumPartitions())
        .isEqualTo(2);
    assertThat(session.sql("SELECT /*+ REBALANCE */ * FROM a").rdd().getNumPartitions()).isEqualTo(3);
  }

  @Test
  void explainExtendedShowsTheSqlHint() {
    String explain = session.sql("EXPLAIN EXTENDED SELECT /*+ MAPJOIN(b) */ a.k FROM a JOIN b ON a.k = b.k")
        .collectAsList().get(0).getString(0);
    assertThat(explain).contains("ResolvedHint (strategy=broadcast)").contains("BroadcastHashJoin");
    assertThat(explain).contains("rightHint=(strategy=broadcast)");
  }

  @Test
  void partitioningHints() {
    assertThat(a().hint("repartition", 5).rdd().getNumPartitions()).isEqualTo(5);
    assertThat(a().hint("REPARTITION", 4, "k").rdd().getNumPartitions()).isEqualTo(4);
    assertThat(a().hint("repartition", 6).hint("coalesce", 2).rdd().getNumPartitions()).isEqualTo(2);
    assertThat(rows(a().hint("repartition", 4, "k"))).containsExactly("[1,a1]", "[2,a2]", "[3,a3]");
  }

  @Test
  void unknownHintIsIgnoredAndBadCoalesceFails() {
    assertThat(rows(a().hint("no_such_hint", 1))).containsExactly("[1,a1]", "[2,a2]", "[3,a3]");
    assertThatThrownBy(() -> a().hint("coalesce", "k")).isInstanceOf(AnalysisException.class)
        .hasMessageContaining("INVALID_HINT_PARAMETERS");
  }
}
