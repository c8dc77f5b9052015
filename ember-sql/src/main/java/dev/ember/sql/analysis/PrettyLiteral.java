package dev.ember.sql.analysis;

import dev.ember.sql.plan.expressions.LeafExpression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.types.DataType;

/**
 * A literal printed without quotes, used only to build column names the way Spark's {@code toPrettySQL}
 * does; it never appears in a plan.
 *
 * @param literal the literal
 */
record PrettyLiteral(Literal literal) implements LeafExpression {

  @Override
  public DataType dataType() {
    return literal.dataType();
  }

  @Override
  public boolean nullable() {
    return literal.nullable();
  }

  @Override
  public String sql() {
    return literal.prettyName();
  }
}
