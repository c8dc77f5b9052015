package dev.ember.sql.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;

/** What the Parquet decoding tests check in the files they write. */
final class ParquetTestFiles {

  private ParquetTestFiles() {}

  /** The encodings of {@code column} across the file's row groups, and that there are several row groups. */
  static Set<String> encodings(Path file, String column) throws IOException {
    Set<String> all = new TreeSet<>();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      assertThat(reader.getRowGroups()).hasSizeGreaterThan(1);
      for (BlockMetaData block : reader.getFooter().getBlocks()) {
        for (ColumnChunkMetaData chunk : block.getColumns()) {
          if (chunk.getPath().toDotString().equals(column)) {
            chunk.getEncodings().forEach(e -> all.add(e.name()));
          }
        }
      }
    }
    return all;
  }
}
