package dev.ember.sql.sources;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.execution.datasources.jdbc.JdbcOptions;
import dev.ember.sql.execution.datasources.jdbc.JdbcPartitioning;
import dev.ember.sql.execution.datasources.jdbc.JdbcRelation;
import dev.ember.sql.execution.datasources.jdbc.JdbcUtils;
import dev.ember.sql.execution.datasources.jdbc.JdbcWriteJob;
import dev.ember.sql.types.StructType;
import java.util.List;
import java.util.Map;

/** The {@code jdbc} format of {@link DataFrameReader} and {@link DataFrameWriter}. */
final class JdbcSource {

  private JdbcSource() {}

  static boolean isJdbc(String source) {
    return source.equalsIgnoreCase("jdbc") || source.equals("org.apache.spark.sql.jdbc")
        || source.equals("org.apache.spark.sql.execution.datasources.jdbc");
  }

  /** A DataFrame over the table or query of {@code options}; the schema is read from the database now. */
  static Dataset<Row> load(EmberSession session, Map<String, String> rawOptions, StructType userSchema) {
    if (userSchema != null) {
      throw AnalysisException.unsupported("a user-specified schema with the jdbc data source");
    }
    JdbcOptions options = JdbcOptions.parse(rawOptions);
    StructType schema = JdbcUtils.resolveSchema(options);
    List<String> partitions = JdbcPartitioning.whereClauses(options, schema);
    return Dataset.ofRows(session, JdbcRelation.of(options, schema, partitions));
  }

  /** Writes {@code data} into the table of {@code options} under {@code mode}. */
  static void save(Dataset<Row> data, Map<String, String> rawOptions, SaveMode mode) {
    JdbcOptions options = JdbcOptions.parse(rawOptions);
    if (options.get("query") != null) {
      throw new IllegalArgumentException("Option 'query' is not applicable while writing.");
    }
    StructType schema = data.schema();
    boolean exists = JdbcWriteJob.tableExists(options);
    if (exists) {
      switch (mode) {
        case ErrorIfExists -> throw new AnalysisException("TABLE_OR_VIEW_ALREADY_EXISTS", Map.of("relationName",
            "`" + options.table() + "`"));
        case Ignore -> {
          return;
        }
        case Overwrite -> {
          if (Boolean.parseBoolean(options.get("truncate"))) {
            JdbcWriteJob.truncateTable(options);
          } else {
            JdbcWriteJob.dropTable(options);
            JdbcWriteJob.createTable(options, schema);
          }
        }
        default -> {
          // Append: insert into the table as it is.
        }
      }
    } else {
      JdbcWriteJob.createTable(options, schema);
    }
    JdbcWriteJob.insert(data.sparkSession().emberContext(), data.queryExecution().toRdd(), schema, options);
  }
}
