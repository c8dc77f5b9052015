package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;

/**
 * {@code CAST(child AS type)}; a value that does not convert becomes NULL (Spark's non-ANSI mode).
 *
 * @param child the value
 * @param dataType the target type
 */
public record Cast(Expression child, DataType dataType) implements Expression {

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new Cast(c.get(0), dataType);
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public boolean foldable() {
    return child.foldable();
  }

  @Override
  public String sql() {
    return "CAST(" + child.sql() + " AS " + dataType.sql() + ")";
  }
}
