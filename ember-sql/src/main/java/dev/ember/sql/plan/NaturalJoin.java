package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;
import java.util.Objects;

/**
 * An unresolved {@code a NATURAL [INNER | LEFT | RIGHT | FULL | SEMI | ANTI] JOIN b}: once both sides are
 * resolved, the analyzer joins on every column name the two sides share, as a USING join on those names in
 * the left side's order (no shared name makes it a join without condition), as Spark does.
 *
 * @param left the left input
 * @param right the right input
 * @param joinType the kind of join (never CROSS)
 */
public record NaturalJoin(LogicalPlan left, LogicalPlan right, JoinType joinType) implements LogicalPlan {

  /** Validates the join. */
  public NaturalJoin {
    Objects.requireNonNull(left, "left is null");
    Objects.requireNonNull(right, "right is null");
    Objects.requireNonNull(joinType, "joinType is null");
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(left, right);
  }

  @Override
  public LogicalPlan withNewChildren(List<LogicalPlan> c) {
    return new NaturalJoin(c.get(0), c.get(1), joinType);
  }

  @Override
  public List<Expression> expressions() {
    return List.of();
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> e) {
    return this;
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public List<AttributeReference> output() {
    throw new IllegalStateException("output of an unresolved NATURAL join");
  }

  @Override
  public String simpleString() {
    return "NaturalJoin " + joinType.prettyName();
  }
}
