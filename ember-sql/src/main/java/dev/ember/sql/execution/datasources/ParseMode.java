package dev.ember.sql.execution.datasources;

import java.util.Locale;

/** What a text-based reader does with a malformed record, as Spark's {@code mode} option says. */
public enum ParseMode {
  /** Sets the fields it cannot parse to null and keeps the raw record in the corrupt-record column. */
  PERMISSIVE,
  /** Drops malformed records. */
  DROPMALFORMED,
  /** Fails the query at the first malformed record. */
  FAILFAST;

  /** The mode named by the {@code mode} option (default PERMISSIVE). */
  public static ParseMode of(DataSourceOptions options) {
    String name = options.get("mode", "PERMISSIVE").toUpperCase(Locale.ROOT);
    try {
      return valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown parse mode '" + options.get("mode")
          + "'; use PERMISSIVE, DROPMALFORMED or FAILFAST", e);
    }
  }
}
