package dev.ember.sql.execution.datasources.jdbc;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The options of a JDBC read or write (Spark's {@code JDBCOptions}), keys case-insensitive: {@code url},
 * {@code dbtable} or {@code query}, {@code driver}, {@code fetchsize}, {@code batchsize}, {@code truncate},
 * {@code partitionColumn}/{@code lowerBound}/{@code upperBound}/{@code numPartitions},
 * {@code createTableOptions}; every other option (user, password, ...) is a connection property.
 *
 * @param url the JDBC URL
 * @param table what to read or write: a table name, or {@code (query) SPARK_GEN_SUBQ_0} for a query
 * @param options every option, keys in lower case
 */
public record JdbcOptions(String url, String table, Map<String, String> options) implements Serializable {

  private static final java.util.Set<String> SOURCE_KEYS = java.util.Set.of("url", "dbtable", "query", "driver",
      "fetchsize", "batchsize", "truncate", "partitioncolumn", "lowerbound", "upperbound", "numpartitions",
      "createtableoptions", "path");

  /** Copies the options. */
  public JdbcOptions {
    options = Map.copyOf(options);
  }

  /** Parses {@code raw} (any key case), validating what Spark validates. */
  public static JdbcOptions parse(Map<String, String> raw) {
    Map<String, String> options = new LinkedHashMap<>();
    raw.forEach((k, v) -> options.put(k.toLowerCase(Locale.ROOT), v));
    String url = options.get("url");
    if (url == null) {
      throw new IllegalArgumentException("Option 'url' is required.");
    }
    String table = options.get("dbtable");
    String query = options.get("query");
    if (table != null && query != null) {
      throw new IllegalArgumentException("Both 'dbtable' and 'query' can not be specified at the same time.");
    }
    if (table == null && query == null) {
      throw new IllegalArgumentException("Option 'dbtable' or 'query' is required.");
    }
    if (query != null && options.containsKey("partitioncolumn")) {
      throw new IllegalArgumentException("Options 'query' and 'partitionColumn' can not be specified together. "
          + "Please define the query using the 'dbtable' option instead and make sure to qualify the partition "
          + "columns using the supplied subquery alias to resolve any ambiguity.");
    }
    if (query != null && query.isBlank()) {
      throw new IllegalArgumentException("Option 'query' can not be empty.");
    }
    String source = table != null ? table.trim() : "(" + query.trim() + ") SPARK_GEN_SUBQ_0";
    return new JdbcOptions(url, source, options);
  }

  /** The connection properties: every option that is not one of the data source's own. */
  public Properties connectionProperties() {
    Properties properties = new Properties();
    options.forEach((k, v) -> {
      if (!SOURCE_KEYS.contains(k)) {
        properties.setProperty(k, v);
      }
    });
    return properties;
  }

  /** Option {@code key} (lower case), or null. */
  public String get(String key) {
    return options.get(key);
  }

  /** An integer option, {@code fallback} when absent. */
  public int getInt(String key, int fallback) {
    String value = options.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid value `" + value + "` for parameter `" + key + "`.", e);
    }
  }

  /** The {@code fetchsize} option (0, the driver's default, when absent). */
  public int fetchSize() {
    int size = getInt("fetchsize", 0);
    if (size < 0) {
      throw new IllegalArgumentException("Invalid value `" + size + "` for parameter `fetchsize`. The minimum "
          + "value is 0. When the value is 0, the JDBC driver ignores the value and does the estimates.");
    }
    return size;
  }

  /** The {@code batchsize} option (1000 by default). */
  public int batchSize() {
    int size = getInt("batchsize", 1000);
    if (size < 1) {
      throw new IllegalArgumentException("Invalid value `" + size + "` for parameter `batchsize`. The minimum "
          + "value is 1.");
    }
    return size;
  }
}
