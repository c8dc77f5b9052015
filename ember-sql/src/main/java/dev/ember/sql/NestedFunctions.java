package dev.ember.sql;

import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Origin;
import dev.ember.sql.plan.expressions.UnresolvedFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * The DataFrame functions of arrays, maps, structs and binary values; called through {@link functions}, which
 * inherits them: {@code functions.explode(col("xs"))}.
 */
public abstract class NestedFunctions {

  NestedFunctions() {}

  /** An array of the columns' values: {@code array(col("a"), col("b"))}. */
  public static Column array(Column... columns) {
    return fn("array", (Object[]) columns);
  }

  /** A map of alternating key and value columns: {@code map(lit("a"), col("x"))}. */
  public static Column map(Column... keysAndValues) {
    return fn("map", (Object[]) keysAndValues);
  }

  /** A struct of the columns, its fields named after them. */
  public static Column struct(Column... columns) {
    return fn("struct", (Object[]) columns);
  }

  /** Element {@code index} (1-based; negative counts from the end) of an array, or the value of a map key. */
  public static Column element_at(Column column, Object index) {
    return fn("element_at", column, index);
  }

  /** The number of elements of an array or map (-1 for NULL). */
  public static Column size(Column column) {
    return fn("size", column);
  }

  /** Whether the array holds {@code value}. */
  public static Column array_contains(Column column, Object value) {
    return fn("array_contains", column, value);
  }

  /** The array without duplicates. */
  public static Column array_distinct(Column column) {
    return fn("array_distinct", column);
  }

  /** The array sorted ascending, NULLs first. */
  public static Column sort_array(Column column) {
    return fn("sort_array", column);
  }

  /** The array sorted, NULLs first ascending and last descending. */
  public static Column sort_array(Column column, boolean ascending) {
    return fn("sort_array", column, ascending);
  }

  /** The elements joined by {@code delimiter}, NULLs skipped. */
  public static Column array_join(Column column, String delimiter) {
    return fn("array_join", column, delimiter);
  }

  /** The smallest non-NULL element. */
  public static Column array_min(Column column) {
    return fn("array_min", column);
  }

  /** The largest non-NULL element. */
  public static Column array_max(Column column) {
    return fn("array_max", column);
  }

  /** {@code length} elements from 1-based {@code start} (negative counts from the end). */
  public static Column slice(Column column, int start, int length) {
    return fn("slice", column, start, length);
  }

  /** An array of arrays as one array. */
  public static Column flatten(Column column) {
    return fn("flatten", column);
  }

  /** The keys of a map, as an array. */
  public static Column map_keys(Column column) {
    return fn("map_keys", column);
  }

  /** The values of a map, as an array. */
  public static Column map_values(Column column) {
    return fn("map_values", column);
  }

  /** A map from an array of keys and an array of values. */
  public static Column map_from_arrays(Column keys, Column values) {
    return fn("map_from_arrays", keys, values);
  }

  /** The string split around matches of the regular expression {@code pattern}. */
  public static Column split(Column column, String pattern) {
    return fn("split", column, pattern);
  }

  /** One row per element of an array (column {@code col}) or entry of a map ({@code key}, {@code value}). */
  public static Column explode(Column column) {
    return fn("explode", column);
  }

  /** As {@link #explode}, with one row of NULLs for a NULL or empty input. */
  public static Column explode_outer(Column column) {
    return fn("explode_outer", column);
  }

  /** As {@link #explode}, with the 0-based position {@code pos} first. */
  public static Column posexplode(Column column) {
    return fn("posexplode", column);
  }

  /** The group's non-NULL values as an array. */
  public static Column collect_list(Column column) {
    return fn("collect_list", column);
  }

  /** The group's distinct non-NULL values as an array. */
  public static Column collect_set(Column column) {
    return fn("collect_set", column);
  }

  /** Upper-case hexadecimal digits of a binary, string or integral value. */
  public static Column hex(Column column) {
    return fn("hex", column);
  }

  /** The bytes a string of hexadecimal digits spells. */
  public static Column unhex(Column column) {
    return fn("unhex", column);
  }

  /** The Base64 text of a binary value. */
  public static Column base64(Column column) {
    return fn("base64", column);
  }

  /** The bytes of Base64 text. */
  public static Column unbase64(Column column) {
    return fn("unbase64", column);
  }

  /** A call of the built-in function {@code name}; non-Column arguments become literals. */
  static Column fn(String name, Object... arguments) {
    List<Expression> expressions = new ArrayList<>();
    for (Object argument : arguments) {
      expressions.add(Column.toExpr(argument));
    }
    return new Column(new UnresolvedFunction(name, expressions, false, Origin.NONE));
  }
}
