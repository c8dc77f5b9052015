package dev.ember.sql.execution.adaptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberConf;
import dev.ember.scheduler.EmberListener;
import dev.ember.scheduler.EmberListenerEvent;
import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.RowFactory;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A shuffled join whose build side, a filtered aggregate the estimates take for as large as its input, turns
 * out tiny at run time becomes a broadcast hash join, and the other side's shuffle never runs. facts has 2000
 * rows, id 0..1999, k = id % 100, a 100-character pad; group k's sum(id) is 20k + 19000 and its max(id)
 * k + 1900, so {@code HAVING sum(id) >= 20940} keeps k 97, 98, 99 and their max ids 1997, 1998, 1999.
 */
class AdaptiveHashJoinTest {

  private static final String SMALL = "(SELECT k, max(id) AS mid FROM facts GROUP BY k HAVING sum(id) >= 20940)";
  private static final String INNER = "SELECT f.id, f.k FROM facts f JOIN " + SMALL + " s ON f.id = s.mid";

  private EmberSession session;
  private final AtomicInteger mapTasks = new AtomicInteger();

  @BeforeEach
  void start() {
    session = EmberSession.builder().master("local[2]").appName("AdaptiveHashJoinTest")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.autoBroadcastJoinThreshold", "-1")
        .config("spark.sql.adaptive.autoBroadcastJoinThreshold", "20k").getOrCreate();
    session.emberContext().addEmberListener(new EmberListener() {
      @Override
      public void onTaskEnd(EmberListenerEvent.TaskEnd event) {
        if (event.taskType().equals("ShuffleMapTask")) {
          mapTasks.incrementAndGet();
        }
      }
    });
    List<Row> facts = new ArrayList<>();
    for (long id = 0; id < 2000; id++) {
      facts.add(RowFactory.create(id, id % 100, ("pad" + id * 7919 + "x".repeat(100)).substring(0, 100)));
    }
    session.createDataFrame(facts, new StructType().add("id", DataTypes.LongType).add("k", DataTypes.LongType)
        .add("pad", DataTypes.StringType)).createOrReplaceTempView("facts");
  }

  @AfterEach
  void stop() {
    session.stop();
  }

  private List<String> run(Dataset<Row> query) throws InterruptedException {
    session.emberContext().listenerBus().waitUntilEmpty(10_000);
    mapTasks.set(0);
    List<String> rows = query.collectAsList().stream().map(Row::toString).sorted().toList();
    session.emberContext().listenerBus().waitUntilEmpty(10_000);
    return rows;
  }

  @Test
  void tinyFilteredAggregateIsBroadcastAndTheOtherShuffleNeverRuns() throws InterruptedException {
    Dataset<Row> adaptive = session.sql(INNER);
    assertThat(adaptive.queryExecution().executedPlan().treeString()).contains("ShuffledHashJoin")
        .doesNotContain("BroadcastHashJoin");
    assertThat(run(adaptive)).containsExactly("[1997,97]", "[1998,98]", "[1999,99]");
    int adaptiveMapTasks = mapTasks.get();
    String after = adaptive.queryExecution().executedPlan().treeString();
    assertThat(after).contains("BroadcastHashJoin [id#").contains("(adaptive, isFinalPlan=true)")
        .contains("QueryStage materialized").doesNotContain("ShuffledHashJoin");

    session.conf().set("spark.sql.adaptive.autoBroadcastJoinThreshold", "-1");
    Dataset<Row> shuffled = session.sql(INNER);
    assertThat(run(shuffled)).containsExactly("[1997,97]", "[1998,98]", "[1999,99]");
    assertThat(shuffled.queryExecution().executedPlan().treeString()).contains("ShuffledHashJoin")
        .doesNotContain("adaptive");
    // facts, the stream side, is two local slices: its two map tasks are what the broadcast saved.
    assertThat(mapTasks.get() - adaptiveMapTasks).isEqualTo(2);
  }

