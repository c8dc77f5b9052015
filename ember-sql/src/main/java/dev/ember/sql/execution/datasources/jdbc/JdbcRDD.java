package dev.ember.sql.execution.datasources.jdbc;

import dev.ember.EmberContext;
import dev.ember.Partition;
import dev.ember.TaskContext;
import dev.ember.rdd.RDD;
import dev.ember.sql.execution.datasources.BatchAppender;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.types.DataType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The batches of a JDBC read: one partition per query, each task opening its own connection, running its
 * query with the {@code fetchsize} option and turning the rows into batches as they arrive.
 */
final class JdbcRDD extends RDD<ColumnarBatch> {

  private static final long serialVersionUID = 1L;
  private final JdbcOptions options;
  private final List<String> queries;
  private final List<DataType> types;

  JdbcRDD(EmberContext context, JdbcOptions options, List<String> queries, List<DataType> types) {
    super(context, List.of());
    this.options = options;
    this.queries = List.copyOf(queries);
    this.types = List.copyOf(types);
  }

  @Override
  protected Partition[] getPartitions() {
    Partition[] out = new Partition[queries.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new QueryPartition(i, queries.get(i));
    }
    return out;
  }

  @Override
  public Iterator<ColumnarBatch> compute(Partition split, TaskContext context) {
    String sql = ((QueryPartition) split).sql();
    Connection connection;
    PreparedStatement statement;
    ResultSet result;
    try {
      connection = JdbcUtils.connect(options);
      statement = connection.prepareStatement(sql);
      statement.setFetchSize(options.fetchSize());
      result = statement.executeQuery();
    } catch (SQLException e) {
      throw JdbcUtils.failed(options, "running " + sql, e);
    }
    context.addTaskCompletionListener(tc -> close(connection));
    return new Iterator<>() {
      private ColumnarBatch next;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (next == null && !done) {
          next = readBatch();
        }
        return next != null;
      }

      @Override
      public ColumnarBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ColumnarBatch batch = next;
        next = null;
        return batch;
      }

      private ColumnarBatch readBatch() {
        BatchAppender appender = new BatchAppender(types);
        try {
          while (result.next()) {
            for (int c = 0; c < types.size(); c++) {
              appender.set(c, JdbcUtils.read(result, c + 1, types.get(c)));
            }
            if (appender.endRow()) {
              return appender.take();
            }
          }
        } catch (SQLException e) {
          throw JdbcUtils.failed(options, "reading the rows of " + sql, e);
        }
        done = true;
        close(connection);
        return appender.size() == 0 ? null : types.isEmpty()
            ? new ColumnarBatch(new ColumnVector[0], appender.size()) : appender.take();
      }
    };
  }

  private static void close(Connection connection) {
    try {
      if (!connection.isClosed()) {
        connection.close();
      }
    } catch (SQLException e) {
      // Closing after the rows were read: nothing is lost.
    }
  }

  /** The query one task runs. */
  record QueryPartition(int index, String sql) implements Partition {}
}
