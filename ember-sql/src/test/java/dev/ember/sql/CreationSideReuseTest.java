package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.scheduler.EmberListener;
import dev.ember.scheduler.EmberListenerEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runtime filter's creation side runs once per query: filters of two scans from one creation side share its
 * run, and a creation side that is also a join side is read from the batches its run kept.
 */
class CreationSideReuseTest {

  private static final String MAX_BYTES = CreationSides.MAX_BYTES_KEY;
  /**
   * One creation side (the filtered dim) filters both fact scans, and is the build side of both joins (which read
   * its name, so neither join is one its exact filter already did).
   */
  private static final String TWO_FACTS = "SELECT count(*), sum(f_value), sum(g_value), max(d_name) FROM fact "
      + "JOIN dim ON f_key = d_key JOIN fact2 ON g_key = d_key WHERE d_category = 'x'";
  private static final String ONE_FACT = "SELECT d_name, count(*), sum(f_value) FROM fact JOIN dim ON f_key = d_key "
      + "WHERE d_category = 'x' GROUP BY d_name ORDER BY d_name";

  @TempDir
  static Path warehouse;

  private static EmberSession session;

  @BeforeAll
  static void createTables() {
    session = EmberSession.builder().master("local[2]").appName("CreationSideReuseTest")
        .config("spark.sql.warehouse.dir", warehouse.toString()).config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.optimizer.runtime.bloomFilter.applicationSideScanSizeThreshold", "0")
        .getOrCreate();
    session.sql("CREATE TABLE fact (f_key BIGINT, f_value INT) USING parquet");
    session.sql("CREATE TABLE fact2 (g_key BIGINT, g_value INT) USING parquet");
    StringJoiner facts = new StringJoiner(", ");
    StringJoiner facts2 = new StringJoiner(", ");
    for (int i = 0; i < 1000; i++) {
      facts.add("(" + (i % 7 == 6 ? "NULL" : String.valueOf(i % 100)) + ", " + i + ")");
      facts2.add("(" + (i % 50) + ", " + (2 * i) + ")");
    }
    session.sql("INSERT INTO fact VALUES " + facts);
    session.sql("INSERT INTO fact2 VALUES " + facts2);
    session.sql("CREATE TABLE dim (d_key BIGINT, d_category STRING, d_name STRING) USING parquet");
    session.sql("INSERT INTO dim VALUES (3, 'x', 'three'), (50, 'x', 'fifty'), (97, 'x', 'ninety-seven'), "
        + "(4, 'y', 'four'), (NULL, 'x', 'none')");
  }

  @AfterEach
  void resetSettings() {
    session.conf().unset(MAX_BYTES);
    session.conf().unset("spark.sql.autoBroadcastJoinThreshold");
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  /** Hand-computed: fact keys 3, 50, 97 (i % 100, NULL when i % 7 == 6) per dim name, with f_value = i. */
  private static List<Row> expectedOneFact() {
    long[] counts = new long[3];
    long[] sums = new long[3];
    int[] keys = {50, 97, 3};
    for (int i = 0; i < 1000; i++) {
      for (int k = 0; k < keys.length; k++) {
        if (i % 7 != 6 && i % 100 == keys[k]) {
          counts[k]++;
          sums[k] += i;
        }
      }
    }
    return List.of(RowFactory.create("fifty", counts[0], sums[0]),
        RowFactory.create("ninety-seven", counts[1], sums[1]), RowFactory.create("three", counts[2], sums[2]));
  }

  @Test
  void aCreationSideThatIsAlsoAJoinSideIsReadFromItsKeptBatches() throws InterruptedException {
    Dataset<Row> query = session.sql(ONE_FACT);
    assertThat(query.queryExecution().explainString("simple"))
        .contains("CollectedBatches [d_key#").contains("4 rows (already computed for a runtime filter)")
        .contains("runtime_filter(f_key#");
    assertThat(query.collectAsList()).containsExactlyElementsOf(expectedOneFact());
    int reusing = jobs(ONE_FACT);
    session.conf().set(MAX_BYTES, "0");
    assertThat(session.sql(ONE_FACT).queryExecution().explainString("simple")).doesNotContain("CollectedBatches");
    assertThat(session.sql(ONE_FACT).collectAsList()).containsExactlyElementsOf(expectedOneFact());
    // Without reuse the dim side runs once for the filter's keys and again for the join.
    assertThat(jobs(ONE_FACT)).isGreaterThan(reusing);
  }

  @Test
  void filtersOfTwoScansFromOneCreationSideRunItOnce() throws InterruptedException {
    session.conf().set(MAX_BYTES, "0");
    Dataset<Row> query = session.sql(TWO_FACTS);
    String explain = query.queryExecution().explainString("simple");
    assertThat(explain).contains("runtime_filter(f_key#").contains("runtime_filter(g_key#");
    // f: keys 3, 50, 97 (NULL when i % 7 == 6); fact2: keys 3 and 50 (i % 50), each matching one dim row.
    long count = 0;
    long fSum = 0;
    long gSum = 0;
    for (int i = 0; i < 1000; i++) {
      int f = i % 100;
      if (i % 7 == 6 || (f != 3 && f != 50 && f != 97)) {
        continue;
      }
      for (int j = 0; j < 1000; j++) {
        if (j % 50 == f) {
          count++;
          fSum += i;
          gSum += 2L * j;
        }
      }
    }
    // Only key 3 is in both facts.
    assertThat(query.collectAsList()).containsExactly(RowFactory.create(count, fSum, gSum, "three"));
    // Two filters, one run of their creation side: the keys job, then the broadcast of dim, then the query's
    // jobs; a separate run per filter would add one.
    int shared = jobs(TWO_FACTS);
    session.conf().unset(MAX_BYTES);
    assertThat(jobs(TWO_FACTS)).isLessThan(shared);
    assertThat(session.sql(TWO_FACTS).collectAsList()).containsExactly(RowFactory.create(count, fSum, gSum, "three"));
  }

  @Test
  void keptBatchesFeedAShuffledJoinWhenBroadcastsAreOff() {
    session.conf().set("spark.sql.autoBroadcastJoinThreshold", "-1");
    Dataset<Row> query = session.sql(ONE_FACT);
    assertThat(query.queryExecution().explainString("simple")).contains("CollectedBatches")
        .doesNotContain("BroadcastHashJoin");
    assertThat(query.collectAsList()).containsExactlyElementsOf(expectedOneFact());
  }

  @Test
  void aCreationSideLargerThanTheBoundRunsAgainForTheJoin() {
    session.conf().set(MAX_BYTES, "40");
    Dataset<Row> query = session.sql(ONE_FACT);
    assertThat(query.queryExecution().explainString("simple")).doesNotContain("CollectedBatches")
        .contains("runtime_filter(f_key#");
    assertThat(query.collectAsList()).containsExactlyElementsOf(expectedOneFact());
  }

  private static int jobs(String sql) throws InterruptedException {
    AtomicInteger jobs = new AtomicInteger();
    EmberListener listener = new EmberListener() {
      @Override
      public void onJobStart(EmberListenerEvent.JobStart event) {
        jobs.incrementAndGet();
      }
    };
    session.emberContext().listenerBus().waitUntilEmpty(10_000);
    session.emberContext().addEmberListener(listener);
    try {
      session.sql(sql).collectAsList();
      session.emberContext().listenerBus().waitUntilEmpty(10_000);
    } finally {
      session.emberContext().removeEmberListener(listener);
    }
    return jobs.get();
  }
}