  @Test
  void anAggregateBuildSideWithoutItsOwnExchangeIsProbedAndBroadcast() throws InterruptedException {
    // Grouped by the join key, the aggregate needs no exchange of its own: a probe job computes it.
    String query = "SELECT f.id FROM facts f JOIN (SELECT k FROM facts GROUP BY k HAVING sum(id) >= 20940) s "
        + "ON f.k = s.k";
    Dataset<Row> adaptive = session.sql(query);
    // k 97, 98, 99 have 20 rows each; their ids sum to 20k + 19000 each.
    List<String> rows = run(adaptive);
    assertThat(rows).hasSize(60);
    assertThat(rows.stream().mapToLong(r -> Long.parseLong(r.substring(1, r.length() - 1))).sum()).isEqualTo(62880);
    int adaptiveMapTasks = mapTasks.get();
    assertThat(adaptive.queryExecution().executedPlan().treeString())
        .contains("BroadcastHashJoin [k#").contains("(adaptive, isFinalPlan=true)")
        .contains("QueryStage materialized").doesNotContain("ShuffledHashJoin");
    session.conf().set("spark.sql.adaptive.autoBroadcastJoinThreshold", "-1");
    assertThat(run(session.sql(query))).isEqualTo(rows);
    assertThat(mapTasks.get() - adaptiveMapTasks).isEqualTo(2);
  }

  @Test
  void aProbedBuildSideOverTheThresholdRunsTheShuffledJoinAsPlanned() throws InterruptedException {
    // 100 groups of a 100-character max: about 26 KB estimated, over the 20 KB threshold.
    Dataset<Row> query = session.sql("SELECT count(*), count(s.m), sum(length(s.m)) FROM facts f LEFT JOIN "
        + "(SELECT k, max(pad) AS m FROM facts GROUP BY k) s ON f.k = s.k");
    assertThat(run(query)).containsExactly("[2000,2000,200000]");
    assertThat(query.queryExecution().executedPlan().treeString())
        .contains("ShuffledHashJoin [k#").contains("(adaptive, isFinalPlan=true)")
        .contains("QueryStage probed, over the broadcast threshold").doesNotContain("BroadcastHashJoin");
  }

  @Test
  void anAggregateRelyingOnTheJoinsPartitioningGetsItsOutputShuffledByTheKeys() throws InterruptedException {
    // The final aggregate groups by the join key: planned, it needs no exchange over the join.
    Dataset<Row> query = session.sql("SELECT f.id, count(*) FROM facts f JOIN " + SMALL
        + " s ON f.id = s.mid GROUP BY f.id");
    assertThat(run(query)).containsExactly("[1997,1]", "[1998,1]", "[1999,1]");
    String plan = query.queryExecution().executedPlan().treeString();
    assertThat(plan).contains("(adaptive, isFinalPlan=true)").doesNotContain("ShuffledHashJoin");
    assertThat(plan.indexOf("Exchange hashpartitioning(id#")).isLessThan(plan.indexOf("BroadcastHashJoin"))
        .isNotNegative();
    // A join whose partitions another join zips with its other input stays as planned; the answer holds.
    Dataset<Row> zipped = session.sql("SELECT f.id, g.k FROM facts f JOIN " + SMALL + " s ON f.id = s.mid "
        + "JOIN facts g ON f.id = g.id");
    assertThat(run(zipped)).containsExactly("[1997,97]", "[1998,98]", "[1999,99]");
  }

  @Test
  void adaptiveExecutionOffKeepsTheShuffledJoin() throws InterruptedException {
    session.conf().set("spark.sql.adaptive.enabled", "false");
    Dataset<Row> query = session.sql(INNER);
    assertThat(run(query)).containsExactly("[1997,97]", "[1998,98]", "[1999,99]");
    assertThat(query.queryExecution().executedPlan().treeString()).contains("ShuffledHashJoin")
        .doesNotContain("BroadcastHashJoin").doesNotContain("adaptive");
  }

