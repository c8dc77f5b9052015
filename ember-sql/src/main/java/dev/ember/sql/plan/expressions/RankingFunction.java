package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Objects;

/**
 * The ranking window functions, computed from the position of a row and its peers in its partition:
 * {@code row_number()}, {@code rank()}, {@code dense_rank()}, {@code percent_rank()}, {@code cume_dist()}
 * and {@code ntile(n)}.
 *
 * @param kind which function
 * @param buckets the number of buckets of {@code ntile}, else 0
 */
public record RankingFunction(Kind kind, int buckets) implements WindowFunction, LeafExpression {

  /** The ranking functions. */
  public enum Kind { ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE }

  /** Validates the function. */
  public RankingFunction {
    Objects.requireNonNull(kind, "kind is null");
  }

  @Override
  public String prettyName() {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public List<Expression> children() {
    return List.of();
  }

  @Override
  public Expression withNewChildren(List<Expression> newChildren) {
    return this;
  }

  @Override
  public DataType dataType() {
    return kind == Kind.PERCENT_RANK || kind == Kind.CUME_DIST ? DataTypes.DoubleType : DataTypes.IntegerType;
  }

  @Override
  public boolean nullable() {
    return false;
  }

  @Override
  public String sql() {
    return prettyName() + "(" + (kind == Kind.NTILE ? String.valueOf(buckets) : "") + ")";
  }
}
