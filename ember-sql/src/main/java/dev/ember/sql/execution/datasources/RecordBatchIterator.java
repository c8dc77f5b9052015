package dev.ember.sql.execution.datasources;

import dev.ember.TaskContext;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.types.DataType;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Batches of a record-oriented reader: subclasses append one record at a time; this cuts the batches, counts
 * rows into the scan metrics and closes the input when exhausted or when the task ends.
 */
public abstract class RecordBatchIterator implements Iterator<ColumnarBatch>, Closeable {

  private final BatchAppender appender;
  private final ScanMetrics metrics;
  private ColumnarBatch next;
  private boolean exhausted;
  private boolean closed;

  /** An iterator of rows of {@code types}; registers its closing with {@code context} when not null. */
  protected RecordBatchIterator(List<DataType> types, TaskContext context, ScanMetrics metrics) {
    this.appender = new BatchAppender(types);
    this.metrics = metrics;
    if (context != null) {
      context.addTaskCompletionListener(tc -> close());
    }
  }

  /**
   * Appends the next record's row (or skips a record and appends nothing).
   *
   * @return false when the input is exhausted
   */
  protected abstract boolean appendNext(BatchAppender out) throws IOException;

  /** Releases the input. */
  protected abstract void closeInput() throws IOException;

  @Override
  public final boolean hasNext() {
    while (next == null && !exhausted) {
      try {
        while (!exhausted && appender.size() < ColumnarBatch.MAX_ROWS) {
          exhausted = !appendNext(appender);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (exhausted) {
        close();
      }
      if (appender.size() > 0) {
        metrics.rowsRead().add(appender.size());
        next = appender.take();
      }
    }
    return next != null;
  }

  @Override
  public final ColumnarBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ColumnarBatch batch = next;
    next = null;
    return batch;
  }

  @Override
  public final void close() {
    if (!closed) {
      closed = true;
      try {
        closeInput();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
