package dev.ember.sql.plan.stats;

import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.IsNotNull;
import dev.ember.sql.plan.expressions.IsNull;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Not;
import dev.ember.sql.plan.expressions.Or;
import java.util.Map;

/**
 * The fraction of rows a predicate keeps, from column statistics as Spark's {@code FilterEstimation} computes
 * it: {@code col = literal} keeps 1/ndv (none when the literal lies outside [min, max]); a range comparison
 * keeps the part of [min, max] it covers; {@code col = col} keeps 1/max(ndv); IS [NOT] NULL uses the null
 * count; AND multiplies, OR adds less the overlap, NOT complements. What cannot be estimated keeps every row.
 */
final class FilterSelectivity {

  private FilterSelectivity() {}

  /** The fraction of {@code input}'s rows that {@code condition} keeps, in [0, 1]. */
  static double of(Expression condition, PlanStats input) {
    return Math.max(0, Math.min(1, estimate(condition, input)));
  }

  /**
   * Narrows the statistics of the columns that conjuncts {@code col = literal} of {@code condition} fix to one
   * value: one distinct value, the literal as min and max, no NULLs.
   */
  static void pinEqualities(Expression condition, Map<Long, ColumnStat> columns) {
    if (condition instanceof And and) {
      pinEqualities(and.left(), columns);
      pinEqualities(and.right(), columns);
      return;
    }
    if (condition instanceof BinaryComparison b && b.operator() == ComparisonOperator.EQUAL) {
      boolean literalRight = b.right() instanceof Literal;
      Expression column = literalRight ? b.left() : b.right();
      Expression value = literalRight ? b.right() : b.left();
      if (column instanceof AttributeReference a && value instanceof Literal lit && columns.get(a.exprId()) != null) {
        ColumnStat s = columns.get(a.exprId());
        Double number = number(lit);
        columns.put(a.exprId(), new ColumnStat(Math.min(1, s.distinctCount()), number, number, 0));
      }
    }
  }

  private static double estimate(Expression e, PlanStats input) {
    if (e instanceof And and) {
      return of(and.left(), input) * of(and.right(), input);
    }
    if (e instanceof Or or) {
      double l = of(or.left(), input);
      double r = of(or.right(), input);
      return l + r - l * r;
    }
    if (e instanceof Not not) {
      return not.child() instanceof And || not.child() instanceof Or || not.child() instanceof BinaryComparison
          ? 1 - of(not.child(), input) : 1;
    }
    if (e instanceof IsNull isNull && isNull.child() instanceof AttributeReference a) {
      ColumnStat s = input.column(a.exprId());
      return s == null || input.rowCount() <= 0 ? 1 : s.nullCount() / input.rowCount();
    }
    if (e instanceof IsNotNull notNull && notNull.child() instanceof AttributeReference a) {
      ColumnStat s = input.column(a.exprId());
      return s == null || input.rowCount() <= 0 ? 1 : 1 - s.nullCount() / input.rowCount();
    }
    if (e instanceof BinaryComparison b) {
      return comparison(b, input);
    }
    return 1;
  }

  private static double comparison(BinaryComparison b, PlanStats input) {
    if (b.left() instanceof AttributeReference l && b.right() instanceof AttributeReference r) {
      ColumnStat ls = input.column(l.exprId());
      ColumnStat rs = input.column(r.exprId());
      boolean equality = b.operator() == ComparisonOperator.EQUAL || b.operator() == ComparisonOperator.NULL_SAFE_EQUAL;
      if (!equality || ls == null || rs == null) {
        return equality ? 1 : 1.0 / 3;
      }
      return 1 / Math.max(1, Math.max(ls.distinctCount(), rs.distinctCount()));
    }
    if (b.left() instanceof AttributeReference a && b.right() instanceof Literal lit) {
      return columnVersusLiteral(b.operator(), input.column(a.exprId()), number(lit));
    }
    if (b.right() instanceof AttributeReference a && b.left() instanceof Literal lit) {
      return columnVersusLiteral(flip(b.operator()), input.column(a.exprId()), number(lit));
    }
    return 1;
  }

  private static double columnVersusLiteral(ComparisonOperator op, ColumnStat s, Double value) {
    if (s == null) {
      return 1;
    }
    boolean inRange = value == null || !s.hasRange() || value >= s.min() && value <= s.max();
    double ndv = Math.max(1, s.distinctCount());
    switch (op) {
      case EQUAL, NULL_SAFE_EQUAL -> {
        return inRange ? 1 / ndv : 0;
      }
      case NOT_EQUAL -> {
        return inRange ? 1 - 1 / ndv : 1;
      }
      default -> {
        if (value == null || !s.hasRange()) {
          return 1.0 / 3;
        }
        double width = s.max() - s.min();
        if (width <= 0) {
          boolean keeps = switch (op) {
            case LESS_THAN -> s.min() < value;
            case LESS_THAN_OR_EQUAL -> s.min() <= value;
            case GREATER_THAN -> s.min() > value;
            default -> s.min() >= value;
          };
          return keeps ? 1 : 0;
        }
        boolean below = op == ComparisonOperator.LESS_THAN || op == ComparisonOperator.LESS_THAN_OR_EQUAL;
        double fraction = (value - s.min()) / width;
        return below ? fraction : 1 - fraction;
      }
    }
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

  /** A literal as a double (dates are days), or {@code null} when it is not a number. */
  static Double number(Literal literal) {
    Object v = literal.value();
    return v instanceof Number n ? n.doubleValue() : null;
  }
}
