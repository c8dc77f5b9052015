package dev.ember.sql.plan;

import java.util.List;

/** A plan node with one input. */
public interface UnaryNode extends LogicalPlan {

  /** The input. */
  LogicalPlan child();

  /** This node over a new input. */
  LogicalPlan withNewChild(LogicalPlan newChild);

  @Override
  default List<LogicalPlan> children() {
    return List.of(child());
  }

  @Override
  default LogicalPlan withNewChildren(List<LogicalPlan> newChildren) {
    return withNewChild(newChildren.get(0));
  }
}
