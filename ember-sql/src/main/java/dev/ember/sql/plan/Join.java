package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Combines the rows of two inputs. The output is the left columns then the right ones (only the left ones for
 * semi and anti joins); the columns of a side that outer joins pad with NULLs become nullable.
 *
 * @param left the left input
 * @param right the right input
 * @param joinType the kind of join
 * @param condition the join condition, or null for none (every pair matches)
 * @param hint the strategy hints of its sides ({@link JoinHint#NONE} for none)
 */
public record Join(LogicalPlan left, LogicalPlan right, JoinType joinType, Expression condition, JoinHint hint)
    implements LogicalPlan {

  /** Validates the join. */
  public Join {
    Objects.requireNonNull(left, "left is null");
    Objects.requireNonNull(right, "right is null");
    Objects.requireNonNull(joinType, "joinType is null");
    Objects.requireNonNull(hint, "hint is null");
  }

  /** A join with no hints. */
  public Join(LogicalPlan left, LogicalPlan right, JoinType joinType, Expression condition) {
    this(left, right, joinType, condition, JoinHint.NONE);
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(left, right);
  }

  @Override
  public LogicalPlan withNewChildren(List<LogicalPlan> c) {
    return new Join(c.get(0), c.get(1), joinType, condition, hint);
  }

  @Override
  public List<Expression> expressions() {
    return condition == null ? List.of() : List.of(condition);
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> e) {
    return condition == null ? this : new Join(left, right, joinType, e.get(0), hint);
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> out = new ArrayList<>(nullable(left.output(), joinType.leftNullable()));
    if (!joinType.leftOnly()) {
      out.addAll(nullable(right.output(), joinType.rightNullable()));
    }
    return out;
  }

  private static List<AttributeReference> nullable(List<AttributeReference> attributes, boolean padded) {
    if (!padded) {
      return attributes;
    }
    List<AttributeReference> out = new ArrayList<>(attributes.size());
    for (AttributeReference a : attributes) {
      out.add(new AttributeReference(a.name(), a.dataType(), true, a.exprId(), a.qualifier()));
    }
    return out;
  }

  @Override
  public String simpleString() {
    return "Join " + joinType.prettyName() + (condition == null ? "" : ", " + condition)
        + (hint.isEmpty() ? "" : ", " + hint);
  }
}
