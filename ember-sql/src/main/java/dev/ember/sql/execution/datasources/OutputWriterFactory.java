package dev.ember.sql.execution.datasources;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

/** Makes the writer of each output file, in the write tasks. Made on the driver by a {@link FileFormat}. */
public interface OutputWriterFactory extends Serializable {

  /** The file name ending, e.g. {@code .snappy.parquet} or {@code .csv}. */
  String fileExtension();

  /** A writer of a new file at {@code file}. */
  OutputWriter newWriter(Path file) throws IOException;
}
