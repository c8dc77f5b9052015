package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A join shared by a query and its scalar subquery is computed once even when the main plan places a runtime
 * join filter on one of its scans that the subquery's plan lacks.
 */
class SubplanReuseRuntimeFilterTest {

  /**
   * The facts of the 'a' keys joined with their dimension, totalled per key by the main query and in all by the
   * subquery. Rows joined: k=1: 5, 7 (12); k=2: 12, -3 (9); total 21, half of it 10.5: only k=1 passes.
   */
  private static final String HALF = "SELECT f.k, sum(f.v) AS s FROM facts f JOIN dims d ON f.k = d.k "
      + "WHERE d.name = 'a' GROUP BY f.k HAVING sum(f.v) > "
      + "(SELECT sum(f.v) FROM facts f JOIN dims d ON f.k = d.k WHERE d.name = 'a') / 2 ORDER BY f.k";

  private static final String APPLICATION_THRESHOLD =
      "spark.sql.optimizer.runtime.bloomFilter.applicationSideScanSizeThreshold";

  @TempDir
  static Path warehouse;

  private static EmberSession session;

  @BeforeAll
  static void createTables() {
    session = EmberSession.builder().master("local[2]").appName("SubplanReuseRuntimeFilterTest")
        .config("spark.sql.warehouse.dir", warehouse.toString()).config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
    session.sql("CREATE TABLE facts (k INT, v INT) USING parquet");
    session.sql("INSERT INTO facts VALUES (1, 5), (1, 7), (2, 12), (2, -3), (3, 4), (3, 0), (NULL, 9), (4, 100)");
    session.sql("CREATE TABLE dims (k INT, name STRING) USING parquet");
    session.sql("INSERT INTO dims VALUES (1, 'a'), (2, 'a'), (3, 'b'), (4, 'b'), (NULL, 'a')");
    session.sql("CREATE TABLE wide (k INT, g INT, v INT) USING parquet");
    session.sql("INSERT INTO wide VALUES (1, 10, 5), (1, 20, 7), (2, 10, 12), (2, 20, -3), (3, 10, 4)");
    // Tiny tables: every scan is large enough to take a runtime filter.
    session.conf().set(APPLICATION_THRESHOLD, "0");
  }

  @AfterEach
  void resetSettings() {
    session.conf().set(APPLICATION_THRESHOLD, "0");
    session.conf().unset("spark.sql.exchange.reuse");
    session.conf().unset(SubplanReuse.MAX_BYTES_KEY);
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @Test
  void joinDifferingOnlyByARuntimeFilterIsShared() {
    QueryExecution execution = session.sql(HALF).queryExecution();
    // The main plan filters its facts scan by the 'a' keys; the subquery's plan has no runtime filter.
    assertThat(execution.optimizedPlan().treeString()).contains("runtime_filter");
    String explain = execution.explainString("simple");
    // The whole join is read from the cache (its columns are the facts' and the dimension's key), not only the
    // filtered dimension.
    assertThat(explain).containsPattern("InMemoryTableScan \\[k#\\d+, v#\\d+, k#\\d+\\]")
        .contains("ReusedSubplan");
    assertThat(session.sql(HALF).collectAsList().toString()).isEqualTo("[[1,12]]");
    assertThat(session.emberContext().getPersistentRDDs()).isEmpty();
  }

  @Test
  void joinWhoseSubqueryReadsFewerColumnsIsShared() {
    // The subquery does not read g: its scan of wide is pruned to k and v, the main query's reads k, g and v.
    // Joined rows ('a' keys 1 and 2): g=10: 5 + 12 = 17, g=20: 7 - 3 = 4; total 21, half 10.5.
    String grouped = "SELECT w.g, sum(w.v) FROM wide w JOIN dims d ON w.k = d.k WHERE d.name = 'a' GROUP BY w.g "
        + "HAVING sum(w.v) > (SELECT sum(w.v) FROM wide w JOIN dims d ON w.k = d.k WHERE d.name = 'a') / 2 "
        + "ORDER BY w.g";
    String explain = session.sql(grouped).queryExecution().explainString("simple");
    assertThat(explain).containsPattern("InMemoryTableScan \\[[^\\]]*g#\\d+[^\\]]*v#\\d+");
    assertThat(session.sql(grouped).collectAsList().toString()).isEqualTo("[[10,17]]");
    session.conf().set("spark.sql.exchange.reuse", "false");
    assertThat(session.sql(grouped).collectAsList().toString()).isEqualTo("[[10,17]]");
  }

  @Test
  void answersAreEqualWithReuseOff() {
    List<Row> shared = session.sql(HALF).collectAsList();
    session.conf().set("spark.sql.exchange.reuse", "false");
    assertThat(session.sql(HALF).queryExecution().explainString("simple")).doesNotContain("ReusedSubplan");
    assertThat(session.sql(HALF).collectAsList()).isEqualTo(shared);
  }

  @Test
  void withoutRuntimeFiltersTheSameJoinIsShared() {
    session.conf().set(APPLICATION_THRESHOLD, "1t");
    QueryExecution execution = session.sql(HALF).queryExecution();
    assertThat(execution.optimizedPlan().treeString()).doesNotContain("runtime_filter");
    assertThat(execution.explainString("simple")).contains("ReusedSubplan");
    assertThat(session.sql(HALF).collectAsList().toString()).isEqualTo("[[1,12]]");
  }

  @Test
  void subplanLargerThanTheBoundIsNotCached() {
    session.conf().set(SubplanReuse.MAX_BYTES_KEY, "1b");
    assertThat(session.sql(HALF).queryExecution().explainString("simple")).doesNotContain("ReusedSubplan");
    assertThat(session.sql(HALF).collectAsList().toString()).isEqualTo("[[1,12]]");
  }

  @Test
  void nondeterministicJoinIsNeverShared() {
    String random = HALF.replace("d.name = 'a'", "d.name = 'a' AND rand() < 2");
    String explain = session.sql(random).queryExecution().explainString("simple");
    // The random filter lands on the facts scan: the join over it runs twice; only the dimension's filtered scan
    // (deterministic) may be shared.
    assertThat(explain).contains("rand(").doesNotContainPattern("InMemoryTableScan \\[k#\\d+, v#");
    assertThat(session.sql(random).collectAsList().toString()).isEqualTo("[[1,12]]");
    assertThat(session.emberContext().getPersistentRDDs()).isEmpty();
  }
}
