package dev.ember.bench.tpch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Compares two engines' answers to a query, row by row and field by field.
 *
 * <p>Numbers match within a relative tolerance of 1e-6, or within half a unit of the last digit the
 * less precise engine printed: Spark computes {@code avg} of a DECIMAL(15,2) as a decimal with six
 * digits after the point where DuckDB computes a double, and both are right. Rows are compared in
 * order first; if that fails they are compared again sorted, since rows that tie on the ORDER BY keys
 * may come in any order.
 */
public final class AnswerComparator {

  private static final double RELATIVE_TOLERANCE = 1e-6;
  private static final double ABSOLUTE_TOLERANCE = 1e-9;

  private AnswerComparator() {
  }

  /** Compares two answer files; returns a description of the first difference, or empty. */
  public static Optional<String> compareFiles(Path expected, Path actual) {
    try {
      return compare(Files.readAllLines(expected), Files.readAllLines(actual));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compares two answers given as lines of tab-separated fields. */
  public static Optional<String> compare(List<String> expected, List<String> actual) {
    if (expected.size() != actual.size()) {
      return Optional.of("expected " + expected.size() + " rows but got " + actual.size());
    }
    Optional<String> inOrder = compareInOrder(expected, actual);
    if (inOrder.isEmpty()) {
      return inOrder;
    }
    List<String> sortedExpected = new ArrayList<>(expected);
    List<String> sortedActual = new ArrayList<>(actual);
    sortedExpected.sort(null);
    sortedActual.sort(null);
    return compareInOrder(sortedExpected, sortedActual).isEmpty() ? Optional.empty() : inOrder;
  }

  private static Optional<String> compareInOrder(List<String> expected, List<String> actual) {
    for (int row = 0; row < expected.size(); row++) {
      List<String> want = Arrays.asList(expected.get(row).split("\t", -1));
      List<String> got = Arrays.asList(actual.get(row).split("\t", -1));
      if (want.size() != got.size()) {
        return Optional.of("row " + (row + 1) + ": expected " + want.size() + " fields but got "
            + got.size());
      }
      for (int field = 0; field < want.size(); field++) {
        if (!fieldsMatch(want.get(field), got.get(field))) {
          return Optional.of("row " + (row + 1) + " field " + (field + 1) + ": expected "
              + want.get(field) + " but got " + got.get(field));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether two printed values are the same, numbers within tolerance. */
  static boolean fieldsMatch(String expected, String actual) {
    if (expected.equals(actual)) {
      return true;
    }
    Double a = number(expected);
    Double b = number(actual);
    if (a == null || b == null) {
      return false;
    }
    double difference = Math.abs(a - b);
    double tolerance = Math.max(RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)),
        ABSOLUTE_TOLERANCE);
    if (expected.indexOf('.') >= 0 && actual.indexOf('.') >= 0) {
      int digits = Math.min(decimals(expected), decimals(actual));
      tolerance = Math.max(tolerance, 0.5 * Math.pow(10, -digits) * (1 + 1e-9));
    }
    return difference <= tolerance;
  }

  /** Numbers equal within a relative tolerance of 1e-6 (or 1e-9 absolute near zero). */
  public static boolean numbersMatch(double a, double b) {
    return Math.abs(a - b) <= Math.max(RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)),
        ABSOLUTE_TOLERANCE);
  }

  private static Double number(String text) {
    try {
      return Double.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int decimals(String text) {
    if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
      return 17;
    }
    return text.length() - text.indexOf('.') - 1;
  }
}
