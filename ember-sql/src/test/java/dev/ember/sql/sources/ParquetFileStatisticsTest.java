package dev.ember.sql.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.EmberSession;
import dev.ember.sql.execution.datasources.FileRelation;
import dev.ember.sql.execution.datasources.LogicalRelation;
import dev.ember.sql.execution.datasources.parquet.ParquetFileStatistics;
import dev.ember.sql.plan.FileColumnStatistics;
import dev.ember.sql.plan.FileStatistics;
import dev.ember.sql.plan.LogicalPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The footers' statistics of a Parquet relation, merged over files and row groups, read once per listing. */
class ParquetFileStatisticsTest {

  @TempDir
  static Path dir;

  @BeforeAll
  static void writeFiles() throws SQLException, IOException {
    Files.createDirectories(dir.resolve("t"));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      // Two files, small row groups: i 0..2999, d from 2020-01-01, every tenth price NULL, s strings.
      for (int part = 0; part < 2; part++) {
        s.execute("COPY (SELECT range::INTEGER AS i, DATE '2020-01-01' + (range % 100)::INTEGER AS d, "
            + "CASE WHEN range % 10 = 0 THEN NULL ELSE (range / 100)::DECIMAL(12,2) END AS price, "
            + "range / 4.0 AS x, 'v' || range AS s FROM range(" + part * 1500 + ", " + (part + 1) * 1500
            + ")) TO '" + dir.resolve("t/part" + part + ".parquet") + "' (FORMAT PARQUET, ROW_GROUP_SIZE 500)");
      }
    }
  }

  private static LogicalRelation scan(LogicalPlan plan) {
    if (plan instanceof LogicalRelation relation) {
      return relation;
    }
    return plan.children().stream().map(ParquetFileStatisticsTest::scan).filter(r -> r != null).findFirst()
        .orElse(null);
  }

  @Test
  void footersGiveRangesNullCountsAndRowsReadOncePerListing() {
    EmberSession session = EmberSession.builder().master("local[1]").appName("ParquetFileStatisticsTest")
        .getOrCreate();
    try {
      LogicalRelation scan = scan(session.read().parquet(dir.resolve("t").toString())
          .queryExecution().optimizedPlan());
      FileRelation relation = scan.relation();
      FileStatistics files = scan.fileStatistics();
      assertThat(files.rows()).isEqualTo(3000);
      assertThat(files.column("I")).isEqualTo(new FileColumnStatistics(0.0, 2999.0, true, 0));
      double jan1 = LocalDate.of(2020, 1, 1).toEpochDay();
      assertThat(files.column("d")).isEqualTo(new FileColumnStatistics(jan1, jan1 + 99, true, 0));
      // Decimals at their scale (range / 100, a division of doubles in DuckDB, 0 among the NULLs); 300 NULLs.
      assertThat(files.column("price")).isEqualTo(new FileColumnStatistics(0.01, 29.99, false, 300));
      assertThat(files.column("x")).isEqualTo(new FileColumnStatistics(0.0, 2999 / 4.0, false, 0));
      // Strings keep their NULL count only.
      assertThat(files.column("s")).isEqualTo(new FileColumnStatistics(null, null, false, 0));
      assertThat(files.column("missing")).isNull();
      // Cached per listing: the same object however often it is asked for.
      assertThat(ParquetFileStatistics.of(relation)).isSameAs(files);
    } finally {
      session.stop();
    }
  }
}
