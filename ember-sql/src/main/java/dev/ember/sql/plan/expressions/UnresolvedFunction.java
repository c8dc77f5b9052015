package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;

/**
 * A call of a function the analyzer has yet to look up.
 *
 * @param name the function name as written
 * @param arguments the arguments
 * @param distinct whether DISTINCT was written before the arguments
 * @param origin where the call appears in the query
 */
public record UnresolvedFunction(String name, List<Expression> arguments, boolean distinct, Origin origin)
    implements Expression {

  /** Copies the arguments. */
  public UnresolvedFunction {
    arguments = List.copyOf(arguments);
  }

  @Override
  public List<Expression> children() {
    return arguments;
  }

  @Override
  public Expression withNewChildren(List<Expression> newChildren) {
    return new UnresolvedFunction(name, newChildren, distinct, origin);
  }

  @Override
  public DataType dataType() {
    throw new IllegalStateException("dataType of unresolved function " + name);
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
    StringBuilder sb = new StringBuilder(name).append('(').append(distinct ? "DISTINCT " : "");
    for (int i = 0; i < arguments.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(arguments.get(i).sql());
    }
    return sb.append(')').toString();
  }
}
