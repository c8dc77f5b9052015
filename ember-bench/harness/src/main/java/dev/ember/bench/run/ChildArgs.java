package dev.ember.bench.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments the harness passes to a child process: the workload, then {@code key=value} pairs
 * ({@code input}, {@code threads}, {@code warmups}, {@code answers}, {@code elements},
 * {@code iterations}).
 *
 * @param workload the workload's command-line name
 * @param values the key-value pairs
 */
public record ChildArgs(String workload, Map<String, String> values) {

  /** Copies the values. */
  public ChildArgs {
    values = Map.copyOf(values);
  }

  /** Parses {@code workload key=value ...}. */
  public static ChildArgs parse(String[] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: WORKLOAD [key=value ...]");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String arg : List.of(args).subList(1, args.length)) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("expected key=value, got " + arg);
      }
      values.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    return new ChildArgs(args[0], values);
  }

  /** A required string value. */
  public String get(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("missing argument " + key + "=...");
    }
    return value;
  }

  /** A required path value. */
  public Path path(String key) {
    return Path.of(get(key));
  }

  /** An integer value, or the default when absent. */
  public int intValue(String key, int defaultValue) {
    String value = values.get(key);
    return value == null ? defaultValue : Integer.parseInt(value);
  }

  /** A long value, or the default when absent. */
  public long longValue(String key, long defaultValue) {
    String value = values.get(key);
    return value == null ? defaultValue : Long.parseLong(value);
  }
}
