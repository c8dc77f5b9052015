package dev.ember.sql.execution.datasources;

import dev.ember.TaskContext;
import dev.ember.rdd.io.FileSplit;
import dev.ember.sql.execution.vector.ColumnarBatch;
import java.io.Serializable;
import java.util.Iterator;

/** Reads one split of a file into batches, in a task. Made on the driver by a {@link FileFormat}. */
public interface FileReader extends Serializable {

  /**
   * The batches of {@code split}. The iterator closes the file when exhausted and when the task ends.
   *
   * @param context the running task, or null outside a task
   * @param metrics counters the reader adds to
   */
  Iterator<ColumnarBatch> read(FileSplit split, TaskContext context, ScanMetrics metrics);
}
