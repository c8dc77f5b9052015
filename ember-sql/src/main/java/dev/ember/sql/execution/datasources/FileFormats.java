package dev.ember.sql.execution.datasources;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.execution.datasources.csv.CsvFileFormat;
import dev.ember.sql.execution.datasources.json.JsonFileFormat;
import dev.ember.sql.execution.datasources.parquet.ParquetFileFormat;
import dev.ember.sql.execution.datasources.text.TextFileFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the {@link FileFormat} a {@code format(...)} name means: the built-in short names ({@code parquet},
 * {@code csv}, {@code json}, {@code text}, and Spark's class names for them), or the name of a class
 * implementing {@link FileFormat} with a public no-argument constructor. Formats are created on demand, so a
 * format's libraries (Parquet's and Hadoop's classes) are loaded only when it is used.
 */
public final class FileFormats {

  private FileFormats() {}

  /**
   * The format named {@code name}.
   *
   * @throws AnalysisException {@code DATA_SOURCE_NOT_FOUND} for an unknown name, {@code UNSUPPORTED_FEATURE}
   *     for Spark sources Ember does not have yet
   */
  public static FileFormat lookup(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    switch (key) {
      case "parquet", "org.apache.spark.sql.parquet", "org.apache.spark.sql.execution.datasources.parquet":
        return new ParquetFileFormat();
      case "csv", "com.databricks.spark.csv", "org.apache.spark.sql.execution.datasources.csv":
        return new CsvFileFormat();
      case "json", "org.apache.spark.sql.json", "org.apache.spark.sql.execution.datasources.json":
        return new JsonFileFormat();
      case "text", "org.apache.spark.sql.text":
        return new TextFileFormat();
      case "orc", "jdbc", "avro", "binaryfile":
        throw AnalysisException.unsupported("the " + key + " data source");
      default:
        return byClassName(name);
    }
  }

  private static FileFormat byClassName(String name) {
    Class<?> type;
    try {
      type = Class.forName(name, true, Thread.currentThread().getContextClassLoader() != null
          ? Thread.currentThread().getContextClassLoader() : FileFormats.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new AnalysisException("DATA_SOURCE_NOT_FOUND", Map.of("provider", name));
    }
    if (!FileFormat.class.isAssignableFrom(type)) {
      throw new AnalysisException("DATA_SOURCE_NOT_FOUND", Map.of("provider", name));
    }
    try {
      return (FileFormat) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("Cannot create the data source " + name + ": it needs a public "
          + "no-argument constructor", e);
    }
  }
}
