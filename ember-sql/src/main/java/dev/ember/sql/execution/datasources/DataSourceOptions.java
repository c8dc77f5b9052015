package dev.ember.sql.execution.datasources;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The options of one read or write ({@code option("header", "true")}), with case-insensitive keys as in
 * Spark. Immutable and serializable: readers and writers carry it to the tasks.
 */
public final class DataSourceOptions implements Serializable {

  private static final long serialVersionUID = 1L;
  private final Map<String, String> options;

  /** Options from {@code options}; later keys differing only in case replace earlier ones. */
  public DataSourceOptions(Map<String, String> options) {
    Map<String, String> copy = new LinkedHashMap<>();
    options.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), v));
    this.options = Collections.unmodifiableMap(copy);
  }

  /** The value of {@code key}, or null. */
  public String get(String key) {
    return options.get(key.toLowerCase(Locale.ROOT));
  }

  /** The value of {@code key}, or {@code defaultValue}. */
  public String get(String key, String defaultValue) {
    String value = get(key);
    return value == null ? defaultValue : value;
  }

  /** Whether {@code key} is set. */
  public boolean contains(String key) {
    return options.containsKey(key.toLowerCase(Locale.ROOT));
  }

  /** The value of {@code key} as a boolean ({@code true}/{@code false}, any case). */
  public boolean getBoolean(String key, boolean defaultValue) {
    String value = get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException(key + " should be a boolean, but it was '" + value + "'");
  }

  /** Every option, keys in lower case. */
  public Map<String, String> asMap() {
    return options;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DataSourceOptions that && options.equals(that.options);
  }

  @Override
  public int hashCode() {
    return options.hashCode();
  }

  @Override
  public String toString() {
    return options.toString();
  }
}
