package dev.ember.sql.tpch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares Ember's answer to DuckDB's value by value. Numbers match within a relative tolerance of 1e-6 or
 * half a cent, whatever their Java types (DuckDB averages decimals as doubles, Spark as decimals with six
 * digits after the point; both are right). Dates compare as ISO text. Rows are compared in order, and if that
 * fails, sorted, since rows tying on the ORDER BY keys may come in either order.
 */
final class AnswerMatcher {

  private AnswerMatcher() {
  }

  /** The first difference between the two answers, or empty when they match. */
  static Optional<String> difference(List<List<Object>> expected, List<List<Object>> actual) {
    if (expected.size() != actual.size()) {
      return Optional.of("expected " + expected.size() + " rows but got " + actual.size());
    }
    Optional<String> inOrder = differenceInOrder(expected, actual);
    if (inOrder.isEmpty()) {
      return inOrder;
    }
    Comparator<List<Object>> byText = Comparator.comparing(Object::toString);
    List<List<Object>> sortedExpected = new ArrayList<>(expected);
    List<List<Object>> sortedActual = new ArrayList<>(actual);
    sortedExpected.sort(byText);
    sortedActual.sort(byText);
    return differenceInOrder(sortedExpected, sortedActual).isEmpty() ? Optional.empty() : inOrder;
  }

  private static Optional<String> differenceInOrder(List<List<Object>> expected, List<List<Object>> actual) {
    for (int r = 0; r < expected.size(); r++) {
      List<Object> want = expected.get(r);
      List<Object> got = actual.get(r);
      if (want.size() != got.size()) {
        return Optional.of("row " + (r + 1) + ": expected " + want.size() + " columns but got " + got.size());
      }
      for (int c = 0; c < want.size(); c++) {
        if (!matches(want.get(c), got.get(c))) {
          return Optional.of("row " + (r + 1) + " column " + (c + 1) + ": expected " + want.get(c) + " but got "
              + got.get(c));
        }
      }
    }
    return Optional.empty();
  }

  static boolean matches(Object expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (expected instanceof Number a && actual instanceof Number b) {
      double x = toDouble(a);
      double y = toDouble(b);
      double tolerance = Math.max(1e-6 * Math.max(Math.abs(x), Math.abs(y)), 0.005);
      return Math.abs(x - y) <= tolerance;
    }
    return Objects.equals(text(expected), text(actual));
  }

  private static double toDouble(Number n) {
    return n instanceof BigDecimal d ? d.doubleValue() : n.doubleValue();
  }

  private static String text(Object value) {
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate().toString();
    }
    return value instanceof LocalDate date ? date.toString() : value.toString();
  }
}
