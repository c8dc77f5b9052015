package dev.ember.sql.execution.expressions;

import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.types.DataTypes;

/**
 * Comparisons of a vector with one constant (the usual filter {@code column < literal}), without a
 * constant vector as wide as the batch or an array of three-way results: an int, bigint, date or compact
 * decimal column tests each value against a closed range of longs in one branch-free loop (every ordering
 * operator is a range, {@code <>} the complement of one); a string column compares each value with the
 * constant. Other cases, and a NULL constant, are left to {@link ComparisonKernels} (the methods return null).
 */
final class ScalarComparisonKernels {

  private ScalarComparisonKernels() {}

  /**
   * {@code column op constant}, or {@code constant op column} when {@code constantOnLeft}; {@code constant}
   * holds the constant in row 0, in a vector of the column's kind. Null when this kernel does not apply.
   */
  static BooleanColumnVector compare(ComparisonOperator op, ColumnVector column, ColumnVector constant,
      boolean constantOnLeft, int n) {
    if (op == ComparisonOperator.NULL_SAFE_EQUAL || constant.nulls[0]) {
      return null;
    }
    ComparisonOperator o = constantOnLeft ? flip(op) : op;
    if (column instanceof IntColumnVector c && constant instanceof IntColumnVector k) {
      return inRange(o, c.values, k.values[0], column, n);
    }
    if (column instanceof LongColumnVector c && constant instanceof LongColumnVector k) {
      return inRange(o, c.values, k.values[0], column, n);
    }
    if (column instanceof DecimalColumnVector c && constant instanceof DecimalColumnVector k
        && !c.hasWideValues() && k.isCompact(0) && c.scale() == k.scale()) {
      return inRange(o, c.unscaled, k.unscaled[0], column, n);
    }
    if (column instanceof StringColumnVector c && constant instanceof StringColumnVector k) {
      return strings(o, c, k.values[0], n);
    }
    return null;
  }

  /**
   * {@code column op1 k1 AND column op2 k2} in one pass, for ordering operators and {@code =} ({@code k1},
   * {@code k2} hold the constants in row 0, in vectors of the column's kind): the two ranges intersected, each
   * value tested once. NULL where the column is NULL, as both comparisons are. Null when this kernel does not
   * apply.
   */
  static BooleanColumnVector between(ComparisonOperator op1, ColumnVector k1, ComparisonOperator op2,
      ColumnVector k2, ColumnVector column, int n) {
    if (!isRange(op1) || !isRange(op2) || k1.nulls[0] || k2.nulls[0]) {
      return null;
    }
    long[] a;
    long[] b;
    if (column instanceof IntColumnVector c && k1 instanceof IntColumnVector x && k2 instanceof IntColumnVector y) {
      a = range(op1, x.values[0]);
      b = range(op2, y.values[0]);
      return inRange(c.values, Math.max(a[0], b[0]), Math.min(a[1], b[1]), false, column, n);
    }
    if (column instanceof LongColumnVector c && k1 instanceof LongColumnVector x
        && k2 instanceof LongColumnVector y) {
      a = range(op1, x.values[0]);
      b = range(op2, y.values[0]);
      return inRange(c.values, Math.max(a[0], b[0]), Math.min(a[1], b[1]), false, column, n);
    }
    if (column instanceof DecimalColumnVector c && k1 instanceof DecimalColumnVector x
        && k2 instanceof DecimalColumnVector y && !c.hasWideValues() && x.isCompact(0) && y.isCompact(0)
        && c.scale() == x.scale() && c.scale() == y.scale()) {
      a = range(op1, x.unscaled[0]);
      b = range(op2, y.unscaled[0]);
      return inRange(c.unscaled, Math.max(a[0], b[0]), Math.min(a[1], b[1]), false, column, n);
    }
    return null;
  }

  private static boolean isRange(ComparisonOperator op) {
    return op == ComparisonOperator.LESS_THAN || op == ComparisonOperator.LESS_THAN_OR_EQUAL
        || op == ComparisonOperator.GREATER_THAN || op == ComparisonOperator.GREATER_THAN_OR_EQUAL
        || op == ComparisonOperator.EQUAL;
  }

