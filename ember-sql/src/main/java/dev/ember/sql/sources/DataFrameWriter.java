package dev.ember.sql.sources;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.execution.datasources.DataSourceOptions;
import dev.ember.sql.execution.datasources.DateTimeFormats;
import dev.ember.sql.execution.datasources.FileFormat;
import dev.ember.sql.execution.datasources.FileFormats;
import dev.ember.sql.execution.datasources.FileWriteJob;
import dev.ember.sql.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a DataFrame as files, as Spark's DataFrameWriter: choose a format, a save mode, options and partition
 * columns, then save to a directory. The write is one job with one task per partition of the DataFrame; the
 * files appear (with a {@code _SUCCESS} marker) only when every task succeeded.
 *
 * <pre>{@code
 * df.write().mode(SaveMode.Overwrite).partitionBy("year").parquet("out/events");
 * df.write().option("header", "true").csv("out/people");
 * }</pre>
 */
public final class DataFrameWriter {

  private final Dataset<Row> data;
  private final Map<String, String> options = new LinkedHashMap<>();
  private final List<String> partitionColumns = new ArrayList<>();
  private String source;
  private SaveMode mode = SaveMode.ErrorIfExists;

  /** A writer of {@code data}; use {@code df.write()}. */
  public DataFrameWriter(Dataset<Row> data) {
    this.data = data;
    this.source = data.sparkSession().emberContext().getConf().get(DataFrameReader.DEFAULT_SOURCE, "parquet");
  }

  /** What to do when the path exists. */
  public DataFrameWriter mode(SaveMode saveMode) {
    this.mode = saveMode;
    return this;
  }

  /** The save mode by name: overwrite, append, ignore, error, errorifexists. */
  public DataFrameWriter mode(String saveMode) {
    return mode(SaveMode.fromName(saveMode));
  }

  /** The format: {@code parquet} (default), {@code csv}, {@code json}, {@code text}, or a FileFormat class. */
  public DataFrameWriter format(String source) {
    this.source = source;
    return this;
  }

  /** One option, e.g. {@code option("compression", "zstd")}. */
  public DataFrameWriter option(String key, String value) {
    options.put(key, value);
    return this;
  }

  /** One boolean option. */
  public DataFrameWriter option(String key, boolean value) {
    return option(key, String.valueOf(value));
  }

  /** One numeric option. */
  public DataFrameWriter option(String key, long value) {
    return option(key, String.valueOf(value));
  }

  /** Several options. */
  public DataFrameWriter options(Map<String, String> more) {
    options.putAll(more);
    return this;
  }

  /** Writes one {@code column=value} directory level per column, in this order. */
  public DataFrameWriter partitionBy(String... columns) {
    partitionColumns.clear();
    partitionColumns.addAll(List.of(columns));
    return this;
  }

  /** Saves to the path given by the {@code path} option, or to the {@code dbtable} of the jdbc format. */
  public void save() {
    if (JdbcSource.isJdbc(source)) {
      JdbcSource.save(data, options, mode);
      return;
    }
    String path = new DataSourceOptions(options).get("path");
    if (path == null) {
      throw AnalysisException.unsupported("save() without a path; pass one to save(path) or set the 'path' "
          + "option");
    }
    save(path);
  }

  /** Saves under the directory {@code path}. */
  public void save(String path) {
    FileFormat format = FileFormats.lookup(source);
    String local = path.startsWith("file://") ? path.substring(7) : path.startsWith("file:") ? path.substring(5)
        : path;
    Path output = Paths.get(local).toAbsolutePath().normalize();
    StructType schema = data.schema();
    int[] partitionIndexes = partitionIndexes(schema);
    boolean exists = Files.exists(output);
    if (exists) {
      switch (mode) {
        case ErrorIfExists -> throw new AnalysisException("PATH_ALREADY_EXISTS", Map.of("outputPath",
            "file:" + output));
        case Ignore -> {
          return;
        }
        default -> {
          // append or overwrite below
        }
      }
    }
    FileWriteJob.run(data.sparkSession().emberContext(), data.queryExecution().toRdd(), schema, format,
        new DataSourceOptions(DateTimeFormats.withTimeZone(options, data.sparkSession().sessionTimeZone())),
        output.toString(), partitionIndexes, mode == SaveMode.Overwrite);
  }

  private int[] partitionIndexes(StructType schema) {
    int[] indexes = new int[partitionColumns.size()];
    for (int i = 0; i < indexes.length; i++) {
      String name = partitionColumns.get(i);
      indexes[i] = schema.fieldIndexOrMinusOne(name);
      if (indexes[i] < 0) {
        throw new AnalysisException("UNRESOLVED_COLUMN.WITH_SUGGESTION", Map.of("objectName", "`" + name + "`",
            "proposal", String.join(", ", java.util.Arrays.stream(schema.fieldNames()).map(n -> "`" + n + "`")
                .toList())));
      }
    }
    if (indexes.length > 0 && indexes.length == schema.length()) {
      throw new AnalysisException("ALL_PARTITION_COLUMNS_NOT_ALLOWED", Map.of());
    }
    return indexes;
  }

  /**
   * Saves as the persistent table {@code tableName} in the warehouse, in this writer's format (default
   * {@code spark.sql.sources.default}), with its options and partition columns. An existing table: an error
   * ({@code ErrorIfExists}, the default), nothing ({@code Ignore}), rows appended by column name ({@code Append})
   * or the table replaced ({@code Overwrite}).
   */
  public void saveAsTable(String tableName) {
    dev.ember.sql.catalog.TableCommands.saveAsTable(data, tableName, mode, source, options, partitionColumns);
  }

  /**
   * Inserts the rows into the existing table {@code tableName} by column position, replacing its rows when the
   * mode is {@code Overwrite}; {@code partitionBy} is not allowed (the table has its own partitioning).
   */
  public void insertInto(String tableName) {
    if (!partitionColumns.isEmpty()) {
      throw AnalysisException.unsupported("insertInto() together with partitionBy()");
    }
    dev.ember.sql.catalog.TableCommands.insertInto(data, tableName, mode == SaveMode.Overwrite);
  }

  /**
   * Saves into the database table {@code table} through JDBC, creating it if needed; {@code properties} are
   * connection properties and options (batchsize, truncate, createTableOptions).
   */
  public void jdbc(String url, String table, java.util.Properties properties) {
    format("jdbc").option("url", url).option("dbtable", table);
    properties.stringPropertyNames().forEach(key -> option(key, properties.getProperty(key)));
    save();
  }

  /** Saves as Parquet files. */
  public void parquet(String path) {
    format("parquet").save(path);
  }

  /** Saves as CSV files. */
  public void csv(String path) {
    format("csv").save(path);
  }

  /** Saves as JSON lines files. */
  public void json(String path) {
    format("json").save(path);
  }

  /** Saves a single string column as text files, one line per row. */
  public void text(String path) {
    format("text").save(path);
  }
}
