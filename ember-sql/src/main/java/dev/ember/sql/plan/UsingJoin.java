package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;

/**
 * An unresolved {@code JOIN ... USING (cols)} (or {@code df.join(other, "col")}); the analyzer turns it into
 * a {@link Join} on equal columns under a projection keeping one column per key.
 *
 * @param left the left input
 * @param right the right input
 * @param joinType the kind of join
 * @param usingColumns the names of the key columns, present on both sides
 */
public record UsingJoin(LogicalPlan left, LogicalPlan right, JoinType joinType, List<String> usingColumns)
    implements LogicalPlan {

  /** Copies the column names. */
  public UsingJoin {
    usingColumns = List.copyOf(usingColumns);
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(left, right);
  }

  @Override
  public LogicalPlan withNewChildren(List<LogicalPlan> c) {
    return new UsingJoin(c.get(0), c.get(1), joinType, usingColumns);
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
    throw new IllegalStateException("output of an unresolved USING join");
  }

  @Override
  public String simpleString() {
    return "UsingJoin " + joinType.prettyName() + ", " + usingColumns;
  }
}
