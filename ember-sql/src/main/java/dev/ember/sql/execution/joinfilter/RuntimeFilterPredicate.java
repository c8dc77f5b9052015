package dev.ember.sql.execution.joinfilter;

import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Objects;

/**
 * A built runtime join filter: TRUE for the rows whose {@code child} key {@code filter} may contain, FALSE for
 * the others and for NULL keys. Deterministic and never failing, so scans may evaluate it while they decode.
 *
 * @param child the application side's key
 * @param filter the creation side's keys
 * @param source the creation side's key, for EXPLAIN
 */
public record RuntimeFilterPredicate(Expression child, KeyFilter filter, String source) implements Expression {

  /** Validates the parts. */
  public RuntimeFilterPredicate {
    Objects.requireNonNull(child, "child is null");
    Objects.requireNonNull(filter, "filter is null");
    Objects.requireNonNull(source, "source is null");
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new RuntimeFilterPredicate(c.get(0), filter, source);
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    return false;
  }

  @Override
  public String sql() {
    return "runtime_filter(" + child.sql() + ", " + filter.describe() + " from [" + source + "])";
  }
}
