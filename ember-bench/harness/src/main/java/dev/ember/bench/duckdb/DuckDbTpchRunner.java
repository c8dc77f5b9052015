package dev.ember.bench.duckdb;

import dev.ember.bench.data.TpchSchema;
import dev.ember.bench.run.AnswerRows;
import dev.ember.bench.tpch.TpchQueryRunner;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs TPC-H queries on an in-process DuckDB over views of the Parquet files. */
public final class DuckDbTpchRunner implements TpchQueryRunner {

  private final Connection connection;

  /**
   * Opens an in-memory DuckDB limited to {@code threads} threads and {@code memoryLimit} of memory
   * (e.g. {@code 4GB}, the same as the JVM engines' heap).
   */
  public DuckDbTpchRunner(int threads, String memoryLimit) throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET threads = " + threads);
      statement.execute("SET memory_limit = '" + memoryLimit + "'");
    }
  }

  @Override
  public void registerTables(Path tpchDir) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String table : TpchSchema.tables()) {
        statement.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet('"
            + tpchDir.resolve(table + ".parquet") + "')");
      }
    }
  }

  @Override
  public List<List<String>> run(String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>(columns);
        for (int column = 1; column <= columns; column++) {
          row.add(AnswerRows.format(result.getObject(column)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
