package dev.ember.rdd;

import dev.ember.io.CompressionCodec;
import dev.ember.rdd.io.FileCommitProtocol;
import dev.ember.rdd.io.TextOutputWriter;
import java.nio.file.Path;

/**
 * Runs {@code saveAsTextFile}: one {@code part-NNNNN} file per partition, written by tasks into a temporary
 * area and published by a {@link FileCommitProtocol} only when the whole job succeeds.
 */
final class TextFileSaver {

  private TextFileSaver() {}

  /** Saves {@code rdd} as text under {@code path}, compressed with the codec named {@code codecName} if not null. */
  static <T> void save(RDD<T> rdd, String path, String codecName) {
    CompressionCodec codec = codecName == null ? null : CompressionCodec.forName(codecName);
    String extension = codec == null ? "" : codec.fileExtension();
    FileCommitProtocol protocol = new FileCommitProtocol(path);
    protocol.setupJob();
    try {
      rdd.context().runJob(rdd, (tc, it) -> {
        int partition = tc.partitionId();
        Path file = protocol.newTaskTempFile(partition, tc.attemptNumber(),
            String.format("part-%05d%s", partition, extension));
        try {
          long[] written = TextOutputWriter.write(it, file, codec);
          tc.taskMetrics().incOutput(written[0], written[1]);
          protocol.commitTask(partition, tc.attemptNumber());
        } catch (Exception e) {
          protocol.abortTask(partition, tc.attemptNumber());
          throw e;
        }
        return Boolean.TRUE;
      });
      protocol.commitJob();
    } catch (RuntimeException e) {
      protocol.abortJob();
      throw e;
    }
  }
}
