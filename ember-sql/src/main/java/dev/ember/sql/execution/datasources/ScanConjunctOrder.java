package dev.ember.sql.execution.datasources;

import dev.ember.sql.execution.joinfilter.KeyFilterSelectivity;
import dev.ember.sql.execution.joinfilter.RuntimeFilterPredicate;
import dev.ember.sql.plan.FileStatistics;
import dev.ember.sql.plan.ScanFilterSelectivity;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.In;
import dev.ember.sql.plan.expressions.IsNotNull;
import dev.ember.sql.plan.expressions.IsNull;
import dev.ember.sql.plan.expressions.Like;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Not;
import dev.ember.sql.plan.expressions.Or;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which a reader evaluates the conjuncts of a scan's filter, each on the rows the earlier ones kept:
 * by ascending {@code cost / (1 - pass)}, the order that minimizes the expected work of a conjunction of
 * independent tests, where {@code cost} is a per-row cost by kind of test ({@link #cost}) and {@code pass} the
 * share of rows the conjunct keeps. The share comes from the footer statistics the planner caches per file
 * listing ({@link ScanFilterSelectivity}); the bounds of one column ({@code d >= a}, {@code d < b}) count as
 * one interval, so both sides of a narrow range are ranked by what they keep together and are evaluated as
 * one conjunct (their AND); a runtime join filter brings its own estimate. Without statistics every conjunct is
 * taken to keep half the rows, so they are ordered by cost. Ties keep the filter's order.
 */
public final class ScanConjunctOrder {

  /** The share assumed for a conjunct nothing estimates. */
  private static final double UNKNOWN_PASS = 0.5;
  /** The least share of rows a conjunct is taken to drop, so one that drops none ranks last but finitely. */
  private static final double MIN_DROP = 1e-6;

  private ScanConjunctOrder() {}

  /** {@code conjuncts} (over the scan's columns) in the order to evaluate them, given {@code files} (or null). */
  public static List<Expression> order(List<Expression> conjuncts, FileStatistics files) {
    Map<AttributeReference, List<Expression>> bounds = new LinkedHashMap<>();
    for (Expression conjunct : conjuncts) {
      AttributeReference column = boundColumn(conjunct);
      if (column != null) {
        bounds.computeIfAbsent(column, k -> new ArrayList<>()).add(conjunct);
      }
    }
    double[] ranks = new double[conjuncts.size()];
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < ranks.length; i++) {
      Expression conjunct = conjuncts.get(i);
      AttributeReference column = boundColumn(conjunct);
      Expression estimated = column == null ? conjunct : bounds.get(column).stream().reduce(And::new).orElseThrow();
      ranks[i] = cost(conjunct) / Math.max(MIN_DROP, 1 - passFraction(estimated, files));
      positions.add(i);
    }
    positions.sort(Comparator.comparingDouble(i -> ranks[i]));
    List<Expression> ordered = new ArrayList<>();
    java.util.Set<AttributeReference> combined = new java.util.HashSet<>();
    for (int i : positions) {
      AttributeReference column = boundColumn(conjuncts.get(i));
      List<Expression> range = column == null ? null : bounds.get(column);
      if (range == null || range.size() == 1) {
        ordered.add(conjuncts.get(i));
      } else if (combined.add(column)) {
        // Both bounds of a range in one conjunct: tested together on the same rows, with no copy of the rows
        // the first bound alone keeps (often most of them) before the second runs.
        ordered.add(range.stream().reduce(And::new).orElseThrow());
      }
    }
    return ordered;
  }

  /** The estimated share of rows {@code conjunct} keeps. */
  static double passFraction(Expression conjunct, FileStatistics files) {
    if (conjunct instanceof RuntimeFilterPredicate runtimeFilter) {
      return runtimeFilter.passFraction() == KeyFilterSelectivity.UNKNOWN ? UNKNOWN_PASS
          : runtimeFilter.passFraction();
    }
    return files == null ? UNKNOWN_PASS : ScanFilterSelectivity.of(conjunct, files, true);
  }

  /**
   * The relative cost a row of evaluating {@code e}: a null test ½; a comparison of a column with a literal, or a
   * string equality or IN that a Parquet reader decides per dictionary entry, 1; a comparison of two columns or a
   * numeric IN list 2; a runtime join filter (a hash or bitmap probe) 3; string matching 3; NOT costs its child,
   * AND and OR the sum of theirs; anything else 4.
   */
  static double cost(Expression e) {
    if (e instanceof IsNull || e instanceof IsNotNull) {
      return 0.5;
    }
    if (e instanceof BinaryComparison c) {
      return c.left() instanceof Literal || c.right() instanceof Literal ? 1 : 2;
    }
    if (e instanceof In in) {
      return in.value().dataType().equals(DataTypes.StringType) ? 1 : 2;
    }
    if (e instanceof RuntimeFilterPredicate || e instanceof Like || e instanceof ScalarFunction) {
      return 3;
    }
    if (e instanceof Not not) {
      return cost(not.child());
    }
    if (e instanceof And and) {
      return cost(and.left()) + cost(and.right());
    }
    if (e instanceof Or or) {
      return cost(or.left()) + cost(or.right());
    }
    return 4;
  }

  /** The column {@code e} bounds when it compares a column with a numeric literal by {@code <, <=, >, >=}. */
  private static AttributeReference boundColumn(Expression e) {
    if (!(e instanceof BinaryComparison c) || c.operator() == ComparisonOperator.EQUAL
        || c.operator() == ComparisonOperator.NOT_EQUAL || c.operator() == ComparisonOperator.NULL_SAFE_EQUAL) {
      return null;
    }
    if (c.left() instanceof AttributeReference a && c.right() instanceof Literal l && l.value() instanceof Number) {
      return a;
    }
    if (c.right() instanceof AttributeReference a && c.left() instanceof Literal l && l.value() instanceof Number) {
      return a;
    }
    return null;
  }
}
