package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.scheduler.EmberListener;
import dev.ember.scheduler.EmberListenerEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A subplan shared by a query and its scalar subquery is computed once, released after the query. */
class SubplanReuseTest {

  /** Totals per key, read by the main query and by its subquery: the keys with the largest total. */
  private static final String TOP = "WITH totals AS (SELECT k, sum(v) AS total FROM facts WHERE v > 0 GROUP BY k) "
      + "SELECT k, total FROM totals WHERE total = (SELECT max(total) FROM totals) ORDER BY k";

  @TempDir
  static Path warehouse;

  private static EmberSession session;

  @BeforeAll
  static void createTables() {
    session = EmberSession.builder().master("local[2]").appName("SubplanReuseTest")
        .config("spark.sql.warehouse.dir", warehouse.toString()).config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
    session.sql("CREATE TABLE facts (k INT, v INT) USING parquet");
    // Totals of v > 0: k=1: 5+7 = 12, k=2: 12, k=3: 4, k=NULL: 9; -3 and 0 are filtered out.
    session.sql("INSERT INTO facts VALUES (1, 5), (1, 7), (2, 12), (2, -3), (3, 4), (3, 0), (NULL, 9)");
  }

  @AfterEach
  void resetSettings() {
    session.conf().unset("spark.sql.exchange.reuse");
    session.conf().unset("spark.sql.execution.reuseSubquery");
    session.conf().unset("spark.sql.adaptive.coalescePartitions.enabled");
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @Test
  void sharedAggregateIsReadFromOneQueryScopedCache() {
    QueryExecution execution = session.sql(TOP).queryExecution();
    String explain = execution.explainString("simple");
    assertThat(explain).contains("InMemoryTableScan").contains("ReusedSubplan");
    assertThat(session.sql(TOP).collectAsList().toString()).isEqualTo("[[1,12], [2,12]]");
  }

  @Test
  void sharedJoinIsReadFromTheCache() {
    // Keys 1, 2 and 3 each join 2 x 2 rows (NULL joins nothing): 12 pairs, a quarter is 3.
    String join = "SELECT a.k, count(*) FROM facts a JOIN facts b ON a.k = b.k GROUP BY a.k "
        + "HAVING count(*) > (SELECT count(*) FROM facts a JOIN facts b ON a.k = b.k) / 4 ORDER BY a.k";
    assertThat(session.sql(join).queryExecution().explainString("simple")).contains("ReusedSubplan");
    assertThat(session.sql(join).collectAsList().toString()).isEqualTo("[[1,4], [2,4], [3,4]]");
    assertThat(session.emberContext().getPersistentRDDs()).isEmpty();
  }

  @Test
  void answersAreEqualWithReuseOnAndOff() {
    List<Row> shared = session.sql(TOP).collectAsList();
    session.conf().set("spark.sql.exchange.reuse", "false");
    QueryExecution off = session.sql(TOP).queryExecution();
    assertThat(off.explainString("simple")).doesNotContain("ReusedSubplan");
    assertThat(session.sql(TOP).collectAsList()).isEqualTo(shared);
    session.conf().unset("spark.sql.exchange.reuse");
    session.conf().set("spark.sql.execution.reuseSubquery", "false");
    assertThat(session.sql(TOP).queryExecution().explainString("simple")).doesNotContain("ReusedSubplan");
  }

  @Test
  void sharedSubplanRunsItsScanOnce() throws InterruptedException {
    // Uncoalesced, no exchange is skipped at run time (the unshared plan would sort its one-partition aggregate
    // in place, dropping the ORDER BY's exchange), so the task counts differ by the reuse alone.
    session.conf().set("spark.sql.adaptive.coalescePartitions.enabled", "false");
    int shared = scanTasks(TOP);
    session.conf().set("spark.sql.exchange.reuse", "false");
    int unshared = scanTasks(TOP);
    // Off, the scan and partial aggregation of facts run in the subquery's job and again in the main query's.
    assertThat(shared).isLessThan(unshared);
  }

  @Test
  void cacheIsReleasedWhenTheQueryEnds() {
    assertThat(session.emberContext().getPersistentRDDs()).isEmpty();
    Dataset<Row> top = session.sql(TOP);
    assertThat(top.collectAsList()).hasSize(2);
    assertThat(top.queryExecution().reusesSubplans()).isTrue();
    assertThat(session.emberContext().getPersistentRDDs()).isEmpty();
    // Run again, the released cache is computed again, with the same answer.
    assertThat(top.collectAsList().toString()).isEqualTo("[[1,12], [2,12]]");
    assertThat(session.emberContext().getPersistentRDDs()).isEmpty();
  }

  @Test
  void nondeterministicSubplanIsNotShared() {
    String random = "WITH r AS (SELECT k, sum(v) AS total FROM facts WHERE rand() < 2 GROUP BY k) "
        + "SELECT count(*) FROM r WHERE total = (SELECT max(total) FROM r)";
    // Totals without the v > 0 filter: k=1: 12, k=2: 9, k=3: 4, k=NULL: 9; one key has the largest.
    QueryExecution execution = session.sql(random).queryExecution();
    assertThat(execution.explainString("simple")).doesNotContain("ReusedSubplan");
    assertThat(session.sql(random).collectAsList().toString()).isEqualTo("[[1]]");
  }

  @Test
  void rddOfAQueryRunsItsSubqueryOnItsOwn() {
    Dataset<Row> top = session.sql(TOP);
    assertThat(top.rdd().count()).isEqualTo(2);
    assertThat(session.emberContext().getPersistentRDDs()).isEmpty();
  }

  @Test
  void correlatedOrDifferentSubqueriesShareNothing() {
    String different = "WITH totals AS (SELECT k, sum(v) AS total FROM facts WHERE v > 0 GROUP BY k) "
        + "SELECT k FROM totals WHERE total > (SELECT max(v) FROM facts WHERE v > 5) ORDER BY k";
    assertThat(session.sql(different).queryExecution().explainString("simple")).doesNotContain("ReusedSubplan");
    // max(v) over v > 5 is 12: no total exceeds it.
    assertThat(session.sql(different).collectAsList()).isEmpty();
  }

  private static int scanTasks(String sql) throws InterruptedException {
    AtomicInteger tasks = new AtomicInteger();
    EmberListener listener = new EmberListener() {
      @Override
      public void onTaskEnd(EmberListenerEvent.TaskEnd event) {
        tasks.incrementAndGet();
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
    return tasks.get();
  }
}
