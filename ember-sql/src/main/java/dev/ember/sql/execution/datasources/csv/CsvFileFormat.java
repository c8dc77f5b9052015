package dev.ember.sql.execution.datasources.csv;

import dev.ember.rdd.io.FileSplit;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.execution.datasources.DataSourceOptions;
import dev.ember.sql.execution.datasources.DateTimeFormats;
import dev.ember.sql.execution.datasources.FileFormat;
import dev.ember.sql.execution.datasources.FileInputs;
import dev.ember.sql.execution.datasources.FileReader;
import dev.ember.sql.execution.datasources.OutputWriterFactory;
import dev.ember.sql.execution.datasources.SourceFilter;
import dev.ember.sql.execution.datasources.ValueParsers;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CSV files, with Spark's options (see {@link CsvOptions}): columns named by the header or {@code _c0, _c1,
 * ...}; types inferred (int, bigint, double, boolean, date, else string) when {@code inferSchema} is set and
 * strings otherwise; malformed records handled by the parse mode. Files are split by lines unless
 * {@code multiLine} or {@code lineSep} is set or the encoding is not UTF-8.
 */
public final class CsvFileFormat implements FileFormat {

  private static final long serialVersionUID = 1L;

  @Override
  public String shortName() {
    return "csv";
  }

  @Override
  public boolean isSplittable(DataSourceOptions options) {
    CsvOptions csv = CsvOptions.of(options, false);
    return csv.splitsByLines();
  }

  @Override
  public StructType inferSchema(List<Path> files, DataSourceOptions options) {
    if (files.isEmpty()) {
      return null;
    }
    CsvOptions csv = CsvOptions.of(options, false);
    DateTimeFormatter dates = ValueParsers.dateFormatter(csv.dateFormat());
    DateTimeFormats formats = DateTimeFormats.of(options);
    List<String> names = null;
    List<DataType> types = new ArrayList<>();
    CsvLineParser parser = new CsvLineParser(csv);
    try {
      for (Path file : files) {
        boolean first = true;
        for (List<String> record : records(file, csv, parser)) {
          if (first && csv.header()) {
            first = false;
            names = names == null ? headerNames(record) : names;
            continue;
          }
          first = false;
          if (names == null) {
            names = new ArrayList<>();
            for (int i = 0; i < record.size(); i++) {
              names.add("_c" + i);
            }
          }
          for (int i = 0; i < names.size() && i < record.size(); i++) {
            while (types.size() <= i) {
              types.add(DataTypes.NullType);
            }
            String value = record.get(i) == null ? null : csv.trim(record.get(i));
            if (csv.inferSchema() && value != null && !value.isEmpty() && !value.equals(csv.nullValue())) {
              DataType inferred = ValueParsers.inferText(value, dates);
              if (inferred == DataTypes.StringType && formats.isTimestamp(value)) {
                inferred = DataTypes.TimestampType;
              }
              types.set(i, ValueParsers.merge(types.get(i), inferred));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot infer the schema of CSV files", e);
    }
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; names != null && i < names.size(); i++) {
      DataType type = i < types.size() && csv.inferSchema() ? types.get(i) : DataTypes.StringType;
      fields.add(new StructField(names.get(i), type == DataTypes.NullType ? DataTypes.StringType : type, true));
    }
    return new StructType(fields);
  }

  private static List<String> headerNames(List<String> header) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      names.add(name == null || name.isEmpty() ? "_c" + i : name);
    }
    return names;
  }

  /** The records of a whole file, skipping blank and comment lines; malformed lines are left out. */
  private static List<List<String>> records(Path file, CsvOptions csv, CsvLineParser parser) throws IOException {
    List<List<String>> out = new ArrayList<>();
    FileSplit whole = new FileSplit(file.toString(), 0, Files.size(file), false);
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(FileInputs.openWhole(whole),
        csv.charset()))) {
      if (csv.multiLine()) {
        CsvLineParser streaming = new CsvLineParser(csv);
        streaming.open(reader);
        for (List<String> record = streaming.next(); record != null; record = streaming.next()) {
          out.add(record);
        }
        return out;
      }
      LineSource lines = new LineSource(reader, csv.lineSep());
      for (String line = lines.next(); line != null; line = lines.next()) {
        if (line.isBlank() || csv.comment() != '\0' && line.charAt(0) == csv.comment()) {
          continue;
        }
        try {
          out.add(parser.parseLine(line));
        } catch (IOException e) {
          // A malformed line does not contribute to the schema; reading reports it by the parse mode.
        }
      }
    }
    return out;
  }

  @Override
  public FileReader createReader(StructType dataSchema, StructType requiredSchema, List<SourceFilter> filters,
      DataSourceOptions options) {
    CsvOptions csv = CsvOptions.of(options, false);
    DateTimeFormats formats = DateTimeFormats.of(options);
    if (csv.multiLine() && csv.comment() != '\0' && csv.comment() != '#') {
      throw AnalysisException.unsupported("the CSV option comment='" + csv.comment() + "' with multiLine; "
          + "only '#' comments are recognized in multi-line CSV");
    }
    int corrupt = dataSchema.fieldIndexOrMinusOne(csv.corruptColumn());
    if (corrupt >= 0 && dataSchema.apply(corrupt).dataType() != DataTypes.StringType) {
      throw new AnalysisException("INVALID_CORRUPT_RECORD_TYPE", Map.of("columnName",
          "`" + csv.corruptColumn() + "`", "actualType", "\"" + dataSchema.apply(corrupt).dataType().sql() + "\""));
    }
    return (FileReader) (split, context, metrics) -> {
      try {
        return new CsvRecordReader(csv, dataSchema, requiredSchema, split, context, metrics, formats);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + split.path(), e);
      }
    };
  }

  @Override
  public OutputWriterFactory prepareWrite(StructType dataSchema, DataSourceOptions options) {
    for (StructField field : dataSchema) {
      if (field.dataType() instanceof StructType) {
        throw new AnalysisException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", Map.of("format", "CSV",
            "columnName", "`" + field.name() + "`", "columnType", "\"" + field.dataType().sql() + "\""));
      }
    }
    return new CsvOutputWriterFactory(CsvOptions.of(options, true), dataSchema, DateTimeFormats.of(options));
  }
}
