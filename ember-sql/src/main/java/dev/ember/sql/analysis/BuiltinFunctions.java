package dev.ember.sql.analysis;

import java.util.Collections;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The names and kinds of the built-in functions, for SHOW FUNCTIONS and DESCRIBE FUNCTION; each family
 * resolver ({@link ScalarFunctions}, {@link AggregateFunctions}, {@link WindowFunctions},
 * {@link OrderStatisticFunctions}, {@link FunctionRegistry}) lists the names it resolves.
 */
public final class BuiltinFunctions {

  private static final SortedSet<String> NAMES;

  static {
    SortedSet<String> names = new TreeSet<>(ScalarFunctions.names());
    names.addAll(AggregateFunctions.NAMES);
    names.addAll(WindowFunctions.NAMES);
    names.addAll(OrderStatisticFunctions.NAMES);
    names.addAll(FunctionRegistry.basicAggregates());
    names.add("grouping");
    names.add("grouping_id");
    NAMES = Collections.unmodifiableSortedSet(names);
  }

  private BuiltinFunctions() {}

  /** Every built-in function's name, lower case and sorted. */
  public static SortedSet<String> names() {
    return NAMES;
  }

  /**
   * What kind of built-in function {@code name} is — {@code "aggregate"}, {@code "window"}, {@code "generator"}
   * or {@code "scalar"} — or null when there is none of that name.
   */
  public static String kind(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (!NAMES.contains(lower)) {
      return null;
    }
    if (AggregateFunctions.NAMES.contains(lower) || OrderStatisticFunctions.NAMES.contains(lower)
        || FunctionRegistry.basicAggregates().contains(lower) || lower.startsWith("collect_")
        || lower.equals("array_agg")) {
      return "aggregate";
    }
    if (WindowFunctions.NAMES.contains(lower)) {
      return "window";
    }
    if (lower.contains("explode")) {
      return "generator";
    }
    return "scalar";
  }
}
