package dev.ember.sql.execution.datasources.jdbc;

import dev.ember.EmberContext;
import dev.ember.TaskContext;
import dev.ember.rdd.RDD;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes DataFrames into database tables (Spark's {@code JdbcUtils.saveTable} and friends): table DDL run on the
 * driver — exists, create with mapped types, truncate, drop — and a job whose tasks each insert their partition
 * in batches of {@code batchsize} rows inside one transaction, rolled back if the task fails.
 */
public final class JdbcWriteJob {

  private JdbcWriteJob() {}

  /** Whether the table of {@code options} exists. */
  public static boolean tableExists(JdbcOptions options) {
    try (Connection connection = JdbcUtils.connect(options)) {
      return JdbcUtils.tableExists(connection, options.table());
    } catch (SQLException e) {
      throw JdbcUtils.failed(options, "connecting", e);
    }
  }

  /** Creates the table with {@code schema}'s columns and types, plus the {@code createTableOptions}. */
  public static void createTable(JdbcOptions options, StructType schema) {
    List<String> columns = new ArrayList<>();
    for (StructField field : schema) {
      columns.add(JdbcUtils.quote(field.name()) + " " + JdbcUtils.sqlType(field.dataType(), options.url())
          + (field.nullable() ? "" : " NOT NULL"));
    }
    String extra = options.get("createtableoptions");
    execute(options, "CREATE TABLE " + options.table() + " (" + String.join(", ", columns) + ")"
        + (extra == null || extra.isBlank() ? "" : " " + extra));
  }

  /** Deletes every row of the table, keeping its definition. */
  public static void truncateTable(JdbcOptions options) {
    execute(options, "TRUNCATE TABLE " + options.table());
  }

  /** Drops the table. */
  public static void dropTable(JdbcOptions options) {
    execute(options, "DROP TABLE " + options.table());
  }

  private static void execute(JdbcOptions options, String sql) {
    try (Connection connection = JdbcUtils.connect(options);
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    } catch (SQLException e) {
      throw JdbcUtils.failed(options, "running " + sql, e);
    }
  }

  /**
   * Inserts {@code data} (rows of {@code schema}) into the existing table, matching the DataFrame's columns to
   * the table's by name, case-insensitively.
   */
  public static void insert(EmberContext context, RDD<ColumnarBatch> data, StructType schema, JdbcOptions options) {
    StructType table = JdbcUtils.resolveSchema(options);
    List<String> names = new ArrayList<>();
    for (StructField field : schema) {
      int index = table.fieldIndexOrMinusOne(field.name());
      if (index < 0) {
        throw new AnalysisException("UNRESOLVED_COLUMN.WITH_SUGGESTION", Map.of("objectName",
            "`" + field.name() + "`", "proposal", String.join(", ", java.util.Arrays.stream(table.fieldNames())
                .map(n -> "`" + n + "`").toList())));
      }
      names.add(JdbcUtils.quote(table.apply(index).name()));
    }
    String sql = "INSERT INTO " + options.table() + " (" + String.join(",", names) + ") VALUES ("
        + String.join(",", java.util.Collections.nCopies(names.size(), "?")) + ")";
    InsertTask task = new InsertTask(options, sql, schema.fieldList().stream().map(StructField::dataType).toList(),
        options.batchSize());
    context.runJob(data, task::insert);
  }

  /** What each task runs: serializable, capturing only the options, the statement and the column types. */
  private record InsertTask(JdbcOptions options, String sql, List<DataType> types, int batchSize)
      implements Serializable {

    Long insert(TaskContext tc, Iterator<ColumnarBatch> batches) {
      long rows = 0;
      try (Connection connection = JdbcUtils.connect(options)) {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
          int pending = 0;
          while (batches.hasNext()) {
            ColumnarBatch batch = batches.next();
            for (int r = 0; r < batch.numRows(); r++) {
              for (int c = 0; c < types.size(); c++) {
                JdbcUtils.write(statement, c + 1, batch.column(c).getBoxed(r), types.get(c));
              }
              statement.addBatch();
              rows++;
              if (++pending == batchSize) {
                statement.executeBatch();
                pending = 0;
              }
            }
          }
          if (pending > 0) {
            statement.executeBatch();
          }
          connection.commit();
        } catch (SQLException | RuntimeException e) {
          connection.rollback();
          throw e;
        } finally {
          connection.setAutoCommit(autoCommit);
        }
      } catch (SQLException e) {
        throw JdbcUtils.failed(options, "inserting into " + options.table(), e);
      }
      return rows;
    }
  }
}
