package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;

/**
 * One key of an ORDER BY: the expression, its direction and where NULLs go (Spark's defaults: NULLS FIRST
 * when ascending, NULLS LAST when descending).
 *
 * @param child the sort key
 * @param ascending whether ascending
 * @param nullsFirst whether NULLs come first
 */
public record SortOrder(Expression child, boolean ascending, boolean nullsFirst) implements Expression {

  /** A key with Spark's default NULL placement for the direction. */
  public static SortOrder of(Expression child, boolean ascending) {
    return new SortOrder(child, ascending, ascending);
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new SortOrder(c.get(0), ascending, nullsFirst);
  }

  @Override
  public DataType dataType() {
    return child.dataType();
  }

  @Override
  public boolean nullable() {
    return child.nullable();
  }

  @Override
  public String sql() {
    return child.sql() + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
  }
}
