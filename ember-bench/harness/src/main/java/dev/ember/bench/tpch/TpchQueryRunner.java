package dev.ember.bench.tpch;

import java.nio.file.Path;
import java.util.List;

/**
 * An engine that runs TPC-H queries: what an engine implements to take part in the {@code tpch}
 * workload: DuckDB's ({@code DuckDbTpchRunner}) and Ember SQL's ({@code EmberSqlTpchRunner}).
 */
public interface TpchQueryRunner extends AutoCloseable {

  /**
   * Makes the eight tables queryable by name, reading {@code NAME.parquet} files in {@code tpchDir}.
   */
  void registerTables(Path tpchDir) throws Exception;

  /**
   * Runs one query to completion and returns its rows, each value formatted with
   * {@link dev.ember.bench.run.AnswerRows#format(Object)}.
   */
  List<List<String>> run(String sql) throws Exception;
}
