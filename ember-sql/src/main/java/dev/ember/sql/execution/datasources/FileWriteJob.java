package dev.ember.sql.execution.datasources;

import dev.ember.EmberContext;
import dev.ember.TaskContext;
import dev.ember.rdd.RDD;
import dev.ember.rdd.io.FileCommitProtocol;
import dev.ember.rdd.io.FileCommitProtocol.ExistingOutput;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes the batches of a query as files of one format: a core job with one task per partition, each task
 * writing {@code part-<partition>-<job uuid>.c000<ext>} files (one per {@code key=value} directory when
 * partitioned) through a {@link FileCommitProtocol}, so the files appear only when every task
 * succeeded.
 */
public final class FileWriteJob {

  /** The metadata file the catalog keeps in a managed table's directory; an overwrite of the table keeps it. */
  public static final String TABLE_METADATA = "_ember_table.json";

  private FileWriteJob() {}

  /**
   * Writes {@code data} (rows of {@code schema}) under {@code path}.
   *
   * @param partitionColumns indexes in {@code schema} of the {@code partitionBy} columns, in directory order
   * @param overwrite whether the job replaces what is at {@code path}
   */
  public static void run(EmberContext context, RDD<ColumnarBatch> data, StructType schema, FileFormat format,
      DataSourceOptions options, String path, int[] partitionColumns, boolean overwrite) {
    List<Integer> dataColumns = new ArrayList<>();
    List<StructField> dataFields = new ArrayList<>();
    for (int c = 0; c < schema.length(); c++) {
      final int column = c;
      if (java.util.Arrays.stream(partitionColumns).noneMatch(p -> p == column)) {
        dataColumns.add(c);
        dataFields.add(schema.apply(c));
      }
    }
    OutputWriterFactory factory = format.prepareWrite(new StructType(dataFields), options);
    String jobUuid = UUID.randomUUID().toString();
    FileCommitProtocol protocol = new FileCommitProtocol(path, jobUuid,
        overwrite ? ExistingOutput.OVERWRITE : ExistingOutput.APPEND, Set.of(TABLE_METADATA));
    List<String> partitionNames = new ArrayList<>();
    List<DataType> partitionTypes = new ArrayList<>();
    for (int p : partitionColumns) {
      partitionNames.add(schema.apply(p).name());
      partitionTypes.add(schema.apply(p).dataType());
    }
    WriteTask task = new WriteTask(protocol, factory, jobUuid, dataColumns.stream().mapToInt(i -> i).toArray(),
        partitionColumns.clone(), partitionNames, partitionTypes);
    protocol.setupJob();
    try {
      context.runJob(data, task::write);
      protocol.commitJob();
    } catch (RuntimeException e) {
      protocol.abortJob();
      throw e;
    }
  }

  /** What each task runs: serializable, capturing only the protocol, the writer factory and column layout. */
  private record WriteTask(FileCommitProtocol protocol, OutputWriterFactory factory, String jobUuid,
      int[] dataColumns, int[] partitionColumns, List<String> partitionNames, List<DataType> partitionTypes)
      implements Serializable {

    Boolean write(TaskContext tc, Iterator<ColumnarBatch> batches) throws IOException {
      int partition = tc.partitionId();
      int attempt = tc.attemptNumber();
      String fileName = String.format("part-%05d-%s.c000%s", partition, jobUuid, factory.fileExtension());
      Map<String, OutputWriter> writers = new LinkedHashMap<>();
      Map<String, Path> files = new LinkedHashMap<>();
      long records = 0;
      try {
        Object[] values = new Object[dataColumns.length];
        while (batches.hasNext()) {
          ColumnarBatch batch = batches.next();
          for (int r = 0; r < batch.numRows(); r++) {
            String dir = directory(batch, r);
            OutputWriter writer = writers.get(dir);
            if (writer == null) {
              Path file = protocol.newTaskTempFile(partition, attempt, dir, fileName);
              writer = factory.newWriter(file);
              writers.put(dir, writer);
              files.put(dir, file);
            }
            for (int c = 0; c < dataColumns.length; c++) {
              values[c] = batch.column(dataColumns[c]).getBoxed(r);
            }
            writer.write(values);
            records++;
          }
        }
        if (writers.isEmpty() && partitionColumns.length == 0 && partition == 0) {
          // An empty first partition still writes a file, so that a DataFrame without rows keeps its schema.
          Path file = protocol.newTaskTempFile(partition, attempt, "", fileName);
          writers.put("", factory.newWriter(file));
          files.put("", file);
        }
        closeAll(writers);
        long bytes = 0;
        for (Path file : files.values()) {
          bytes += Files.size(file);
        }
        tc.taskMetrics().incOutput(records, bytes);
        protocol.commitTask(partition, attempt);
      } catch (IOException | RuntimeException e) {
        try {
          closeAll(writers);
        } catch (IOException | RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        protocol.abortTask(partition, attempt);
        throw e;
      }
      return Boolean.TRUE;
    }

    private String directory(ColumnarBatch batch, int row) {
      if (partitionColumns.length == 0) {
        return "";
      }
      StringBuilder sb = new StringBuilder();
      for (int p = 0; p < partitionColumns.length; p++) {
        Object value = batch.column(partitionColumns[p]).getBoxed(row);
        sb.append(p == 0 ? "" : "/").append(PartitionPaths.directoryName(partitionNames.get(p), value,
            partitionTypes.get(p)));
      }
      return sb.toString();
    }

    private static void closeAll(Map<String, OutputWriter> writers) throws IOException {
      IOException failure = null;
      for (OutputWriter writer : writers.values()) {
        try {
          writer.close();
        } catch (IOException e) {
          failure = e;
        }
      }
      writers.clear();
      if (failure != null) {
        throw failure;
      }
    }
  }
}
