package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.datasources.FileSourceScanExec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Built runtime filters judged by the Parquet statistics of the scan they filter: each carries its estimated
 * share of rows kept, and one that would keep nearly every row is left out.
 */
class RuntimeFilterSelectivityTest {

  // fact: f_a = i % 1000, f_b = i % 100 for i in [0, 3000); da has a in [0, 600), 'x' below 500; db has b in
  // [0, 100), 'x' for 3 only.
  private static final String TWO_FILTERS = "SELECT count(*), sum(f_a) FROM fact JOIN da ON f_a = da_key "
      + "JOIN db ON f_b = db_key WHERE da_cat = 'x' AND db_cat = 'x'";

  @TempDir
  static Path warehouse;

  private static EmberSession session;

  @BeforeAll
  static void createTables() {
    session = EmberSession.builder().master("local[2]").appName("RuntimeFilterSelectivityTest")
        .config("spark.sql.warehouse.dir", warehouse.toString()).config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.optimizer.runtime.bloomFilter.applicationSideScanSizeThreshold", "0")
        .config("spark.sql.autoBroadcastJoinThreshold", "-1")
        .getOrCreate();
    session.sql("CREATE TABLE fact (f_a BIGINT, f_b BIGINT) USING parquet");
    StringJoiner facts = new StringJoiner(", ");
    for (int i = 0; i < 3000; i++) {
      facts.add("(" + (i % 1000) + ", " + (i % 100) + ")");
    }
    session.sql("INSERT INTO fact VALUES " + facts);
    StringJoiner da = new StringJoiner(", ");
    for (int i = 0; i < 600; i++) {
      da.add("(" + i + ", '" + (i < 500 ? "x" : "y") + "')");
    }
    session.sql("CREATE TABLE da (da_key BIGINT, da_cat STRING) USING parquet");
    session.sql("INSERT INTO da VALUES " + da);
    StringJoiner db = new StringJoiner(", ");
    for (int i = 0; i < 100; i++) {
      db.add("(" + i + ", '" + (i == 3 ? "x" : i == 4 ? "y" : "z") + "')");
    }
    session.sql("CREATE TABLE db (db_key BIGINT, db_cat STRING) USING parquet");
    session.sql("INSERT INTO db VALUES " + db);
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static FileSourceScanExec factScan(PhysicalPlan plan) {
    List<FileSourceScanExec> found = new ArrayList<>();
    collect(plan, found);
    return found.stream().filter(s -> s.treeString().contains("f_a")).findFirst().orElseThrow();
  }

  private static void collect(PhysicalPlan plan, List<FileSourceScanExec> found) {
    if (plan instanceof FileSourceScanExec scan) {
      found.add(scan);
    }
    for (PhysicalPlan child : plan.children()) {
      collect(child, found);
    }
  }

  @Test
  void eachBuiltFilterCarriesTheShareOfRowsItKeepsByTheColumnsStatistics() {
    Dataset<Row> result = session.sql(TWO_FILTERS);
    String explain = result.queryExecution().explainString(false);
    // 500 of f_a's 1000 values; 1 of f_b's 100.
    assertThat(explain).contains("bitmap of 500 keys in [0, 499] from [da_key#").contains("keeps about 50.0%)");
    assertThat(explain).contains("bitmap of 1 keys in [3, 3] from [db_key#").contains("keeps about 1.0%)");
    // Rows with b = 3 and a < 500: a in {3, 103, 203, 303, 403}, each three times.
    Row row = result.collectAsList().get(0);
    assertThat(row.getLong(0)).isEqualTo(15);
    assertThat(row.getLong(1)).isEqualTo(3 * (3 + 103 + 203 + 303 + 403));
    assertThat(factScan(result.queryExecution().executedPlan()).metric("numOutputRows")).isEqualTo(15);
  }

  @Test
  void aFilterKeepingEveryValueOfTheColumnIsLeftOut() {
    // db_cat LIKE '%' keeps every b of the fact's [0, 99]: that filter would test each row and drop none.
    Dataset<Row> result = session.sql(TWO_FILTERS.replace("db_cat = 'x'", "db_cat LIKE '%'"));
    assertThat(result.queryExecution().optimizedPlan().treeString()).contains("runtime_filter(f_b#");
    String explain = result.queryExecution().explainString(false);
    assertThat(explain).doesNotContain("runtime_filter(f_b#").contains("runtime_filter(f_a#");
    Row row = result.collectAsList().get(0);
    // a < 500: 1,500 rows, each a in [0, 500) three times.
    assertThat(row.getLong(0)).isEqualTo(1500);
    assertThat(row.getLong(1)).isEqualTo(3L * 499 * 500 / 2);
    assertThat(factScan(result.queryExecution().executedPlan()).metric("numOutputRows")).isEqualTo(1500);
  }

  @Test
  void answersAreTheSameWithRuntimeFiltersOff() {
    List<Row> on = session.sql(TWO_FILTERS).collectAsList();
    session.conf().set("spark.sql.optimizer.runtime.bloomFilter.enabled", "false");
    try {
      Dataset<Row> off = session.sql(TWO_FILTERS);
      assertThat(off.queryExecution().explainString(false)).doesNotContain("runtime_filter(");
      assertThat(off.collectAsList()).isEqualTo(on);
    } finally {
      session.conf().unset("spark.sql.optimizer.runtime.bloomFilter.enabled");
    }
  }
}
