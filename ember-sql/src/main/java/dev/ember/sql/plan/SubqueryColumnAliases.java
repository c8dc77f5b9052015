package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;

/**
 * Renames the columns of {@code child} to {@code names}, as {@code WITH t(a, b) AS (...)} does; the analyzer
 * replaces it by a project of aliases once the child's columns are known.
 *
 * @param names the new column names, one per column of the child
 * @param child the renamed query
 */
public record SubqueryColumnAliases(List<String> names, LogicalPlan child) implements UnaryNode {

  /** Copies the names. */
  public SubqueryColumnAliases {
    names = List.copyOf(names);
  }

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new SubqueryColumnAliases(names, newChild);
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
  public List<AttributeReference> output() {
    throw new IllegalStateException("output of unresolved column aliases " + names);
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public String simpleString() {
    return "SubqueryColumnAliases " + names;
  }
}
