package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;
import java.util.Objects;

/**
 * A join strategy hint on a relation ({@code broadcast(df)}, {@code df.hint("shuffle_hash")}, {@code /*+
 * BROADCAST(t) *}{@code /}); rows pass through unchanged. The optimizer moves it into the {@link JoinHint} of
 * the join above ({@code EliminateResolvedHint}) and drops one with no join above.
 *
 * @param strategy the strategy asked for
 * @param child the hinted relation
 */
public record ResolvedHint(JoinStrategyHint strategy, LogicalPlan child) implements ChildScopedNode {

  /** Checks the fields. */
  public ResolvedHint {
    Objects.requireNonNull(strategy, "strategy is null");
    Objects.requireNonNull(child, "child is null");
  }

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new ResolvedHint(strategy, newChild);
  }

  @Override
  public List<Expression> expressions() {
    return List.of();
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> newExpressions) {
    return this;
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public String simpleString() {
    return "ResolvedHint (strategy=" + strategy.displayName() + ")";
  }
}
