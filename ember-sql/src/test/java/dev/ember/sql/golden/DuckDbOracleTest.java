package dev.ember.sql.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the expectations of golden queries marked {@code duckdb} against DuckDB, on the same data, so
 * those expected rows are confirmed by a second engine and not only by Ember. Queries are marked only
 * where both dialects agree (for example, explicit NULLS FIRST, since DuckDB sorts NULLs last by default).
 */
class DuckDbOracleTest {

  @TestFactory
  Stream<DynamicTest> goldenQueriesMatchDuckDb() throws Exception {
    return SqlGoldenTest.files().stream()
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
  }

  private static void check(Path file) throws Exception {
    if (SqlTestFile.parse(file).stream().noneMatch(b -> b.isQuery() && b.hasFlag("duckdb"))) {
      // Nothing to compare (e.g. Ember's own commands, whose statements DuckDB does not know).
      return;
    }
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      for (SqlTestFile.Block block : SqlTestFile.parse(file)) {
        if (block.isStatementOk() && !block.sql().regionMatches(true, 0, "SET ", 0, 4)
            && !block.sql().regionMatches(true, 0, "RESET", 0, 5)) {
          // Ember's settings mean nothing to DuckDB; its tables are DuckDB's own.
          statement.execute(block.sql().replaceAll("(?i)\\s+USING\\s+parquet", ""));
        } else if (block.isQuery() && block.hasFlag("duckdb")) {
          List<String> rows = run(statement, block.sql());
          if (block.hasFlag("rowsort")) {
            rows = rows.stream().sorted().toList();
          }
          assertThat(rows).as(file.getFileName() + ":" + block.line() + ": " + block.sql())
              .containsExactlyElementsOf(block.expected());
        }
      }
    }
  }

  private static List<String> run(Statement statement, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        StringBuilder sb = new StringBuilder();
        for (int c = 1; c <= columns; c++) {
          Object value = result.getObject(c);
          sb.append(c == 1 ? "" : "\t").append(value == null ? "NULL" : value.toString());
        }
        rows.add(sb.toString());
      }
    }
    return rows;
  }
}
