package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;

/**
 * A column of the enclosing query read inside a correlated subquery ({@code WHERE o.k = outer(t.k)}). The
 * optimizer pulls the predicates holding it out of the subquery into the join that replaces the subquery.
 *
 * @param attribute the outer column
 */
public record OuterReference(AttributeReference attribute) implements LeafExpression {

  @Override
  public DataType dataType() {
    return attribute.dataType();
  }

  @Override
  public boolean nullable() {
    return attribute.nullable();
  }

  @Override
  public String sql() {
    return "outer(" + attribute.sql() + ")";
  }

  @Override
  public String toString() {
    return "outer(" + attribute + ")";
  }
}
