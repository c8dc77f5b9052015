package dev.ember.bench.spark;

import java.util.LinkedHashMap;
import java.util.Map;

/** The harness's arguments: the workload, then {@code key=value} pairs. */
record RunnerArgs(String workload, Map<String, String> values) {

  static RunnerArgs parse(String[] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: WORKLOAD [key=value ...]");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("expected key=value, got " + args[i]);
      }
      values.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    return new RunnerArgs(args[0], Map.copyOf(values));
  }

  String get(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("missing argument " + key + "=...");
    }
    return value;
  }

  int intValue(String key, int defaultValue) {
    return values.containsKey(key) ? Integer.parseInt(values.get(key)) : defaultValue;
  }

  long longValue(String key, long defaultValue) {
    return values.containsKey(key) ? Long.parseLong(values.get(key)) : defaultValue;
  }
}
