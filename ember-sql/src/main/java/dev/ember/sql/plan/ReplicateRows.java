package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;

/**
 * Each row of {@code child} repeated as many times as its {@code count} column says (none for 0 or less),
 * keeping the {@code output} columns: what INTERSECT ALL and EXCEPT ALL end with (Spark's ReplicateRows).
 *
 * @param count the column holding each row's number of copies (bigint)
 * @param output the columns of the child kept
 * @param child the input
 */
public record ReplicateRows(AttributeReference count, List<AttributeReference> output, LogicalPlan child)
    implements UnaryNode {

  /** Copies the columns. */
  public ReplicateRows {
    output = List.copyOf(output);
  }

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new ReplicateRows(count, output, newChild);
  }

  @Override
  public List<Expression> expressions() {
    return List.of(count);
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> e) {
    return new ReplicateRows((AttributeReference) e.get(0), output, child);
  }

  @Override
  public String simpleString() {
    return "ReplicateRows " + count + ", " + TreeStrings.list(output);
  }
}
