package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.Expression;
import java.util.List;

/** A plan node without inputs. */
public interface LeafNode extends LogicalPlan {

  @Override
  default List<LogicalPlan> children() {
    return List.of();
  }

  @Override
  default LogicalPlan withNewChildren(List<LogicalPlan> newChildren) {
    return this;
  }

  @Override
  default List<Expression> expressions() {
    return List.of();
  }

  @Override
  default LogicalPlan withNewExpressions(List<Expression> newExpressions) {
    return this;
  }
}
