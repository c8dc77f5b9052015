package dev.ember.sql.execution.datasources.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.execution.datasources.DataSourceOptions;
import dev.ember.sql.execution.datasources.DateTimeFormats;
import dev.ember.sql.execution.datasources.FileFormat;
import dev.ember.sql.execution.datasources.FileReader;
import dev.ember.sql.execution.datasources.OutputWriter;
import dev.ember.sql.execution.datasources.OutputWriterFactory;
import dev.ember.sql.execution.datasources.SourceFilter;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * JSON lines (one object per line), or with {@code multiLine} whole JSON documents ({@link JsonDocuments}),
 * read and written with jackson-core's streaming API. See
 * {@link JsonSchemaInference} for the inferred types; writing leaves out null fields as Spark does.
 */
public final class JsonFileFormat implements FileFormat {

  private static final long serialVersionUID = 1L;

  @Override
  public String shortName() {
    return "json";
  }

  @Override
  public boolean isSplittable(DataSourceOptions options) {
    // A multiLine file is one JSON document: only a reader of the whole file can find its records.
    return !JsonDocuments.multiLine(options);
  }

  @Override
  public StructType inferSchema(List<Path> files, DataSourceOptions options) {
    isSplittable(options);
    try {
      return JsonSchemaInference.infer(files, JsonOptions.of(options), JsonDocuments.multiLine(options));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot infer the schema of JSON files", e);
    }
  }

  @Override
  public FileReader createReader(StructType dataSchema, StructType requiredSchema, List<SourceFilter> filters,
      DataSourceOptions options) {
    JsonOptions json = JsonOptions.of(options);
    int corrupt = dataSchema.fieldIndexOrMinusOne(json.corruptColumn());
    if (corrupt >= 0 && dataSchema.apply(corrupt).dataType() != DataTypes.StringType) {
      throw new AnalysisException("INVALID_CORRUPT_RECORD_TYPE", Map.of("columnName",
          "`" + json.corruptColumn() + "`", "actualType", "\"" + dataSchema.apply(corrupt).dataType().sql() + "\""));
    }
    boolean multiLine = JsonDocuments.multiLine(options);
    DateTimeFormats formats = DateTimeFormats.of(options);
    return (FileReader) (split, context, metrics) -> new JsonRecordReader(json, requiredSchema, split, context,
        metrics, multiLine, formats);
  }

  @Override
  public OutputWriterFactory prepareWrite(StructType dataSchema, DataSourceOptions options) {
    return new Writers(JsonOptions.of(options), dataSchema, DateTimeFormats.of(options));
  }

  /** Writes one JSON object per line. */
  private record Writers(JsonOptions options, StructType schema, DateTimeFormats formats)
      implements OutputWriterFactory {

    @Override
    public String fileExtension() {
      return ".json";
    }

    @Override
    public OutputWriter newWriter(Path file) throws IOException {
      JsonGenerator generator = new JsonFactory().createGenerator(
          new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
      generator.setRootValueSeparator(null);
      String[] names = schema.fieldNames();
      DataType[] types = schema.fieldList().stream().map(StructField::dataType).toArray(DataType[]::new);
      return new OutputWriter() {
        @Override
        public void write(Object[] row) throws IOException {
          generator.writeStartObject();
          for (int c = 0; c < names.length; c++) {
            Object value = row[c];
            if (value == null) {
              if (!options.ignoreNullFields()) {
                generator.writeNullField(names[c]);
              }
              continue;
            }
            generator.writeFieldName(names[c]);
            JsonValues.write(generator, value, types[c], formats, options.ignoreNullFields());
          }
          generator.writeEndObject();
          generator.writeRaw('\n');
        }

        @Override
        public void close() throws IOException {
          generator.close();
        }
      };
    }
  }
}
