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
 * An exchange whose input stage adaptive execution read as one small partition is skipped: the range exchange
 * of an ORDER BY over a small GROUP BY, a hash exchange over a small aggregate, a single-partition exchange
 * over one partition. The answers stay ordered, and the plan after the run shows what ran; an exchange over a
 * big or many-partition input stays.
 */
class SkipSmallExchangesTest {

  private EmberSession session;
  private final AtomicInteger jobs = new AtomicInteger();

  @BeforeEach
  void start() {
    session = EmberSession.builder().master("local[2]").appName("SkipSmallExchangesTest")
        .config("spark.sql.shuffle.partitions", "5")
        .config("spark.sql.autoBroadcastJoinThreshold", "-1").getOrCreate();
    session.emberContext().addEmberListener(new EmberListener() {
      @Override
      public void onJobStart(EmberListenerEvent.JobStart event) {
        jobs.incrementAndGet();
      }
    });
    List<Row> facts = new ArrayList<>();
    for (long id = 0; id < 3000; id++) {
      // Every 11th key is null; values repeat so that sorting by them alone has ties.
      facts.add(RowFactory.create(id, id % 11 == 0 ? null : id % 37, (id * 7919) % 1000));
    }
    session.createDataFrame(facts, new StructType().add("id", DataTypes.LongType).add("k", DataTypes.LongType)
        .add("v", DataTypes.LongType)).createOrReplaceTempView("facts");
  }

  @AfterEach
  void stop() {
    session.stop();
  }

  private List<String> rows(Dataset<Row> query) throws InterruptedException {
    session.emberContext().listenerBus().waitUntilEmpty(10_000);
    jobs.set(0);
    List<String> rows = query.collectAsList().stream().map(Row::toString).toList();
    session.emberContext().listenerBus().waitUntilEmpty(10_000);
    return rows;
  }

  /** The keys 0..36 with their counts, hand-computed: ids with id % 37 == k and id % 11 != 0; null has 273. */
  private static List<String> expectedCounts(boolean descending, boolean nullsFirst) {
    List<String> rows = new ArrayList<>();
    for (long k = 0; k < 37; k++) {
      long count = 0;
      for (long id = k; id < 3000; id += 37) {
        count += id % 11 == 0 ? 0 : 1;
      }
      rows.add("[" + k + "," + count + "]");
    }
    if (descending) {
      java.util.Collections.reverse(rows);
    }
    // 3000 ids, of which 0, 11, ..., 2992 (273 of them) have a null key.
    rows.add(nullsFirst ? 0 : rows.size(), "[null,273]");
    return rows;
  }

  @Test
  void rangeExchangeOverOneCoalescedPartitionIsSkipped() throws InterruptedException {
    Dataset<Row> query = session.sql("SELECT k, count(*) AS c FROM facts GROUP BY k ORDER BY k");
    String before = query.queryExecution().executedPlan().treeString();
    assertThat(before).containsSubsequence("Sort [", "AQEShuffleRead coalesced", "Exchange rangepartitioning(",
        "HashAggregate(", "AQEShuffleRead coalesced", "Exchange hashpartitioning(k#");
    assertThat(rows(query)).isEqualTo(expectedCounts(false, true));
    // One job runs the hash map stage, one the sort: no sampling job, no range map stage.
    assertThat(jobs.get()).isEqualTo(2);
    String after = query.queryExecution().executedPlan().treeString();
    assertThat(after).containsSubsequence("Sort [", "AQEShuffleRead skipped Exchange rangepartitioning(",
        "its input is one coalesced partition (adaptive, isFinalPlan=true)", "HashAggregate(",
        "AQEShuffleRead coalesced", "Exchange hashpartitioning(k#");
    assertThat(after).doesNotContain("+- Exchange rangepartitioning");
  }

  @Test
  void descendingAndNullPlacementStayOrdered() throws InterruptedException {
    assertThat(rows(session.sql("SELECT k, count(*) AS c FROM facts GROUP BY k ORDER BY k DESC NULLS FIRST")))
        .isEqualTo(expectedCounts(true, true));
    assertThat(rows(session.sql("SELECT k, count(*) AS c FROM facts GROUP BY k ORDER BY k DESC")))
        .isEqualTo(expectedCounts(true, false));
    assertThat(rows(session.sql("SELECT k, count(*) AS c FROM facts GROUP BY k ORDER BY k NULLS LAST")))
        .isEqualTo(expectedCounts(false, false));
  }

  @Test
  void sameAnswersWithAdaptiveExecutionOrCoalescingOff() throws InterruptedException {
    String sql = "SELECT k, count(*) AS c FROM facts GROUP BY k ORDER BY k DESC NULLS FIRST";
    session.conf().set("spark.sql.adaptive.coalescePartitions.enabled", "false");
    Dataset<Row> uncoalesced = session.sql(sql);
    assertThat(rows(uncoalesced)).isEqualTo(expectedCounts(true, true));
    assertThat(uncoalesced.queryExecution().executedPlan().treeString())
        .contains("Exchange rangepartitioning(").doesNotContain("skipped");
    session.conf().set("spark.sql.adaptive.enabled", "false");
    Dataset<Row> staticPlan = session.sql(sql);
    assertThat(rows(staticPlan)).isEqualTo(expectedCounts(true, true));
    assertThat(staticPlan.queryExecution().executedPlan().treeString())
        .contains("Exchange rangepartitioning(").doesNotContain("skipped");
  }

