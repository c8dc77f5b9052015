package dev.ember.sql.execution.adaptive;

import static org.assertj.core.api.Assertions.assertThat;

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
 * With 200 shuffle partitions over a few hundred rows, adaptive execution reads the tiny reduce partitions
 * with a task or two, with the same answers as reading all 200; the two sides of a shuffled join are
 * coalesced with the same ranges, so the join still meets every key.
 */
class CoalesceShufflePartitionsTest {

  private EmberSession session;
  private final AtomicInteger resultTasks = new AtomicInteger();

  @BeforeEach
  void start() {
    session = EmberSession.builder().master("local[2]").appName("CoalesceShufflePartitionsTest")
        .config("spark.sql.shuffle.partitions", "200")
        .config("spark.sql.autoBroadcastJoinThreshold", "-1").getOrCreate();
    session.emberContext().addEmberListener(new EmberListener() {
      @Override
      public void onTaskEnd(EmberListenerEvent.TaskEnd event) {
        if (event.taskType().equals("ResultTask")) {
          resultTasks.incrementAndGet();
        }
      }
    });
    List<Row> facts = new ArrayList<>();
    for (long id = 0; id < 600; id++) {
      facts.add(RowFactory.create(id, id % 37, id * 2));
    }
    session.createDataFrame(facts, new StructType().add("id", DataTypes.LongType).add("k", DataTypes.LongType)
        .add("v", DataTypes.LongType)).createOrReplaceTempView("facts");
    List<Row> dims = new ArrayList<>();
    for (long k = 0; k < 30; k++) {
      dims.add(RowFactory.create(k, "d" + k));
    }
    session.createDataFrame(dims, new StructType().add("k", DataTypes.LongType).add("name", DataTypes.StringType))
        .createOrReplaceTempView("dims");
  }

  @AfterEach
  void stop() {
    session.stop();
  }

  private List<String> rows(String query) throws InterruptedException {
    session.emberContext().listenerBus().waitUntilEmpty(10_000);
    resultTasks.set(0);
    List<String> rows = session.sql(query).collectAsList().stream().map(Row::toString).toList();
    session.emberContext().listenerBus().waitUntilEmpty(10_000);
    return rows;
  }

  @Test
  void tinyPartitionsOfAnAggregateAreReadByOneTask() throws InterruptedException {
    String query = "SELECT k, count(*) AS c, sum(v) AS s FROM facts GROUP BY k";
    List<String> adaptive = rows(query);
    int adaptiveTasks = resultTasks.get();
    session.conf().set("spark.sql.adaptive.enabled", "false");
    List<String> all = rows(query);
    int allTasks = resultTasks.get();
    // One task waiting for the map stage, then one reading all 200 tiny partitions.
    assertThat(adaptiveTasks).isEqualTo(2);
    assertThat(allTasks).isEqualTo(200);
    assertThat(adaptive).hasSize(37).containsExactlyInAnyOrderElementsOf(all);
    // k = 0: ids 0, 37, ..., 592 (17 of them), v sums to 2 * 37 * (0 + 1 + ... + 16) = 10064.
    assertThat(adaptive).contains("[0,17,10064]");
  }

  @Test
  void bothSidesOfAShuffledJoinAreCoalescedAlike() throws InterruptedException {
    // Small targets give several coalesced partitions, so a mismatch between the sides would lose rows.
    session.conf().set("spark.sql.adaptive.advisoryPartitionSizeInBytes", "2k");
    session.conf().set("spark.sql.adaptive.coalescePartitions.minPartitionSize", "1b");
    String query = "SELECT f.k, d.name, count(*) AS c FROM facts f JOIN dims d ON f.k = d.k GROUP BY f.k, d.name";
    Dataset<Row> df = session.sql(query);
    assertThat(df.queryExecution().executedPlan().treeString())
        .contains("ShuffledHashJoin", "AQEShuffleRead coalesced");
    List<String> adaptive = rows(query);
    int adaptiveTasks = resultTasks.get();
    session.conf().set("spark.sql.adaptive.coalescePartitions.enabled", "false");
    List<String> all = rows(query);
    assertThat(resultTasks.get()).isEqualTo(200);
    assertThat(adaptiveTasks).isGreaterThan(2).isLessThan(100);
    // Keys 0..29 join; k = 0..8 have 17 facts each (600 = 16 * 37 + 8), k = 9..29 have 16.
    assertThat(adaptive).hasSize(30).containsExactlyInAnyOrderElementsOf(all).contains("[0,d0,17]", "[29,d29,16]");
  }

  @Test
  void explainShowsTheAdaptiveReadAndDisablingRemovesIt() {
    String query = "SELECT k, count(*) FROM facts GROUP BY k ORDER BY k";
    String plan = session.sql(query).queryExecution().explainString(false);
    assertThat(plan).containsSubsequence("Sort [", "AQEShuffleRead coalesced", "Exchange rangepartitioning(",
        "HashAggregate(", "AQEShuffleRead coalesced", "Exchange hashpartitioning(k#");
    session.conf().set("spark.sql.adaptive.enabled", "false");
    assertThat(session.sql(query).queryExecution().explainString(false)).doesNotContain("AQEShuffleRead");
  }

  @Test
  void aSortStaysOrderedAcrossCoalescedRanges() throws InterruptedException {
    session.conf().set("spark.sql.adaptive.advisoryPartitionSizeInBytes", "1k");
    session.conf().set("spark.sql.adaptive.coalescePartitions.minPartitionSize", "1b");
    List<String> sorted = rows("SELECT id FROM facts WHERE id < 300 ORDER BY id DESC");
    assertThat(sorted).hasSize(300);
    assertThat(sorted.get(0)).isEqualTo("[299]");
    assertThat(sorted.get(299)).isEqualTo("[0]");
    for (int i = 1; i < sorted.size(); i++) {
      assertThat(sorted.get(i)).isEqualTo("[" + (299 - i) + "]");
    }
  }

  @Test
  void aPartitionCountTheUserAskedForIsKept() {
    Dataset<Row> byKey = session.table("facts").repartition(5, session.table("facts").col("k"));
    assertThat(byKey.queryExecution().executedPlan().treeString()).doesNotContain("AQEShuffleRead");
    assertThat(byKey.javaRDD().getNumPartitions()).isEqualTo(5);
  }
}
