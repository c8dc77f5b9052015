package dev.ember.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ANALYZE TABLE keeps statistics with the table in the warehouse, where DESCRIBE EXTENDED and later sessions see
 * them.
 */
class TableStatisticsTest {

  @TempDir
  Path warehouse;

  private EmberSession session() {
    return EmberSession.builder().master("local[2]").appName("TableStatisticsTest")
        .config("spark.sql.warehouse.dir", warehouse.toString()).getOrCreate();
  }

  private static String statisticsRow(EmberSession session) {
    List<Row> rows = session.sql("DESCRIBE TABLE EXTENDED t").collectAsList();
    return rows.stream().filter(r -> r.getString(0).equals("Statistics")).map(r -> r.getString(1)).findFirst()
        .orElse(null);
  }

  private long dataBytes() throws IOException {
    try (Stream<Path> files = Files.walk(warehouse.resolve("t"))) {
      return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("_")
          && !p.getFileName().toString().startsWith(".")).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  @Test
  void analyzeRecordsSizeAndRowsThatDescribeShowsInLaterSessions() throws IOException {
    EmberSession first = session();
    try {
      first.sql("CREATE TABLE t USING parquet AS SELECT * FROM VALUES (1, 'a'), (2, 'b'), (3, NULL) AS v(k, s)");
      List<Row> plain = first.sql("DESCRIBE TABLE EXTENDED t").collectAsList();
      assertThat(plain).extracting(r -> r.getString(0)).contains("# Detailed Table Information", "Provider")
          .doesNotContain("Statistics");
      first.sql("ANALYZE TABLE t COMPUTE STATISTICS NOSCAN");
      long bytes = dataBytes();
      assertThat(bytes).isPositive();
      assertThat(statisticsRow(first)).isEqualTo(bytes + " bytes");
      first.sql("ANALYZE TABLE t COMPUTE STATISTICS");
      assertThat(statisticsRow(first)).isEqualTo(bytes + " bytes, 3 rows");
      assertThat(first.sql("DESCRIBE t").collectAsList()).hasSize(2);
    } finally {
      first.stop();
    }
    EmberSession second = session();
    try {
      assertThat(statisticsRow(second)).endsWith(" bytes, 3 rows");
      assertThat(second.sql("DESCRIBE EXTENDED t s").collectAsList()).extracting(Row::toString)
          .contains("[num_nulls,NULL]");
      second.sql("ANALYZE TABLE default.t COMPUTE STATISTICS FOR COLUMNS s");
      assertThat(second.sql("DESCRIBE EXTENDED t s").collectAsList()).extracting(Row::toString)
          .contains("[num_nulls,1]", "[distinct_count,2]");
      // New data makes the statistics stale: they are dropped, as Spark does without auto-update.
      second.sql("INSERT INTO t VALUES (4, 'd')");
      assertThat(statisticsRow(second)).isNull();
      assertThat(second.sql("DESCRIBE EXTENDED t s").collectAsList()).extracting(Row::toString)
          .contains("[num_nulls,NULL]");
      // A temporary view of the same name hides the table: no table details.
      second.sql("CREATE TEMPORARY VIEW t AS SELECT 1 AS x");
      assertThat(second.sql("DESCRIBE EXTENDED t").collectAsList()).extracting(Row::toString)
          .containsExactly("[x,int,null]");
    } finally {
      second.stop();
    }
  }
}
