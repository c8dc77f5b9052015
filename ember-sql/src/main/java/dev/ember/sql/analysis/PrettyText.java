package dev.ember.sql.analysis;

import dev.ember.sql.plan.expressions.LeafExpression;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;

/**
 * A leaf printed as fixed text, used only to build column names the way Spark's {@code toPrettySQL} does
 * (unquoted literals, unqualified column names); it never appears in a plan.
 *
 * @param text the text
 */
record PrettyText(String text) implements LeafExpression {

  @Override
  public DataType dataType() {
    return DataTypes.NullType;
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public String sql() {
    return text;
  }
}