  /** The operator with its operands swapped: {@code k < x} is {@code x > k}. */
  static ComparisonOperator flip(ComparisonOperator op) {
    return switch (op) {
      case LESS_THAN -> ComparisonOperator.GREATER_THAN;
      case LESS_THAN_OR_EQUAL -> ComparisonOperator.GREATER_THAN_OR_EQUAL;
      case GREATER_THAN -> ComparisonOperator.LESS_THAN;
      case GREATER_THAN_OR_EQUAL -> ComparisonOperator.LESS_THAN_OR_EQUAL;
      default -> op;
    };
  }

  private static BooleanColumnVector inRange(ComparisonOperator op, int[] values, long k, ColumnVector column,
      int n) {
    long[] range = range(op, k);
    return inRange(values, range[0], range[1], op == ComparisonOperator.NOT_EQUAL, column, n);
  }

  /** Whether each value lies in the closed range [{@code low}, {@code high}] (the opposite when negated). */
  private static BooleanColumnVector inRange(int[] values, long low, long high, boolean negate, ColumnVector column,
      int n) {
    // The range clamped to ints, so the loop compares ints (twice the lanes of longs in a vector unit); a
    // range outside the ints is the empty range {1, 0}.
    boolean empty = low > high || low > Integer.MAX_VALUE || high < Integer.MIN_VALUE;
    int lo = empty ? 1 : (int) Math.max(low, Integer.MIN_VALUE);
    int hi = empty ? 0 : (int) Math.min(high, Integer.MAX_VALUE);
    BooleanColumnVector out = withNulls(column, n);
    boolean[] o = out.values;
    for (int i = 0; i < n; i++) {
      int v = values[i];
      o[i] = (v >= lo & v <= hi) != negate;
    }
    return out;
  }

  private static BooleanColumnVector inRange(ComparisonOperator op, long[] values, long k, ColumnVector column,
      int n) {
    long[] range = range(op, k);
    return inRange(values, range[0], range[1], op == ComparisonOperator.NOT_EQUAL, column, n);
  }

  /** Whether each value lies in the closed range [{@code lo}, {@code hi}] (the opposite when negated). */
  private static BooleanColumnVector inRange(long[] values, long lo, long hi, boolean negate, ColumnVector column,
      int n) {
    BooleanColumnVector out = withNulls(column, n);
    boolean[] o = out.values;
    for (int i = 0; i < n; i++) {
      long v = values[i];
      o[i] = (v >= lo & v <= hi) != negate;
    }
    return out;
  }

  /** The closed range {lo, hi} of values satisfying {@code value op k} (for {@code <>}: failing it). */
  private static long[] range(ComparisonOperator op, long k) {
    return switch (op) {
      case EQUAL, NOT_EQUAL -> new long[] {k, k};
      case LESS_THAN -> k == Long.MIN_VALUE ? new long[] {1, 0} : new long[] {Long.MIN_VALUE, k - 1};
      case LESS_THAN_OR_EQUAL -> new long[] {Long.MIN_VALUE, k};
      case GREATER_THAN -> k == Long.MAX_VALUE ? new long[] {1, 0} : new long[] {k + 1, Long.MAX_VALUE};
      case GREATER_THAN_OR_EQUAL -> new long[] {k, Long.MAX_VALUE};
      default -> throw new IllegalStateException("no range for " + op);
    };
  }

  private static BooleanColumnVector strings(ComparisonOperator op, StringColumnVector column, String k, int n) {
    BooleanColumnVector out = withNulls(column, n);
    boolean[] o = out.values;
    String[] values = column.values;
    boolean[] nulls = column.nulls;
    if (op == ComparisonOperator.EQUAL || op == ComparisonOperator.NOT_EQUAL) {
      boolean equal = op == ComparisonOperator.EQUAL;
      int hash = k.hashCode();
      for (int i = 0; i < n; i++) {
        // Strings cache their hash, and dictionary-decoded rows share a few instances: most values that
        // differ are told apart without reading their bytes.
        o[i] = !nulls[i] && (values[i].hashCode() == hash && k.equals(values[i])) == equal;
      }
      return out;
    }
    for (int i = 0; i < n; i++) {
      o[i] = !nulls[i] && op.test(values[i].compareTo(k));
    }
    return out;
  }

