package dev.ember.sql.execution.datasources;

import dev.ember.TaskContext;
import dev.ember.io.CompressionCodec;
import dev.ember.rdd.io.FileSplit;
import dev.ember.rdd.io.SplitLineIterator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

/** Opening file splits for the record-oriented formats: compressed files whole, others at the split start. */
public final class FileInputs {

  private FileInputs() {}

  /** Whether the file is compressed with a codec known by its name ({@code .gz}, {@code .zst}, ...). */
  public static boolean isCompressed(String path) {
    return CompressionCodec.forFileName(path).isPresent();
  }

  /** Whether {@code split} covers its whole file. */
  public static boolean isWholeFile(FileSplit split) throws IOException {
    return split.start() == 0 && (isCompressed(split.path()) || split.length() >= Files.size(Paths.get(split.path())));
  }

  /** The decompressed bytes of the whole file of {@code split}. */
  public static InputStream openWhole(FileSplit split) throws IOException {
    FileChannel channel = FileChannel.open(Paths.get(split.path()), StandardOpenOption.READ);
    InputStream raw = Channels.newInputStream(channel);
    if (!isCompressed(split.path())) {
      return raw;
    }
    try {
      return CompressionCodec.forFileName(split.path()).orElseThrow().compressedInputStream(raw);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /**
   * The lines of {@code split} with Hadoop's boundary rule (each line read by exactly one split), UTF-8;
   * compressed files are read whole.
   */
  public static SplitLineIterator lines(FileSplit split, TaskContext context) {
    boolean compressed = isCompressed(split.path());
    return new SplitLineIterator(new FileSplit(split.path(), compressed ? 0 : split.start(), split.length(),
        !compressed), context);
  }
}
