package dev.ember.sql.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.execution.datasources.LogicalRelation;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Statistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File scans report Spark's size estimate, so joins against small Parquet tables are broadcast. */
class FileScanStatisticsTest {

  @TempDir
  static Path dir;

  @BeforeAll
  static void writeTables() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("COPY (SELECT range AS l_orderkey, (range * 7919 % 2000)::BIGINT AS l_partkey, "
          + "(range % 25)::INTEGER AS l_nationkey, (range % 50 + 1)::DECIMAL(15,2) AS l_quantity, "
          + "md5(range::VARCHAR) AS l_comment FROM range(30000)) TO '" + dir.resolve("lineitem.parquet")
          + "' (FORMAT PARQUET)");
      s.execute("COPY (SELECT range::INTEGER AS n_nationkey, 'NATION' || range AS n_name FROM range(25)) TO '"
          + dir.resolve("nation.parquet") + "' (FORMAT PARQUET)");
      s.execute("COPY (SELECT range AS p_partkey, md5(range::VARCHAR) AS p_name, md5((range + 1)::VARCHAR) AS p_a, "
          + "md5((range + 2)::VARCHAR) AS p_b, md5((range + 3)::VARCHAR) AS p_c, (range % 50)::INTEGER AS p_size "
          + "FROM range(2000)) TO '" + dir.resolve("part.parquet") + "' (FORMAT PARQUET)");
    }
  }

  private static EmberSession session(String threshold) {
    EmberSession session = EmberSession.builder().master("local[2]").appName("FileScanStatisticsTest")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.autoBroadcastJoinThreshold", threshold).getOrCreate();
    for (String table : List.of("lineitem", "nation", "part")) {
      session.read().parquet(dir.resolve(table + ".parquet").toString()).createOrReplaceTempView(table);
    }
    return session;
  }

  private static final String NATION_JOIN = "SELECT n_name, sum(l_quantity) AS q FROM lineitem "
      + "JOIN nation ON l_nationkey = n_nationkey GROUP BY n_name ORDER BY n_name";
  private static final String PART_JOIN = "SELECT p_size, count(*) AS c FROM lineitem "
      + "JOIN part ON l_partkey = p_partkey WHERE p_size < 10 GROUP BY p_size ORDER BY p_size";

  private static List<LogicalRelation> relations(LogicalPlan plan) {
    List<LogicalRelation> found = new ArrayList<>();
    if (plan instanceof LogicalRelation relation) {
      found.add(relation);
    }
    for (LogicalPlan child : plan.children()) {
      found.addAll(relations(child));
    }
    return found;
  }

  @Test
  void aScanEstimatesTheFilesBytesScaledByTheWidthOfTheColumnsItReads() throws IOException {
    EmberSession session = session("10m");
    try {
      long partBytes = Files.size(dir.resolve("part.parquet"));
      Dataset<Row> all = session.table("part");
      LogicalRelation full = relations(all.queryExecution().optimizedPlan()).get(0);
      assertThat(full.sizeInBytes()).isEqualTo(partBytes);
      // Six columns: bigint, four strings, int: 8 + 8 + 4 * 20 + 4 = 100 bytes a row; key and size: 8 + 8 + 4 = 20.
      assertThat(Statistics.rowWidth(full.fullOutput())).isEqualTo(100);
      LogicalRelation pruned = relations(session.sql("SELECT p_partkey, p_size FROM part")
          .queryExecution().optimizedPlan()).get(0);
      assertThat(pruned.sizeInBytes()).isEqualTo(partBytes * 20 / 100);
      // The row count is the same whichever columns are read.
      assertThat(Statistics.rowCount(pruned)).isEqualTo(Statistics.rowCount(full));
    } finally {
      session.stop();
    }
  }

  @Test
  void smallParquetTablesAreBroadcastUnderTheThresholdAndShuffledWithout() throws IOException {
    long partBytes = Files.size(dir.resolve("part.parquet"));
    long lineitemBytes = Files.size(dir.resolve("lineitem.parquet"));
    // A threshold under the whole part file but above the two columns the query reads from it.
    long threshold = partBytes / 2;
    assertThat(lineitemBytes * 16 / 56).as("lineitem's pruned estimate stays above the threshold")
        .isGreaterThan(threshold);
    List<String> broadcastRows;
    EmberSession broadcast = session(String.valueOf(threshold));
    try {
      String nationPlan = broadcast.sql(NATION_JOIN).queryExecution().explainString(false);
      assertThat(nationPlan).contains("BroadcastHashJoin").doesNotContain("ShuffledHashJoin");
      Dataset<Row> parts = broadcast.sql(PART_JOIN);
      assertThat(parts.queryExecution().explainString(false)).contains("BroadcastHashJoin")
          .doesNotContain("ShuffledHashJoin");
      broadcastRows = new ArrayList<>(broadcast.sql(NATION_JOIN).collectAsList().stream().map(Row::toString)
          .toList());
      broadcastRows.addAll(parts.collectAsList().stream().map(Row::toString).toList());
    } finally {
      broadcast.stop();
    }
    EmberSession shuffled = session("-1");
    try {
      assertThat(shuffled.sql(NATION_JOIN).queryExecution().explainString(false)).contains("ShuffledHashJoin")
          .doesNotContain("BroadcastHashJoin");
      List<String> shuffledRows = new ArrayList<>(shuffled.sql(NATION_JOIN).collectAsList().stream()
          .map(Row::toString).toList());
      shuffledRows.addAll(shuffled.sql(PART_JOIN).collectAsList().stream().map(Row::toString).toList());
      assertThat(shuffledRows).isEqualTo(broadcastRows);
    } finally {
      shuffled.stop();
    }
    // 30000 rows over 25 nations, 1200 each; nation 0 holds the rows 25k,
    // whose quantities alternate 1 and 26: 600 * 27.
    assertThat(broadcastRows.get(0)).isEqualTo("[NATION0,16200.00]");
    assertThat(broadcastRows).hasSize(35);
  }
}
