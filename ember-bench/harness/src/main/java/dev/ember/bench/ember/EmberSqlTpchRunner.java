package dev.ember.bench.ember;

import dev.ember.bench.data.TpchSchema;
import dev.ember.bench.run.AnswerRows;
import dev.ember.bench.tpch.TpchQueryRunner;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs TPC-H on Ember SQL: a session in {@code local[threads]} with the eight Parquet files registered as
 * temporary views, each query run with {@code session.sql(...)} and collected to the driver.
 */
public final class EmberSqlTpchRunner implements TpchQueryRunner {

  private final EmberSession session;

  /** A session on {@code threads} cores, with as many shuffle partitions. */
  public EmberSqlTpchRunner(int threads) {
    session = EmberSession.builder().master("local[" + threads + "]").appName("ember-bench-tpch")
        .config("spark.sql.shuffle.partitions", String.valueOf(threads))
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate();
  }

  @Override
  public void registerTables(Path tpchDir) {
    for (String table : TpchSchema.tables()) {
      session.read().parquet(tpchDir.resolve(table + ".parquet").toString()).createOrReplaceTempView(table);
    }
  }

  @Override
  public List<List<String>> run(String sql) {
    List<List<String>> rows = new ArrayList<>();
    for (Row row : session.sql(sql).collectAsList()) {
      List<String> fields = new ArrayList<>(row.size());
      for (int i = 0; i < row.size(); i++) {
        fields.add(AnswerRows.format(row.get(i)));
      }
      rows.add(fields);
    }
    return rows;
  }

  @Override
  public void close() {
    session.stop();
  }
}
