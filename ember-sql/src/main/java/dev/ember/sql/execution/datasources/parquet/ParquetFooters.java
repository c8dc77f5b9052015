package dev.ember.sql.execution.datasources.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Parquet footers kept per file version (path, length and modification time) in this process, so the tasks
 * of every query that read a file parse its footer once, not once per split and query; the most recently used
 * {@link #MAX_FILES} are kept. A split gets the footer's row groups whose midpoint lies in its byte range, the
 * rule parquet-java's range filter applies, so the splits of a file share its row groups out exactly once.
 */
final class ParquetFooters {

  /** Footers kept; a footer is tens of kilobytes for a file of a hundred row groups. */
  static final int MAX_FILES = 256;

  private record Version(String path, long length, long modified) {}

  private static final Map<Version, ParquetMetadata> FOOTERS = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Version, ParquetMetadata> eldest) {
      return size() > MAX_FILES;
    }
  };

  private ParquetFooters() {}

  /**
   * The footer of {@code file} (open as {@code input}, with {@code stream} to read it from when it is not
   * kept) with only the row groups of the byte range [{@code start}, {@code end}).
   */
  static ParquetMetadata forRange(Path file, InputFile input, SeekableInputStream stream, long start, long end)
      throws IOException {
    ParquetMetadata whole = whole(file, input, stream);
    List<BlockMetaData> blocks = new ArrayList<>();
    for (BlockMetaData block : whole.getBlocks()) {
      long midpoint = block.getStartingPos() + block.getCompressedSize() / 2;
      if (midpoint >= start && midpoint < end) {
        blocks.add(block);
      }
    }
    return new ParquetMetadata(whole.getFileMetaData(), blocks);
  }

  private static ParquetMetadata whole(Path file, InputFile input, SeekableInputStream stream) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    Version version = new Version(file.toString(), attributes.size(), attributes.lastModifiedTime().toMillis());
    synchronized (FOOTERS) {
      ParquetMetadata kept = FOOTERS.get(version);
      if (kept != null) {
        return kept;
      }
    }
    ParquetMetadata footer = ParquetFileReader.readFooter(input,
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build(), stream);
    synchronized (FOOTERS) {
      FOOTERS.put(version, footer);
    }
    return footer;
  }

  /** The number of footers kept; for tests. */
  static int size() {
    synchronized (FOOTERS) {
      return FOOTERS.size();
    }
  }
}
