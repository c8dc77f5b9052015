package dev.ember.sql.execution.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.scheduler.EmberListener;
import dev.ember.scheduler.EmberListenerEvent;
import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.RowFactory;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A collected aggregate without GROUP BY merges its partitions' partial buffers on the driver instead of in a
 * shuffle stage and a single-task stage of its own, with the answers the exchange gave.
 */
class GlobalAggregateDriverMergeTest {

  private static final String MERGED = "merged on the driver: the exchange below did not run";
  private static EmberSession session;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("GlobalAggregateDriverMergeTest")
        .config("spark.sql.shuffle.partitions", "3").getOrCreate();
    // 1,000 rows in 4 partitions: id 1..1000, price = id / 100 as decimal(10,2), q = id % 10 or NULL when id % 7 = 0.
    List<Row> rows = new ArrayList<>();
    for (long id = 1; id <= 1_000; id++) {
      rows.add(RowFactory.create(id, BigDecimal.valueOf(id, 2), id % 7 == 0 ? null : id % 10));
    }
    StructType schema = new StructType().add("id", DataTypes.LongType)
        .add("price", DataTypes.createDecimalType(10, 2)).add("q", DataTypes.LongType);
    session.createDataFrame(rows, schema).repartition(4).cache().createOrReplaceTempView("t");
    session.sql("SELECT count(*) FROM t").collectAsList();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  /** The rows of {@code sql} and the stages its collection ran, counted into {@code stages}. */
  private static List<String> rowsCountingStages(String sql, AtomicInteger stages) throws InterruptedException {
    EmberListener counter = new EmberListener() {
      @Override
      public void onStageSubmitted(EmberListenerEvent.StageSubmitted event) {
        stages.incrementAndGet();
      }
    };
    session.emberContext().addEmberListener(counter);
    try {
      List<String> out = new ArrayList<>();
      for (Row row : session.sql(sql).collectAsList()) {
        out.add(row.toString());
      }
      session.emberContext().listenerBus().waitUntilEmpty(5_000);
      return out;
    } finally {
      session.emberContext().removeEmberListener(counter);
    }
  }

  @Test
  void aCollectedGlobalAggregateRunsOneStageAndSaysSoInExplain() throws Exception {
    AtomicInteger stages = new AtomicInteger();
    // sum(price) = sum(1..1000) / 100 = 5005.00; count(*) = 1000.
    assertThat(rowsCountingStages("SELECT sum(price), count(*) FROM t", stages))
        .containsExactly("[5005.00,1000]");
    // The cached view's partitions are read by one stage; no shuffle stage, no single-task final stage.
    assertThat(stages.get()).isEqualTo(1);
    Dataset<Row> df = session.sql("SELECT sum(price), count(*) FROM t");
    assertThat(df.queryExecution().explainString("simple")).doesNotContain(MERGED);
    df.collectAsList();
    assertThat(df.queryExecution().explainString("simple"))
        .containsSubsequence("HashAggregate(keys=[], functions=[sum(", MERGED, "Exchange SinglePartition",
            "HashAggregate(keys=[], functions=[partial_sum(");
  }

  @Test
  void decimalSumsAveragesCountsAndExtremaMatchHandComputedValues() {
    // sum / count is decimal(38,20), as Spark types decimal(20,2) / decimal(20,0).
    // q is NULL for the 142 multiples of 7; the 858 others: each residue 0..9 of id % 10 appears 100 times
    // in 1..1000, minus the multiples of 7 in it (14 or 15 each).
    List<Row> rows = session.sql("SELECT sum(price), avg(price), count(q), count(*), min(price), max(id),"
        + " sum(price) / count(*) AS mean FROM t").collectAsList();
    assertThat(rows.toString()).isEqualTo("[[5005.00,5.005000,858,1000,0.01,1000,5.00500000000000000000]]");
    Row q = session.sql("SELECT sum(q), avg(q) FROM t WHERE id <= 20").collectAsList().get(0);
    // ids 1..20 without 7 and 14: sum of id % 10 = 90 - 7 - 4 = 79 over 18 rows.
    assertThat(q.getLong(0)).isEqualTo(79L);
    assertThat(q.getDouble(1)).isEqualTo(79.0 / 18);
  }

  @Test
  void emptyInputGivesOneRowOfNullsAndZeroCounts() {
    assertThat(session.sql("SELECT sum(price), avg(q), count(*), count(q), max(id) FROM t WHERE id < 0")
        .collectAsList().toString()).isEqualTo("[[null,null,0,0,null]]");
  }

  @Test
  void aFilterAboveTheAggregateStillApplies() {
    assertThat(session.sql("SELECT s FROM (SELECT sum(id) AS s FROM t) WHERE s > 0").collectAsList().toString())
        .isEqualTo("[[500500]]");
    assertThat(session.sql("SELECT count(*) FROM t HAVING count(*) > 5000").collectAsList()).isEmpty();
  }

  @Test
  void groupedAndNondeterministicAggregatesRunTheExchangeAsPlanned() {
    Dataset<Row> grouped = session.sql("SELECT q, count(*) FROM t WHERE q = 3 GROUP BY q");
    // id % 10 = 3 for 100 ids, 14 of them multiples of 7 (7 * 9, 7 * 19, ..., odd multiples ending in 3).
    assertThat(grouped.collectAsList().toString()).isEqualTo("[[3,86]]");
    assertThat(grouped.queryExecution().explainString("simple")).doesNotContain(MERGED);
    Dataset<Row> random = session.sql("SELECT count(*) + rand(3) * 0 FROM t");
    assertThat(random.collectAsList().toString()).isEqualTo("[[1000.0]]");
    assertThat(random.queryExecution().explainString("simple")).doesNotContain(MERGED);
  }

  @Test
  void theRddOfAGlobalAggregateStillHasOneRow() {
    assertThat(session.sql("SELECT count(*) FROM t").rdd().collect().toString()).isEqualTo("[[1000]]");
  }
}
