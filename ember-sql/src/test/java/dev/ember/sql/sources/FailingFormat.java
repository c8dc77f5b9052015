package dev.ember.sql.sources;

import dev.ember.sql.execution.datasources.DataSourceOptions;
import dev.ember.sql.execution.datasources.FileFormat;
import dev.ember.sql.execution.datasources.FileReader;
import dev.ember.sql.execution.datasources.OutputWriter;
import dev.ember.sql.execution.datasources.OutputWriterFactory;
import dev.ember.sql.execution.datasources.SourceFilter;
import dev.ember.sql.execution.datasources.csv.CsvFileFormat;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** CSV whose writer fails on a row holding "boom", after writing the rows before it: a task failing mid-write. */
public final class FailingFormat implements FileFormat {

  private static final long serialVersionUID = 1L;
  private final CsvFileFormat csv = new CsvFileFormat();

  @Override
  public String shortName() {
    return "failing";
  }

  @Override
  public StructType inferSchema(List<Path> files, DataSourceOptions options) {
    return csv.inferSchema(files, options);
  }

  @Override
  public boolean isSplittable(DataSourceOptions options) {
    return true;
  }

  @Override
  public FileReader createReader(StructType dataSchema, StructType requiredSchema, List<SourceFilter> filters,
      DataSourceOptions options) {
    return csv.createReader(dataSchema, requiredSchema, filters, options);
  }

  @Override
  public OutputWriterFactory prepareWrite(StructType dataSchema, DataSourceOptions options) {
    OutputWriterFactory inner = csv.prepareWrite(dataSchema, options);
    return new OutputWriterFactory() {
      private static final long serialVersionUID = 1L;

      @Override
      public String fileExtension() {
        return inner.fileExtension();
      }

      @Override
      public OutputWriter newWriter(Path file) throws IOException {
        OutputWriter writer = inner.newWriter(file);
        return new OutputWriter() {
          @Override
          public void write(Object[] row) throws IOException {
            for (Object value : row) {
              if ("boom".equals(value)) {
                throw new IOException("injected failure writing " + file.getFileName());
              }
            }
            writer.write(row);
          }

          @Override
          public void close() throws IOException {
            writer.close();
          }
        };
      }
    };
  }
}
