package dev.ember.sql.plan.expressions;

import java.util.List;

/** An expression without children. */
public interface LeafExpression extends Expression {

  @Override
  default List<Expression> children() {
    return List.of();
  }

  @Override
  default Expression withNewChildren(List<Expression> newChildren) {
    return this;
  }
}