  @Test
  void rangeExchangeOverManyPartitionsStays() throws InterruptedException {
    Dataset<Row> query = session.sql("SELECT id, v FROM facts WHERE id % 3 = 0 ORDER BY v DESC, id");
    List<String> rows = rows(query);
    List<String> expected = new ArrayList<>();
    List<long[]> pairs = new ArrayList<>();
    for (long id = 0; id < 3000; id += 3) {
      pairs.add(new long[] {id, (id * 7919) % 1000});
    }
    pairs.sort((a, b) -> a[1] != b[1] ? Long.compare(b[1], a[1]) : Long.compare(a[0], b[0]));
    for (long[] pair : pairs) {
      expected.add("[" + pair[0] + "," + pair[1] + "]");
    }
    assertThat(rows).isEqualTo(expected);
    String after = query.queryExecution().executedPlan().treeString();
    assertThat(after).contains("Exchange rangepartitioning(v#").doesNotContain("skipped");
  }

  @Test
  void hashExchangeOverOneSmallPartitionIsSkipped() throws InterruptedException {
    Dataset<Row> query = session.sql("SELECT c, count(*) AS n FROM (SELECT k, count(*) AS c FROM facts "
        + "WHERE k IS NOT NULL GROUP BY k) GROUP BY c ORDER BY c");
    // 37 keys: k = 0..36, each with 81 or 82 ids in [0, 3000), less those with id % 11 == 0 (a null key).
    List<String> expected = new ArrayList<>();
    java.util.TreeMap<Long, Long> byCount = new java.util.TreeMap<>();
    for (long k = 0; k < 37; k++) {
      long count = 0;
      for (long id = k; id < 3000; id += 37) {
        count += id % 11 == 0 ? 0 : 1;
      }
      byCount.merge(count, 1L, Long::sum);
    }
    byCount.forEach((c, n) -> expected.add("[" + c + "," + n + "]"));
    assertThat(rows(query)).isEqualTo(expected);
    assertThat(query.queryExecution().executedPlan().treeString())
        .contains("AQEShuffleRead skipped Exchange hashpartitioning(c#")
        .contains("AQEShuffleRead skipped Exchange rangepartitioning(c#");
  }

  @Test
  void singlePartitionExchangeOverOnePartitionIsSkipped() throws InterruptedException {
    Dataset<Row> top = session.sql("SELECT k, count(*) AS c FROM facts GROUP BY k ORDER BY c DESC, k LIMIT 3");
    List<String> all = expectedCounts(false, true);
    List<String> sorted = new ArrayList<>(all);
    sorted.sort((a, b) -> {
      long ca = Long.parseLong(a.substring(a.indexOf(',') + 1, a.length() - 1));
      long cb = Long.parseLong(b.substring(b.indexOf(',') + 1, b.length() - 1));
      return ca != cb ? Long.compare(cb, ca) : all.indexOf(a) - all.indexOf(b);
    });
    assertThat(rows(top)).isEqualTo(sorted.subList(0, 3));
    // Collected, the top rows are merged on the driver: the exchange does not run at all.
    assertThat(top.queryExecution().executedPlan().treeString())
        .containsSubsequence("TakeOrderedAndProject(", "merged on the driver: the exchange below did not run",
            "Exchange SinglePartition", "LocalTakeOrdered(");
    // As an RDD for a job of the caller's, the global step runs in a task over the one partition, in place.
    assertThat(top.queryExecution().toRdd().collect().stream().mapToInt(b -> b.numRows()).sum()).isEqualTo(3);
    assertThat(top.queryExecution().executedPlan().treeString())
        .containsSubsequence("TakeOrderedAndProject(", "Exchange SinglePartition skipped: its input is one "
            + "partition (adaptive, isFinalPlan=true)", "LocalTakeOrdered(")
        .doesNotContain("merged on the driver");
  }

  @Test
  void singlePartitionExchangeOverSeveralPartitionsRuns() throws InterruptedException {
    Dataset<Row> total = session.sql("SELECT sum(v) AS s, count(k) AS n FROM facts");
    long sum = 0;
    for (long id = 0; id < 3000; id++) {
      sum += (id * 7919) % 1000;
    }
    assertThat(rows(total)).containsExactly("[" + sum + ",2727]");
    assertThat(total.queryExecution().executedPlan().treeString()).contains("Exchange SinglePartition")
        .doesNotContain("skipped");
  }

  @Test
  void onePartitionSortsThroughASkippedSinglePartitionExchange() throws InterruptedException {
    session.conf().set("spark.sql.shuffle.partitions", "1");
    Dataset<Row> query = session.sql("SELECT k, count(*) AS c FROM facts GROUP BY k ORDER BY k NULLS LAST");
    assertThat(rows(query)).isEqualTo(expectedCounts(false, false));
    assertThat(query.queryExecution().executedPlan().treeString())
        .contains("Exchange SinglePartition skipped: its input is one partition");
  }
}
