package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code VALUES (...), (...)} before its expressions are evaluated and its column types are found.
 *
 * @param columnNames the column names ({@code col1, col2, ...} unless aliased)
 * @param rows the rows of expressions
 */
public record UnresolvedInlineTable(List<String> columnNames, List<List<Expression>> rows) implements LeafNode {

  /** Copies the rows. */
  public UnresolvedInlineTable {
    columnNames = List.copyOf(columnNames);
    List<List<Expression>> copy = new ArrayList<>();
    for (List<Expression> row : rows) {
      copy.add(List.copyOf(row));
    }
    rows = List.copyOf(copy);
  }

  @Override
  public List<AttributeReference> output() {
    throw new IllegalStateException("output of unresolved inline table");
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public String simpleString() {
    return "'UnresolvedInlineTable " + TreeStrings.list(columnNames) + ", " + rows.size() + " rows";
  }
}
