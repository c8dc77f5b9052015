package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The aggregates that need a group's values in order or counted: {@code percentile(x, p)} and
 * {@code median(x)} interpolate between the two values around position {@code (n - 1) * p} and return a
 * DOUBLE; {@code percentile_approx(x, p[, accuracy])} (alias {@code approx_percentile}) returns an actual
 * value of x, the smallest one with at least a fraction p of the values at or below it; {@code mode(x)}
 * returns the most frequent value, the smallest among equally frequent ones. NULLs are skipped; a group
 * without values gives NULL.
 *
 * @param kind which statistic
 * @param input the aggregated expression (already cast to DOUBLE for percentile and median)
 * @param percentage the percentage p in [0, 1] (0.5 for median, unused by mode)
 * @param accuracy percentile_approx's accuracy (its relative error is {@code 1 / accuracy})
 */
public record OrderStatistic(Kind kind, Expression input, double percentage, int accuracy)
    implements AggregateFunction {

  /** The statistics computed from a group's values. */
  public enum Kind {
    /** Exact percentile, interpolated. */
    PERCENTILE,
    /** The exact percentile 0.5, interpolated. */
    MEDIAN,
    /** A value of the column at the percentile's rank. */
    PERCENTILE_APPROX,
    /** The most frequent value. */
    MODE
  }

  /** Validates the arguments. */
  public OrderStatistic {
    Objects.requireNonNull(kind, "kind is null");
    Objects.requireNonNull(input, "input is null");
  }

  @Override
  public String prettyName() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public List<Expression> children() {
    return List.of(input);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new OrderStatistic(kind, c.get(0), percentage, accuracy);
  }

  @Override
  public DataType dataType() {
    return kind == Kind.PERCENTILE || kind == Kind.MEDIAN ? DataTypes.DoubleType : input.dataType();
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public String sql() {
    String in = input instanceof Cast cast ? cast.child().sql() : input.sql();
    return switch (kind) {
      case PERCENTILE -> "percentile(" + in + ", " + percentage + ", 1)";
      case MEDIAN -> "median(" + in + ")";
      case PERCENTILE_APPROX -> "percentile_approx(" + in + ", " + percentage + ", " + accuracy + ")";
      case MODE -> "mode(" + in + ")";
    };
  }
}