  /**
   * {@code column IN (candidates)} for non-null string constants, in one pass: TRUE when the value equals
   * one of them, NULL for a NULL value, else FALSE.
   */
  static BooleanColumnVector in(StringColumnVector column, String[] candidates, int n) {
    BooleanColumnVector out = withNulls(column, n);
    boolean[] o = out.values;
    String[] values = column.values;
    boolean[] nulls = column.nulls;
    int[] hashes = new int[candidates.length];
    for (int j = 0; j < candidates.length; j++) {
      hashes[j] = candidates[j].hashCode();
    }
    for (int i = 0; i < n; i++) {
      if (nulls[i]) {
        continue;
      }
      String v = values[i];
      int h = v.hashCode();
      boolean found = false;
      for (int j = 0; j < candidates.length && !found; j++) {
        found = hashes[j] == h && candidates[j].equals(v);
      }
      o[i] = found;
    }
    return out;
  }

  /**
   * {@code substring(column, 1, length) IN (candidates)} for non-null string candidates, without making the
   * substrings: the first {@code min(length, s.length())} characters of each value compared in place with each
   * candidate of that length (the result {@link StringFunctionKernels#substring} would give). NULL where the column
   * is NULL.
   */
  static BooleanColumnVector prefixIn(StringColumnVector column, int length, String[] candidates, int n) {
    BooleanColumnVector out = withNulls(column, n);
    boolean[] o = out.values;
    String[] values = column.values;
    boolean[] nulls = column.nulls;
    for (int i = 0; i < n; i++) {
      if (nulls[i]) {
        continue;
      }
      String v = values[i];
      int prefix = Math.min(length, v.length());
      boolean found = false;
      for (int j = 0; j < candidates.length && !found; j++) {
        String c = candidates[j];
        found = c.length() == prefix && v.regionMatches(0, c, 0, prefix);
      }
      o[i] = found;
    }
    return out;
  }

  /** The widest span of candidates {@link #in(ColumnVector, long[], int)} tests through a bitmap (8 KB). */
  static final long MAX_IN_SPAN = 1 << 16;

  /**
   * {@code column IN (candidates)} for an int or long column and non-null candidates of its type, in one pass
   * through a bitmap of the candidates' span: each value costs a subtraction, a bounds test and a bit test,
   * however many candidates there are. NULL where the column is NULL. Null when this kernel does not apply
   * (another column kind, or candidates spread over more than {@link #MAX_IN_SPAN} values).
   */
  static BooleanColumnVector in(ColumnVector column, long[] candidates, int n) {
    if (candidates.length == 0 || !(column instanceof IntColumnVector || column instanceof LongColumnVector)) {
      return null;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long c : candidates) {
      min = Math.min(min, c);
      max = Math.max(max, c);
    }
    long span = max - min;
    if (span < 0 || span >= MAX_IN_SPAN) {
      return null;
    }
    long[] bits = new long[(int) (span >>> 6) + 1];
    for (long c : candidates) {
      long offset = c - min;
      bits[(int) (offset >>> 6)] |= 1L << offset;
    }
    BooleanColumnVector out = withNulls(column, n);
    boolean[] o = out.values;
    if (column instanceof IntColumnVector c) {
      int[] values = c.values;
      for (int i = 0; i < n; i++) {
        long offset = values[i] - min;
        boolean inSpan = offset >= 0 & offset <= span;
        int word = inSpan ? (int) (offset >>> 6) : 0;
        o[i] = inSpan & (bits[word] & (1L << offset)) != 0;
      }
    } else {
      long[] values = ((LongColumnVector) column).values;
      for (int i = 0; i < n; i++) {
        // The difference wraps for values far from the span; compared unsigned, a wrapped one is still outside.
        long offset = values[i] - min;
        boolean inSpan = Long.compareUnsigned(offset, span) <= 0;
        int word = inSpan ? (int) (offset >>> 6) : 0;
        o[i] = inSpan & (bits[word] & (1L << offset)) != 0;
      }
    }
    return out;
  }

  private static BooleanColumnVector withNulls(ColumnVector column, int n) {
    BooleanColumnVector out = new BooleanColumnVector(DataTypes.BooleanType, n);
    System.arraycopy(column.nulls, 0, out.nulls, 0, n);
    return out;
  }
}
