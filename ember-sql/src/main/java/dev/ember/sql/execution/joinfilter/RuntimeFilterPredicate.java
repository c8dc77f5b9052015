package dev.ember.sql.execution.joinfilter;

import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A built runtime join filter: TRUE for the rows whose {@code child} key {@code filter} may contain, FALSE for
 * the others and for NULL keys. Deterministic and never failing, so scans may evaluate it while they decode.
 *
 * @param child the application side's key
 * @param filter the creation side's keys
 * @param source the creation side's key, for EXPLAIN
 * @param passFraction the estimated share of the scan's rows the filter keeps ({@link KeyFilterSelectivity}),
 *     by which a scan orders its filters, most selective first
 */
public record RuntimeFilterPredicate(Expression child, KeyFilter filter, String source, double passFraction)
    implements Expression {

  /** Validates the parts. */
  public RuntimeFilterPredicate {
    Objects.requireNonNull(child, "child is null");
    Objects.requireNonNull(filter, "filter is null");
    Objects.requireNonNull(source, "source is null");
  }

  /** The predicate of {@code filter}, whose selectivity is not known. */
  public RuntimeFilterPredicate(Expression child, KeyFilter filter, String source) {
    this(child, filter, source, KeyFilterSelectivity.UNKNOWN);
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new RuntimeFilterPredicate(c.get(0), filter, source, passFraction);
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    return false;
  }

  /**
   * {@code child >= min AND child <= max} over the filter's integral keys, for sources that skip data by ranges
   * (Parquet row-group statistics); empty for hashed or empty filters. The predicate itself tests the range too.
   */
  public Optional<Expression> range() {
    DataType type = child.dataType();
    if (!filter.integral() || filter.min() > filter.max()) {
      return Optional.empty();
    }
    Literal min = bound(type, filter.min());
    Literal max = bound(type, filter.max());
    if (min == null || max == null) {
      return Optional.empty();
    }
    return Optional.of(new And(new BinaryComparison(ComparisonOperator.GREATER_THAN_OR_EQUAL, child, min),
        new BinaryComparison(ComparisonOperator.LESS_THAN_OR_EQUAL, child, max)));
  }

  /** {@code value} as a literal of integral type {@code type}; null for types without such literals. */
  private static Literal bound(DataType type, long value) {
    if (type == DataTypes.LongType) {
      return new Literal(value, type);
    }
    if (type == DataTypes.IntegerType || type == DataTypes.DateType) {
      return new Literal((int) value, type);
    }
    if (type == DataTypes.ShortType) {
      return new Literal((short) value, type);
    }
    if (type == DataTypes.ByteType) {
      return new Literal((byte) value, type);
    }
    return null;
  }

  @Override
  public String sql() {
    String keeps = passFraction < 1.0 ? String.format(java.util.Locale.ROOT, ", keeps about %.1f%%",
        passFraction * 100) : "";
    return "runtime_filter(" + child.sql() + ", " + filter.describe() + " from [" + source + "]" + keeps + ")";
  }
}
