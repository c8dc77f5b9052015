package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CASE WHEN c1 THEN v1 ... ELSE e END}: the value of the first branch whose condition is true, else
 * {@code elseValue} (NULL when absent).
 *
 * @param conditions the branch conditions
 * @param values the branch values (same count)
 * @param elseValue the value when no condition holds
 */
public record CaseWhen(List<Expression> conditions, List<Expression> values, Expression elseValue)
    implements Expression {

  /** Copies and checks the branches. */
  public CaseWhen {
    conditions = List.copyOf(conditions);
    values = List.copyOf(values);
    if (conditions.size() != values.size() || conditions.isEmpty()) {
      throw new IllegalArgumentException("CASE needs one value per condition and at least one branch");
    }
  }

  @Override
  public List<Expression> children() {
    List<Expression> all = new ArrayList<>(conditions);
    all.addAll(values);
    all.add(elseValue);
    return all;
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    int n = conditions.size();
    return new CaseWhen(c.subList(0, n), c.subList(n, 2 * n), c.get(2 * n));
  }

  @Override
  public DataType dataType() {
    return values.get(0).dataType();
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
    StringBuilder sb = new StringBuilder("CASE");
    for (int i = 0; i < conditions.size(); i++) {
      sb.append(" WHEN ").append(conditions.get(i).sql()).append(" THEN ").append(values.get(i).sql());
    }
    if (!(elseValue instanceof Literal literal && literal.value() == null)) {
      sb.append(" ELSE ").append(elseValue.sql());
    }
    return sb.append(" END").toString();
  }
}
