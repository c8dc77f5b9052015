package dev.ember.rdd.io;

import dev.ember.io.CompressionCodec;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Writes records as lines of text ({@code String.valueOf(record)} in UTF-8, each followed by {@code \n}),
 * optionally compressed, as {@code saveAsTextFile} does.
 */
public final class TextOutputWriter {

  private TextOutputWriter() {}

  /**
   * Writes {@code records} to {@code file}, compressed with {@code codec} unless it is {@code null}.
   *
   * @return the number of records written and the number of bytes in the file
   */
  public static long[] write(Iterator<?> records, Path file, CompressionCodec codec) throws IOException {
    long count = 0;
    try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        OutputStream out = codec == null ? raw : codec.compressedOutputStream(raw)) {
      while (records.hasNext()) {
        out.write(String.valueOf(records.next()).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        count++;
      }
    }
    return new long[] {count, Files.size(file)};
  }
}