  @Test
  void semiAndAntiJoinsAreConverted() throws InterruptedException {
    Dataset<Row> semi = session.sql("SELECT id FROM facts WHERE id IN (SELECT mid FROM " + SMALL + " s)");
    assertThat(run(semi)).containsExactly("[1997]", "[1998]", "[1999]");
    assertThat(semi.queryExecution().executedPlan().treeString()).contains("BroadcastHashJoin")
        .contains("LeftSemi");
    Dataset<Row> anti = session.sql("SELECT count(*) FROM facts f WHERE NOT EXISTS (SELECT 1 FROM " + SMALL
        + " s WHERE s.mid = f.id)");
    assertThat(run(anti)).containsExactly("[1997]");
    assertThat(anti.queryExecution().executedPlan().treeString()).contains("BroadcastHashJoin")
        .contains("LeftAnti");
  }

  @Test
  void outerSideIsNeverBroadcastAndALargeBuildSideStaysShuffled() throws InterruptedException {
    // The small side is the outer one: the shuffled join builds it, which a broadcast join may not do, so the
    // join is not made adaptive.
    Dataset<Row> left = session.sql("SELECT s.k, f.id, length(f.pad) FROM " + SMALL
        + " s LEFT JOIN facts f ON s.mid = f.id");
    assertThat(run(left)).containsExactly("[97,1997,100]", "[98,1998,100]", "[99,1999,100]");
    String plan = left.queryExecution().executedPlan().treeString();
    assertThat(plan).contains("ShuffledHashJoin").contains("LeftOuter, BuildLeft").doesNotContain("adaptive")
        .doesNotContain("BroadcastHashJoin");
    // A full outer join builds an outer side whichever it is: it is never made adaptive.
    Dataset<Row> full = session.sql("SELECT s.k, f.id FROM " + SMALL + " s FULL JOIN facts f ON s.mid = f.id "
        + "WHERE f.id >= 1996");
    assertThat(run(full)).containsExactly("[97,1997]", "[98,1998]", "[99,1999]", "[null,1996]");
    assertThat(full.queryExecution().executedPlan().treeString()).contains("ShuffledHashJoin")
        .doesNotContain("adaptive");
  }

  @Test
  void aFailingTaskAfterTheConversionReportsItsError() {
    session.conf().set("spark.sql.ansi.enabled", "true");
    Dataset<Row> failing = session.sql("SELECT 1 % (f.k - 98) FROM facts f JOIN " + SMALL + " s ON f.id = s.mid");
    assertThatThrownBy(failing::collectAsList).hasMessageContaining("DIVIDE_BY_ZERO");
    assertThat(failing.queryExecution().executedPlan().treeString()).contains("BroadcastHashJoin");
    // The session goes on: the next query is converted and answered.
    assertThat(session.sql(INNER).collectAsList()).hasSize(3);
  }

  @Test
  void adaptiveThresholdDefaultsToTheStaticOne() {
    EmberConf conf = new EmberConf(false).set("spark.sql.autoBroadcastJoinThreshold", "1k");
    assertThat(AdaptiveJoinSettings.fromConf(conf)).isEqualTo(new AdaptiveJoinSettings(true, 1024));
    conf.set("spark.sql.adaptive.autoBroadcastJoinThreshold", "-1");
    assertThat(AdaptiveJoinSettings.fromConf(conf).active()).isFalse();
    assertThat(AdaptiveJoinSettings.fromConf(new EmberConf(false)).broadcastThreshold()).isEqualTo(10L << 20);
    conf.set("spark.sql.adaptive.autoBroadcastJoinThreshold", "2m").set("spark.sql.adaptive.enabled", "false");
    assertThat(AdaptiveJoinSettings.fromConf(conf)).isEqualTo(new AdaptiveJoinSettings(false, 2L << 20));
  }
}
