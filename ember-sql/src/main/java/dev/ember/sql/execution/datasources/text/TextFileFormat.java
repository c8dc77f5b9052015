package dev.ember.sql.execution.datasources.text;

import dev.ember.TaskContext;
import dev.ember.rdd.io.FileSplit;
import dev.ember.rdd.io.SplitLineIterator;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.execution.datasources.BatchAppender;
import dev.ember.sql.execution.datasources.DataSourceOptions;
import dev.ember.sql.execution.datasources.FileFormat;
import dev.ember.sql.execution.datasources.FileInputs;
import dev.ember.sql.execution.datasources.FileReader;
import dev.ember.sql.execution.datasources.OutputWriter;
import dev.ember.sql.execution.datasources.OutputWriterFactory;
import dev.ember.sql.execution.datasources.RecordBatchIterator;
import dev.ember.sql.execution.datasources.ScanMetrics;
import dev.ember.sql.execution.datasources.SourceFilter;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Text files as Spark's {@code text} source reads them: one row per line in a single string column
 * {@code value}; writing takes a DataFrame of one string column and writes one line per row.
 */
public final class TextFileFormat implements FileFormat {

  private static final long serialVersionUID = 1L;

  @Override
  public String shortName() {
    return "text";
  }

  @Override
  public StructType inferSchema(List<Path> files, DataSourceOptions options) {
    return new StructType().add("value", DataTypes.StringType);
  }

  @Override
  public boolean isSplittable(DataSourceOptions options) {
    return true;
  }

  @Override
  public FileReader createReader(StructType dataSchema, StructType requiredSchema, List<SourceFilter> filters,
      DataSourceOptions options) {
    boolean keepValue = requiredSchema.length() > 0;
    return (FileReader) (split, context, metrics) -> read(split, context, metrics, keepValue);
  }

  private static Iterator<ColumnarBatch> read(FileSplit split, TaskContext context, ScanMetrics metrics,
      boolean keepValue) {
    SplitLineIterator lines = FileInputs.lines(split, context);
    List<DataType> types = keepValue ? List.of(DataTypes.StringType) : List.of();
    return new RecordBatchIterator(types, context, metrics) {
      @Override
      protected boolean appendNext(BatchAppender out) {
        if (!lines.hasNext()) {
          return false;
        }
        String line = lines.next();
        if (keepValue) {
          out.set(0, line);
        }
        out.endRow();
        return true;
      }

      @Override
      protected void closeInput() {
        lines.close();
      }
    };
  }

  @Override
  public OutputWriterFactory prepareWrite(StructType dataSchema, DataSourceOptions options) {
    if (dataSchema.length() != 1) {
      throw new AnalysisException("TEXT_DATA_SOURCE_SINGLE_COLUMN", Map.of("numColumns",
          String.valueOf(dataSchema.length())));
    }
    StructField field = dataSchema.apply(0);
    if (field.dataType() != DataTypes.StringType) {
      throw new AnalysisException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", Map.of("format", "Text",
          "columnName", "`" + field.name() + "`", "columnType", "\"" + field.dataType().sql() + "\""));
    }
    return new Factory();
  }

  /** Writes lines. */
  private static final class Factory implements OutputWriterFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public String fileExtension() {
      return ".txt";
    }

    @Override
    public OutputWriter newWriter(Path file) throws IOException {
      Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
      return new OutputWriter() {
        @Override
        public void write(Object[] row) throws IOException {
          if (row[0] != null) {
            out.write((String) row[0]);
          }
          out.write('\n');
        }

        @Override
        public void close() throws IOException {
          out.close();
        }
      };
    }
  }
}
