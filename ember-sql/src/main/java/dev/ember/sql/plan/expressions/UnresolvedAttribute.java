package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;

/**
 * A column name the analyzer has yet to find, possibly qualified ({@code t.a}).
 *
 * @param nameParts the dotted parts of the name
 * @param origin where it appears in the query
 */
public record UnresolvedAttribute(List<String> nameParts, Origin origin) implements LeafExpression {

  /** Copies the parts. */
  public UnresolvedAttribute {
    nameParts = List.copyOf(nameParts);
  }

  /** The name as written, backquoting parts as Spark prints them in errors. */
  public String quotedName() {
    StringBuilder sb = new StringBuilder();
    for (String part : nameParts) {
      sb.append(sb.length() == 0 ? "" : ".").append('`').append(part).append('`');
    }
    return sb.toString();
  }

  @Override
  public DataType dataType() {
    throw new IllegalStateException("dataType of unresolved attribute " + nameParts);
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
    return String.join(".", nameParts);
  }
}
