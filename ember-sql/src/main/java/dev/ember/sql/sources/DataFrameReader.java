package dev.ember.sql.sources;

import dev.ember.EmberContext;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.execution.datasources.DataSourceOptions;
import dev.ember.sql.execution.datasources.DateTimeFormats;
import dev.ember.sql.execution.datasources.FileFormat;
import dev.ember.sql.execution.datasources.FileFormats;
import dev.ember.sql.execution.datasources.FileIndex;
import dev.ember.sql.execution.datasources.FileRelation;
import dev.ember.sql.execution.datasources.LogicalRelation;
import dev.ember.sql.execution.datasources.ScanSettings;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads files as a DataFrame, as Spark's DataFrameReader: choose a format, set options and optionally a schema,
 * then load paths. The files are listed (and, without a schema, read for schema inference) when
 * {@link #load} is called; their rows are read when an action runs.
 *
 * <pre>{@code
 * Dataset<Row> people = session.read().option("header", "true").option("inferSchema", "true").csv("people.csv");
 * Dataset<Row> events = session.read().parquet("events/");   // year=2024/month=1/... become columns
 * }</pre>
 */
public final class DataFrameReader {

  /** {@code spark.sql.sources.default}: the format of {@link #load} without {@link #format}. */
  public static final String DEFAULT_SOURCE = "ember.sql.sources.default";
  /** Spark's setting to read unannotated Parquet BINARY as string, passed to the source as an option. */
  static final String BINARY_AS_STRING = "spark.sql.parquet.binaryAsString";

  private final EmberSession session;
  private final Map<String, String> options = new LinkedHashMap<>();
  private String source;
  private StructType userSchema;

  /** A reader for {@code session}; use {@code session.read()}. */
  public DataFrameReader(EmberSession session) {
    this.session = session;
    this.source = session.emberContext().getConf().get(DEFAULT_SOURCE, "parquet");
  }

  /** The format: {@code parquet}, {@code csv}, {@code json}, {@code text}, or a FileFormat class name. */
  public DataFrameReader format(String source) {
    this.source = source;
    return this;
  }

  /** The schema to read with instead of inferring one. */
  public DataFrameReader schema(StructType schema) {
    this.userSchema = schema;
    return this;
  }

  /** The schema as a DDL column list, e.g. {@code "name STRING, age INT"}. */
  public DataFrameReader schema(String ddl) {
    return schema(DdlSchema.parse(ddl));
  }

  /** One option, e.g. {@code option("header", "true")}; keys are case-insensitive. */
  public DataFrameReader option(String key, String value) {
    options.put(key, value);
    return this;
  }

  /** One boolean option. */
  public DataFrameReader option(String key, boolean value) {
    return option(key, String.valueOf(value));
  }

  /** One numeric option. */
  public DataFrameReader option(String key, long value) {
    return option(key, String.valueOf(value));
  }

  /** One numeric option. */
  public DataFrameReader option(String key, double value) {
    return option(key, String.valueOf(value));
  }

  /** Several options. */
  public DataFrameReader options(Map<String, String> more) {
    options.putAll(more);
    return this;
  }

  /** Loads the path given by the {@code path} option. */
  public Dataset<Row> load() {
    if (JdbcSource.isJdbc(source)) {
      return JdbcSource.load(session, options, userSchema);
    }
    String path = new DataSourceOptions(options).get("path");
    if (path == null) {
      throw AnalysisException.unsupported("load() without a path; pass one to load(path) or set the 'path' "
          + "option");
    }
    return load(path);
  }

  /** The options with the session's {@code spark.sql.parquet.binaryAsString}, which Parquet reads as one. */
  private Map<String, String> withSessionSettings() {
    String binaryAsString = session.conf().get(BINARY_AS_STRING, null);
    if (binaryAsString == null || options.containsKey(BINARY_AS_STRING)) {
      return options;
    }
    Map<String, String> all = new HashMap<>(options);
    all.put(BINARY_AS_STRING, binaryAsString);
    return all;
  }

  /** Loads files, directories or globs. */
  public Dataset<Row> load(String... paths) {
    FileFormat format = FileFormats.lookup(source);
    DataSourceOptions dataSourceOptions = new DataSourceOptions(DateTimeFormats.withTimeZone(withSessionSettings(),
        session.sessionTimeZone()));
    FileIndex index = FileIndex.list(Arrays.asList(paths), userSchema);
    StructType partitionSchema = index.partitionSchema();
    StructType dataSchema = userSchema != null ? userSchema : format.inferSchema(index.allFiles(), dataSourceOptions);
    if (dataSchema == null) {
      throw new AnalysisException("UNABLE_TO_INFER_SCHEMA", Map.of("format", displayName(format)));
    }
    List<StructField> dataFields = new ArrayList<>();
    for (StructField field : dataSchema) {
      if (partitionSchema.fieldIndexOrMinusOne(field.name()) < 0) {
        dataFields.add(field);
      }
    }
    EmberContext context = session.emberContext();
    FileRelation relation = new FileRelation(format, index, new StructType(dataFields), partitionSchema,
        dataSourceOptions, ScanSettings.from(context.getConf(), context.defaultParallelism(), dataSourceOptions));
    return Dataset.ofRows(session, LogicalRelation.of(relation));
  }

  private static String displayName(FileFormat format) {
    return switch (format.shortName()) {
      case "parquet" -> "Parquet";
      case "json" -> "JSON";
      case "csv" -> "CSV";
      default -> format.shortName();
    };
  }

  /**
   * The relation of a direct query on files, {@code SELECT * FROM csv.`/data/x.csv`} (the format's default
   * options), or null when {@code name}'s first part is not a file format.
   */
  public static LogicalPlan directFileQuery(EmberSession session, List<String> name) {
    String format = name.get(0).toLowerCase(java.util.Locale.ROOT);
    if (!List.of("parquet", "csv", "json", "text").contains(format)) {
      return null;
    }
    return new DataFrameReader(session).format(format).load(name.get(1)).queryExecution().analyzed();
  }

  /**
   * A database table (or {@code (subquery) alias}) read through JDBC in one partition; {@code properties} are
   * connection properties (user, password) and data source options (fetchsize, ...).
   */
  public Dataset<Row> jdbc(String url, String table, java.util.Properties properties) {
    format("jdbc").option("url", url).option("dbtable", table);
    properties.stringPropertyNames().forEach(key -> option(key, properties.getProperty(key)));
    return load();
  }

  /**
   * A database table read through JDBC in {@code numPartitions} partitions, each a range of
   * {@code columnName} between strides of {@code lowerBound}..{@code upperBound} (the bounds filter nothing).
   */
  public Dataset<Row> jdbc(String url, String table, String columnName, long lowerBound, long upperBound,
      int numPartitions, java.util.Properties properties) {
    option("partitionColumn", columnName).option("lowerBound", lowerBound).option("upperBound", upperBound)
        .option("numPartitions", numPartitions);
    return jdbc(url, table, properties);
  }

  /** Parquet files. */
  public Dataset<Row> parquet(String... paths) {
    return format("parquet").load(paths);
  }

  /** CSV files (options: header, inferSchema, sep, quote, escape, nullValue, dateFormat, mode, ...). */
  public Dataset<Row> csv(String... paths) {
    return format("csv").load(paths);
  }

  /** JSON lines files. */
  public Dataset<Row> json(String... paths) {
    return format("json").load(paths);
  }

  /** Text files: one row per line in a string column {@code value}. */
  public Dataset<Row> text(String... paths) {
    return format("text").load(paths);
  }

  /** Text files as their lines: the {@code value} column alone, without partition columns. */
  public Dataset<Row> textFile(String... paths) {
    return text(paths).select("value");
  }
}
