package dev.ember.sql.parser;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataType;
import java.util.List;

/**
 * {@code (a, b, ...)}: the parser's placeholder for a row of VALUES. Anywhere else it is a struct
 * constructor, which Ember does not support yet; the analyzer never sees one.
 *
 * @param fields the values
 */
record RowConstructor(List<Expression> fields) implements Expression {

  @Override
  public List<Expression> children() {
    return fields;
  }

  @Override
  public Expression withNewChildren(List<Expression> newChildren) {
    return new RowConstructor(newChildren);
  }

  @Override
  public DataType dataType() {
    throw AnalysisException.unsupported("struct values ((a, b) outside VALUES)");
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public String sql() {
    return "(" + String.join(", ", fields.stream().map(Expression::sql).toList()) + ")";
  }
}
