package dev.ember.sql.execution.datasources;

import dev.ember.EmberContext;
import dev.ember.Partition;
import dev.ember.TaskContext;
import dev.ember.rdd.RDD;
import dev.ember.rdd.io.FileSplit;
import dev.ember.sql.execution.vector.BatchIterators;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.types.DataType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The batches of a file scan: one partition per group of file splits. Each split is read by the format's
 * {@link FileReader}; partition columns are added as constant vectors and the columns put in output order.
 */
final class FileScanRDD extends RDD<ColumnarBatch> {

  private static final long serialVersionUID = 1L;
  private final List<List<ScanFile>> partitions;
  private final FileReader reader;
  private final int[] columnSources;
  private final List<DataType> partitionTypes;
  private final ScanMetrics metrics;

  /**
   * A scan.
   *
   * @param columnSources for each output column, its index in the reader's batches, or {@code -1 - i} for
   *     partition column i
   */
  FileScanRDD(EmberContext context, List<List<ScanFile>> partitions, FileReader reader, int[] columnSources,
      List<DataType> partitionTypes, ScanMetrics metrics) {
    super(context, List.of());
    this.partitions = List.copyOf(partitions);
    this.reader = reader;
    this.columnSources = columnSources.clone();
    this.partitionTypes = List.copyOf(partitionTypes);
    this.metrics = metrics;
  }

  @Override
  protected Partition[] getPartitions() {
    Partition[] out = new Partition[partitions.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new ScanPartition(i, partitions.get(i));
    }
    return out;
  }

  @Override
  public Iterator<ColumnarBatch> compute(Partition split, TaskContext context) {
    Iterator<ScanFile> files = ((ScanPartition) split).files().iterator();
    return new Iterator<>() {
      private Iterator<ColumnarBatch> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && files.hasNext()) {
          ScanFile file = files.next();
          metrics.filesRead().add(1);
          InputFileBlock.set(file.split());
          current = BatchIterators.map(reader.read(file.split(), context, metrics), b -> assemble(b, file));
        }
        return current.hasNext();
      }

      @Override
      public ColumnarBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  private ColumnarBatch assemble(ColumnarBatch batch, ScanFile file) {
    ColumnVector[] columns = new ColumnVector[columnSources.length];
    for (int c = 0; c < columns.length; c++) {
      int source = columnSources[c];
      if (source >= 0) {
        columns[c] = batch.column(source);
      } else {
        int p = -1 - source;
        columns[c] = ColumnVectors.constant(partitionTypes.get(p), file.partitionValues().get(p), batch.numRows());
      }
    }
    return new ColumnarBatch(columns, batch.numRows());
  }

  /**
   * One split with the partition values of its directory.
   *
   * @param split the byte range
   * @param partitionValues the values of the partition columns
   */
  record ScanFile(FileSplit split, List<Object> partitionValues) implements Serializable {
    ScanFile {
      partitionValues = Collections.unmodifiableList(new ArrayList<>(partitionValues));
    }
  }

  /** The files one task reads. */
  record ScanPartition(int index, List<ScanFile> files) implements Partition {}
}
