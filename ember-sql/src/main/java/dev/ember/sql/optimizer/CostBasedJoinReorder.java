package dev.ember.sql.optimizer;

import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * Reorders each tree of inner joins of 3 to {@code spark.sql.cbo.joinReorder.dp.threshold} relations by cost
 * (Spark's CostBasedJoinReorder): {@link JoinReorderDp} finds the cheapest order without cartesian products,
 * the cost of a plan being the rows and bytes of its intermediate joins as the statistics estimator predicts
 * them. Projections that only prune columns between the joins are dropped (column pruning restores them) and
 * a projection on top keeps the original column order. Larger trees keep the order ReorderJoin chose; a tree
 * whose relations cannot all be connected by join conditions is left alone.
 */
final class CostBasedJoinReorder implements Rule {

  private final JoinReorderSettings settings;

  CostBasedJoinReorder(JoinReorderSettings settings) {
    this.settings = settings;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    if (isJoinTree(plan)) {
      List<LogicalPlan> items = new ArrayList<>();
      List<Expression> conditions = new ArrayList<>();
      flatten(plan, items, conditions);
      items.replaceAll(this::apply);
      if (items.size() > 2 && items.size() <= settings.dpThreshold()
          && conditions.stream().noneMatch(Predicates::hasSubquery)) {
        LogicalPlan reordered = JoinReorderDp.search(items, conditions, settings.cardWeight());
        if (reordered != null) {
          List<AttributeReference> output = plan.output();
          return reordered.output().equals(output) ? reordered : new Project(new ArrayList<>(output), reordered);
        }
      }
    }
    List<LogicalPlan> children = plan.children();
    if (children.isEmpty()) {
      return plan;
    }
    List<LogicalPlan> visited = children.stream().map(this::apply).toList();
    boolean same = true;
    for (int i = 0; i < children.size(); i++) {
      same &= visited.get(i) == children.get(i);
    }
    return same ? plan : plan.withNewChildren(visited);
  }

  private static boolean isInnerJoin(LogicalPlan plan) {
    return plan instanceof Join join && (join.joinType() == JoinType.INNER || join.joinType() == JoinType.CROSS)
        && join.hint().isEmpty();
  }

  /** An inner join, or a filter or column-pruning projection over one. */
  private static boolean isJoinTree(LogicalPlan plan) {
    if (plan instanceof Filter filter) {
      return isJoinTree(filter.child());
    }
    if (plan instanceof Project project && project.projectList().stream()
        .allMatch(e -> e instanceof AttributeReference)) {
      return isJoinTree(project.child());
    }
    return isInnerJoin(plan);
  }

  private static void flatten(LogicalPlan plan, List<LogicalPlan> items, List<Expression> conditions) {
    if (plan instanceof Filter filter && isJoinTree(filter.child())) {
      flatten(filter.child(), items, conditions);
      conditions.addAll(Predicates.conjuncts(filter.condition()));
    } else if (plan instanceof Project project && isJoinTree(project)) {
      flatten(project.child(), items, conditions);
    } else if (isInnerJoin(plan)) {
      Join join = (Join) plan;
      flatten(join.left(), items, conditions);
      flatten(join.right(), items, conditions);
      conditions.addAll(Predicates.conjuncts(join.condition()));
    } else {
      items.add(plan);
    }
  }
}
