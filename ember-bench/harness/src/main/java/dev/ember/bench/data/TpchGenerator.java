package dev.ember.bench.data;

import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes the TPC-H tables with the {@code io.trino.tpch} generator as {@code NAME.tbl} text (fields
 * separated by '|', without dbgen's trailing '|'), then has DuckDB convert each into
 * {@code NAME.parquet} with the standard column types.
 */
final class TpchGenerator {

  private TpchGenerator() {
  }

  static void write(Path dir, double scale) throws IOException, SQLException {
    for (TpchTable<?> table : TpchTable.getTables()) {
      writeText(dir.resolve(table.getTableName() + ".tbl"), table, scale);
    }
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      for (String table : TpchSchema.tables()) {
        Path text = dir.resolve(table + ".tbl");
        Path parquet = dir.resolve(table + ".parquet");
        statement.execute("CREATE TABLE " + table + " (" + TpchSchema.columns(table) + ")");
        statement.execute("COPY " + table + " FROM '" + text + "' (DELIMITER '|', HEADER false)");
        statement.execute("COPY " + table + " TO '" + parquet + "' (FORMAT PARQUET)");
        statement.execute("DROP TABLE " + table);
      }
    }
  }

  private static void writeText(Path file, TpchTable<?> table, double scale) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      for (TpchEntity row : table.createGenerator(scale, 1, 1)) {
        String line = row.toLine();
        out.append(line, 0, line.endsWith("|") ? line.length() - 1 : line.length()).append('\n');
      }
    }
  }
}
