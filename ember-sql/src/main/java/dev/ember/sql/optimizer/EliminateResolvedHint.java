package dev.ember.sql.optimizer;

import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinHint;
import dev.ember.sql.plan.JoinStrategyHint;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.ResolvedHint;
import dev.ember.sql.plan.UnaryNode;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves each {@link ResolvedHint} into the {@link JoinHint} of the join above it, as Spark's
 * EliminateResolvedHint: a join's side collects the hints over its input down through one-input nodes (the
 * innermost wins, the others are logged as overridden), and hints with no join above are dropped. Once on
 * the join, rules pushing filters or pruning columns into its inputs cannot lose or misplace them.
 */
final class EliminateResolvedHint implements Rule {

  private static final Logger LOG = LoggerFactory.getLogger(EliminateResolvedHint.class);

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    LogicalPlan pulled = plan.transformUp(node -> {
      if (node instanceof Join join) {
        JoinStrategyHint left = collect(join.left(), join.hint().left());
        JoinStrategyHint right = collect(join.right(), join.hint().right());
        if (left == join.hint().left() && right == join.hint().right()) {
          return join;
        }
        return new Join(strip(join.left()), strip(join.right()), join.joinType(), join.condition(),
            new JoinHint(left, right));
      }
      return node;
    });
    return pulled.transformUp(node -> node instanceof ResolvedHint hint ? hint.child() : node);
  }

  /** The strategy of the innermost hint down the one-input nodes from {@code plan}, else {@code current}. */
  private static JoinStrategyHint collect(LogicalPlan plan, JoinStrategyHint current) {
    JoinStrategyHint found = current;
    LogicalPlan node = plan;
    while (node instanceof UnaryNode unary) {
      if (node instanceof ResolvedHint hint) {
        if (found != null && found != hint.strategy()) {
          LOG.warn("Hint (strategy={}) is overridden by another hint and will not take effect.",
              hint.strategy().displayName());
        }
        found = found == null ? hint.strategy() : found;
      }
      node = unary.children().get(0);
    }
    return found;
  }

  /** {@code plan} without the hints down its one-input nodes. */
  private static LogicalPlan strip(LogicalPlan plan) {
    if (plan instanceof ResolvedHint hint) {
      return strip(hint.child());
    }
    if (plan instanceof UnaryNode) {
      LogicalPlan child = plan.children().get(0);
      LogicalPlan stripped = strip(child);
      return stripped == child ? plan : plan.withNewChildren(List.of(stripped));
    }
    return plan;
  }
}
