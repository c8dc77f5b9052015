package dev.ember.rdd;

import dev.ember.TaskContext;
import dev.ember.rdd.io.FileCommitProtocol;
import dev.ember.serializer.JavaSerializer;
import dev.ember.serializer.SerializerInstance;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Writes an RDD as object files: one file {@code part-NNNNN} per partition, each a sequence of frames (a
 * 4-byte length, then a Java-serialized array of up to {@value #BATCH} records), committed atomically.
 */
final class ObjectFileOutput {

  /** Records per serialized batch, as Spark's saveAsObjectFile groups them. */
  static final int BATCH = 10;

  private ObjectFileOutput() {}

  /** Runs the write job; on failure nothing is left at {@code path}. */
  static <T> void save(RDD<T> rdd, String path) {
    FileCommitProtocol committer = new FileCommitProtocol(path);
    committer.setupJob();
    try {
      rdd.context().runJob(rdd, (context, records) -> {
        writeTask(committer, context, records);
        return Boolean.TRUE;
      });
      committer.commitJob();
    } catch (RuntimeException | Error e) {
      committer.abortJob();
      throw e;
    }
  }

  private static void writeTask(FileCommitProtocol committer, TaskContext context, Iterator<?> records)
      throws IOException {
    int partition = context.partitionId();
    int attempt = context.attemptNumber();
    Path file = committer.newTaskTempFile(partition, attempt, ReliableCheckpointRDD.fileName(partition));
    try {
      long count = write(file, records);
      long bytes = Files.size(file);
      committer.commitTask(partition, attempt);
      context.taskMetrics().incOutput(count, bytes);
    } catch (IOException | RuntimeException e) {
      committer.abortTask(partition, attempt);
      throw e;
    }
  }

  private static long write(Path file, Iterator<?> records) throws IOException {
    SerializerInstance java = new JavaSerializer().newInstance();
    long count = 0;
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
        64 * 1024))) {
      List<Object> batch = new ArrayList<>(BATCH);
      while (records.hasNext()) {
        batch.add(records.next());
        count++;
        if (batch.size() == BATCH || !records.hasNext()) {
          ByteBuffer bytes = java.serialize(batch.toArray());
          out.writeInt(bytes.remaining());
          out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
          batch.clear();
        }
      }
    }
    return count;
  }
}
