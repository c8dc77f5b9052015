package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;

/**
 * {@code *} or {@code t.*} in a select list, expanded by the analyzer.
 *
 * @param qualifier the relation alias, or empty for all columns
 */
public record UnresolvedStar(List<String> qualifier) implements LeafExpression {

  /** Copies the qualifier. */
  public UnresolvedStar {
    qualifier = List.copyOf(qualifier);
  }

  @Override
  public DataType dataType() {
    throw new IllegalStateException("dataType of *");
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
    return qualifier.isEmpty() ? "*" : String.join(".", qualifier) + ".*";
  }
}
