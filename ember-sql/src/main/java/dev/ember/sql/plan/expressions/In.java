package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code value IN (list...)}: true when equal to an element; else NULL if the value or an element is NULL;
 * else false.
 *
 * @param value the tested value
 * @param list the candidates
 */
public record In(Expression value, List<Expression> list) implements Expression {

  /** Copies the list. */
  public In {
    list = List.copyOf(list);
  }

  @Override
  public List<Expression> children() {
    List<Expression> all = new ArrayList<>(list.size() + 1);
    all.add(value);
    all.addAll(list);
    return all;
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new In(c.get(0), c.subList(1, c.size()));
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public boolean foldable() {
    return children().stream().allMatch(Expression::foldable);
  }

  @Override
  public String sql() {
    StringBuilder sb = new StringBuilder("(").append(value.sql()).append(" IN (");
    for (int i = 0; i < list.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(list.get(i).sql());
    }
    return sb.append("))").toString();
  }
}
