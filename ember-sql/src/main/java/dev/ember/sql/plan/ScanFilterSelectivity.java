package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.In;
import dev.ember.sql.plan.expressions.IsNotNull;
import dev.ember.sql.plan.expressions.IsNull;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Not;
import dev.ember.sql.plan.expressions.Or;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The share of a scan's rows a filter keeps, from the column statistics of its files' footers
 * ({@link FileStatistics}), assuming values spread uniformly over each column's [min, max]. Comparisons of a
 * column with literals are gathered per column into one interval (so {@code d >= a AND d < b} keeps the part
 * of the range between a and b, not the product of two halves); equality keeps one of the column's distinct
 * values, bounded by its rows and, for integers and dates, by the width of its range, and none outside the
 * range; a column without a range (strings) keeps {@link #DEFAULT_EQUALITY} per value; IN adds its values;
 * IS [NOT] NULL uses the NULL count; AND multiplies, OR adds (at most 1), NOT complements. A conjunct it cannot
 * estimate keeps half the rows when an expected count is asked for (at most three halvings, as without
 * statistics) and every row for an upper bound.
 */
public final class ScanFilterSelectivity {

  /** The share of rows an equality on a column without a known range keeps. */
  public static final double DEFAULT_EQUALITY = 0.05;

  private static final int MAX_HALVINGS = 3;

  private ScanFilterSelectivity() {}

  /**
   * The share of the rows of a scan with {@code files} statistics that {@code condition}, over the scan's
   * columns, keeps; conjuncts without an estimate keep half ({@code expected}) or all of them.
   */
  public static double of(Expression condition, FileStatistics files, boolean expected) {
    List<Expression> conjuncts = new ArrayList<>();
    split(condition, conjuncts);
    Map<AttributeReference, Interval> ranges = new LinkedHashMap<>();
    double kept = 1;
    int unknown = 0;
    for (Expression c : conjuncts) {
      if (addBound(c, ranges)) {
        continue;
      }
      double s = selectivity(c, files);
      if (Double.isNaN(s)) {
        unknown++;
      } else {
        kept *= s;
      }
    }
    for (Map.Entry<AttributeReference, Interval> range : ranges.entrySet()) {
      double s = range.getValue().fraction(files.column(range.getKey().name()), files.rows());
      if (Double.isNaN(s)) {
        unknown += range.getValue().bounds;
      } else {
        kept *= s;
      }
    }
    if (expected) {
      kept /= 1L << Math.min(MAX_HALVINGS, unknown);
    }
    return Math.max(0, Math.min(1, kept));
  }

  private static void split(Expression e, List<Expression> out) {
    if (e instanceof And and) {
      split(and.left(), out);
      split(and.right(), out);
    } else {
      out.add(e);
    }
  }

  /** The share {@code e} keeps, or NaN when the statistics cannot tell. */
  private static double selectivity(Expression e, FileStatistics files) {
    if (e instanceof And) {
      double s = of(e, files, false);
      return allKnown(e, files) ? s : Double.NaN;
    }
    if (e instanceof Or or) {
      return Math.min(1, selectivity(or.left(), files) + selectivity(or.right(), files));
    }
    if (e instanceof Not not) {
      return 1 - selectivity(not.child(), files);
    }
    if (e instanceof IsNull isNull && isNull.child() instanceof AttributeReference a) {
      return nullShare(a, files);
    }
    if (e instanceof IsNotNull notNull && notNull.child() instanceof AttributeReference a) {
      return 1 - nullShare(a, files);
    }
    if (e instanceof In in && in.value() instanceof AttributeReference a) {
      double sum = 0;
      for (Expression item : in.list()) {
        if (!(item instanceof Literal lit)) {
          return Double.NaN;
        }
        sum += equality(files.column(a.name()), lit, files.rows());
      }
      return Math.min(1, sum);
    }
    if (e instanceof BinaryComparison b) {
      return comparison(b, files);
    }
    return Double.NaN;
  }

  private static boolean allKnown(Expression e, FileStatistics files) {
    if (e instanceof And and) {
      return allKnown(and.left(), files) && allKnown(and.right(), files);
    }
    Map<AttributeReference, Interval> ranges = new LinkedHashMap<>();
    if (addBound(e, ranges)) {
      Map.Entry<AttributeReference, Interval> only = ranges.entrySet().iterator().next();
      return !Double.isNaN(only.getValue().fraction(files.column(only.getKey().name()), files.rows()));
    }
    return !Double.isNaN(selectivity(e, files));
  }

  private static double comparison(BinaryComparison b, FileStatistics files) {
    boolean literalRight = b.right() instanceof Literal;
    Expression column = literalRight ? b.left() : b.right();
    Expression value = literalRight ? b.right() : b.left();
    if (!(column instanceof AttributeReference a) || !(value instanceof Literal lit)) {
      return Double.NaN;
    }
    FileColumnStatistics s = files.column(a.name());
    if (b.operator() == ComparisonOperator.EQUAL || b.operator() == ComparisonOperator.NULL_SAFE_EQUAL) {
      return equality(s, lit, files.rows());
    }
    if (b.operator() == ComparisonOperator.NOT_EQUAL) {
      double equal = equality(s, lit, files.rows());
      return lit.value() == null ? 0 : (1 - nullShare(a, files)) - equal;
    }
    Map<AttributeReference, Interval> ranges = new LinkedHashMap<>();
    return addBound(b, ranges) ? ranges.get(a).fraction(s, files.rows()) : Double.NaN;
  }

  /** The share of rows equal to {@code literal}; NaN without statistics of the column. */
  private static double equality(FileColumnStatistics s, Literal literal, long rows) {
    if (literal.value() == null) {
      return 0;
    }
    if (s == null) {
      return Double.NaN;
    }
    Double value = number(literal);
    if (!s.hasRange() || value == null) {
      return DEFAULT_EQUALITY;
    }
    if (value < s.min() || value > s.max()) {
      return 0;
    }
    double nonNull = rows <= 0 ? 0 : Math.max(0, rows - s.nullCount()) / (double) rows;
    if (!s.integral()) {
      return Math.min(DEFAULT_EQUALITY, nonNull);
    }
    double distinct = Math.max(1, Math.min(Math.max(1, rows - s.nullCount()), s.max() - s.min() + 1));
    return nonNull / distinct;
  }

  private static double nullShare(AttributeReference a, FileStatistics files) {
    FileColumnStatistics s = files.column(a.name());
    if (s == null) {
      return Double.NaN;
    }
    return files.rows() <= 0 ? 0 : Math.min(1, s.nullCount() / (double) files.rows());
  }

  /**
   * Records {@code e} as a bound of its column's interval when it compares a column with a number by
   * {@code <, <=, >, >=}; false otherwise.
   */
  private static boolean addBound(Expression e, Map<AttributeReference, Interval> ranges) {
    if (!(e instanceof BinaryComparison b)) {
      return false;
    }
    boolean literalRight = b.right() instanceof Literal;
    Expression column = literalRight ? b.left() : b.right();
    Expression value = literalRight ? b.right() : b.left();
    if (!(column instanceof AttributeReference a) || !(value instanceof Literal lit) || number(lit) == null) {
      return false;
    }
    ComparisonOperator op = literalRight ? b.operator() : flip(b.operator());
    double v = number(lit);
    switch (op) {
      case LESS_THAN -> ranges.computeIfAbsent(a, k -> new Interval()).upper(v, false);
      case LESS_THAN_OR_EQUAL -> ranges.computeIfAbsent(a, k -> new Interval()).upper(v, true);
      case GREATER_THAN -> ranges.computeIfAbsent(a, k -> new Interval()).lower(v, false);
      case GREATER_THAN_OR_EQUAL -> ranges.computeIfAbsent(a, k -> new Interval()).lower(v, true);
      default -> {
        return false;
      }
    }
    return true;
  }

  private static ComparisonOperator flip(ComparisonOperator op) {
    return switch (op) {
      case LESS_THAN -> ComparisonOperator.GREATER_THAN;
      case LESS_THAN_OR_EQUAL -> ComparisonOperator.GREATER_THAN_OR_EQUAL;
      case GREATER_THAN -> ComparisonOperator.LESS_THAN;
      case GREATER_THAN_OR_EQUAL -> ComparisonOperator.LESS_THAN_OR_EQUAL;
      default -> op;
    };
  }

  /** A literal as a double (dates are days, decimals their value), or {@code null} when it is not a number. */
  private static Double number(Literal literal) {
    Object v = literal.value();
    return v instanceof Number n ? n.doubleValue() : null;
  }

  /** The values a column's bounds of one conjunction allow: an interval, open or closed at either end. */
  private static final class Interval {
    private double low = Double.NEGATIVE_INFINITY;
    private boolean lowInclusive = true;
    private double high = Double.POSITIVE_INFINITY;
    private boolean highInclusive = true;
    private int bounds;

    void lower(double v, boolean inclusive) {
      bounds++;
      if (v > low || v == low && !inclusive) {
        low = v;
        lowInclusive = inclusive;
      }
    }

    void upper(double v, boolean inclusive) {
      bounds++;
      if (v < high || v == high && !inclusive) {
        high = v;
        highInclusive = inclusive;
      }
    }

    /** The share of rows inside, NULLs excluded; NaN when the column's range is unknown. */
    double fraction(FileColumnStatistics s, long rows) {
      if (s == null || !s.hasRange()) {
        return Double.NaN;
      }
      double nonNull = rows <= 0 ? 0 : Math.max(0, rows - s.nullCount()) / (double) rows;
      double min = s.min();
      double max = s.max();
      if (s.integral()) {
        double from = Math.max(min, lowInclusive ? Math.ceil(low) : Math.floor(low) + 1);
        double to = Math.min(max, highInclusive ? Math.floor(high) : Math.ceil(high) - 1);
        return to < from ? 0 : nonNull * (to - from + 1) / (max - min + 1);
      }
      double from = Math.max(min, low);
      double to = Math.min(max, high);
      if (to < from) {
        return 0;
      }
      if (max == min) {
        boolean inside = (low < min || low == min && lowInclusive) && (high > min || high == min && highInclusive);
        return inside ? nonNull : 0;
      }
      return nonNull * (to - from) / (max - min);
    }
  }
}
