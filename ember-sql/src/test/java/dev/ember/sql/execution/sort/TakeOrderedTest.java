package dev.ember.sql.execution.sort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.RowFactory;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ORDER BY ... LIMIT n is planned as a top-n per partition and over all of them, with a sort's answers. */
class TakeOrderedTest {

  private static final String THRESHOLD = "spark.sql.execution.topKSortFallbackThreshold";
  private static EmberSession session;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("TakeOrderedTest")
        .config("spark.sql.shuffle.partitions", "3").getOrCreate();
    // 10,000 rows in 4 partitions: g = id % 7 (ties galore), v = id % 100 or NULL when id % 1000 = 0.
    List<Row> rows = new ArrayList<>();
    for (long id = 0; id < 10_000; id++) {
      rows.add(RowFactory.create(id, id % 7, id % 1000 == 0 ? null : id % 100, "s" + id));
    }
    StructType schema = new StructType().add("id", DataTypes.LongType).add("g", DataTypes.LongType)
        .add("v", DataTypes.LongType).add("s", DataTypes.StringType);
    session.createDataFrame(rows, schema).repartition(4).createOrReplaceTempView("t");
  }

  @AfterEach
  void reset() {
    session.conf().unset(THRESHOLD);
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static List<String> rows(String sql) {
    List<String> out = new ArrayList<>();
    for (Row row : session.sql(sql).collectAsList()) {
      out.add(row.toString());
    }
    return out;
  }

  private static String plan(String sql) {
    return session.sql(sql).queryExecution().explainString("simple");
  }

  @Test
  void limitOverOrderByIsATopNNotASort() {
    String sql = "SELECT id, v FROM t ORDER BY v DESC NULLS LAST, id LIMIT 3";
    assertThat(plan(sql)).contains("TakeOrderedAndProject(limit=3").contains("LocalTakeOrdered(limit=3")
        .doesNotContain("Sort [");
    // v = 99 for id = 99, 199, 299, ...
    assertThat(rows(sql)).containsExactly("[99,99]", "[199,99]", "[299,99]");
  }

  @Test
  void nullsArePlacedAsTheOrderSays() {
    assertThat(rows("SELECT id FROM t ORDER BY v NULLS FIRST, id DESC LIMIT 2"))
        .containsExactly("[9000]", "[8000]");
    assertThat(rows("SELECT id FROM t ORDER BY v DESC NULLS FIRST, id LIMIT 11"))
        .startsWith("[0]", "[1000]").endsWith("[9000]", "[99]");
  }

  @Test
  void tiesKeepTheOrderASortWouldGive() {
    String sql = "SELECT g, id FROM t ORDER BY g LIMIT 25";
    List<String> top = rows(sql);
    session.conf().set(THRESHOLD, "10");
    assertThat(plan(sql)).contains("Sort [").doesNotContain("TakeOrdered");
    assertThat(rows(sql)).isEqualTo(top);
    assertThat(top).hasSize(25).allMatch(r -> r.startsWith("[0,"));
  }

  @Test
  void projectionsAboveTheSortStayAbove() {
    String sql = "SELECT upper(s) AS u, id + 1 AS next FROM t ORDER BY id DESC LIMIT 2";
    assertThat(plan(sql)).contains("TakeOrderedAndProject");
    assertThat(rows(sql)).containsExactly("[S9999,10000]", "[S9998,9999]");
  }

  @Test
  void aLimitBeyondTheRowsSortsThemAllAndZeroKeepsNone() {
    assertThat(rows("SELECT id FROM t WHERE id < 5 ORDER BY id DESC LIMIT 100"))
        .containsExactly("[4]", "[3]", "[2]", "[1]", "[0]");
    assertThat(rows("SELECT id FROM t ORDER BY id LIMIT 0")).isEmpty();
  }

  @Test
  void offsetAppliesAfterTheTopN() {
    // LIMIT n OFFSET m skips m rows, then returns n.
    assertThat(rows("SELECT id FROM t ORDER BY id DESC LIMIT 1 OFFSET 2")).containsExactly("[9997]");
    assertThat(rows("SELECT id FROM t ORDER BY id DESC LIMIT 3 OFFSET 2")).containsExactly("[9997]", "[9996]",
        "[9995]");
  }

  @Test
  void dataFrameOrderByLimitAndHeadUseIt() {
    var df = session.table("t").orderBy(session.table("t").col("id").desc()).limit(2);
    assertThat(df.queryExecution().explainString("simple")).contains("TakeOrderedAndProject");
    assertThat(df.collectAsList().toString()).isEqualTo("[[9999,3,99,s9999], [9998,2,98,s9998]]");
  }

  /** The stages the collection of {@code sql} ran, and its rows. */
  private static List<String> rowsCountingStages(String sql, java.util.concurrent.atomic.AtomicInteger stages)
      throws InterruptedException {
    dev.ember.scheduler.EmberListener counter = new dev.ember.scheduler.EmberListener() {
      @Override
      public void onStageSubmitted(dev.ember.scheduler.EmberListenerEvent.StageSubmitted event) {
        stages.incrementAndGet();
      }
    };
    session.emberContext().addEmberListener(counter);
    try {
      List<String> out = rows(sql);
      session.emberContext().listenerBus().waitUntilEmpty(5_000);
      return out;
    } finally {
      session.emberContext().removeEmberListener(counter);
    }
  }

  @Test
  void collectedTopRowsOfSeveralPartitionsAreMergedOnTheDriverWithoutAShuffleStage() throws Exception {
    String sql = "SELECT id, v FROM t ORDER BY v DESC NULLS LAST, id LIMIT 3";
    java.util.concurrent.atomic.AtomicInteger stages = new java.util.concurrent.atomic.AtomicInteger();
    // The view's own repartition(4) is one shuffle stage; the top-n adds no second one.
    assertThat(rowsCountingStages(sql, stages)).containsExactly("[99,99]", "[199,99]", "[299,99]");
    assertThat(stages.get()).isEqualTo(2);
    var df = session.sql(sql);
    df.collectAsList();
    assertThat(df.queryExecution().explainString("simple"))
        .containsSubsequence("TakeOrderedAndProject(limit=3", "merged on the driver: the exchange below did not run",
            "Exchange SinglePartition", "LocalTakeOrdered(limit=3");
  }

  @Test
  void theDriverMergeKeepsTiesNullsAndEmptyResultsAsTheExchangeDid() {
    // Ties on g keep the input order across partitions, as the single-partition shuffle read them.
    List<String> ties = rows("SELECT g, id FROM t ORDER BY g LIMIT 25");
    session.conf().set(THRESHOLD, "10");
    assertThat(rows("SELECT g, id FROM t ORDER BY g LIMIT 25")).isEqualTo(ties);
    session.conf().unset(THRESHOLD);
    assertThat(rows("SELECT id FROM t ORDER BY v NULLS FIRST, id DESC LIMIT 2")).containsExactly("[9000]", "[8000]");
    assertThat(rows("SELECT id FROM t WHERE id < 0 ORDER BY id LIMIT 5")).isEmpty();
    assertThat(rows("SELECT id FROM t ORDER BY id LIMIT 0")).isEmpty();
  }

  @Test
  void aNondeterministicOrderRunsTheExchangeAsPlanned() {
    var df = session.sql("SELECT id FROM t ORDER BY rand(7) LIMIT 4");
    assertThat(df.collectAsList()).hasSize(4);
    assertThat(df.queryExecution().explainString("simple")).doesNotContain("merged on the driver");
  }
}
