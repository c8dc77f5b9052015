package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.NamedExpression;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SELECT projectList FROM child}. Once resolved, every item is a named expression.
 *
 * @param projectList the select list
 * @param child the input
 */
public record Project(List<Expression> projectList, LogicalPlan child) implements UnaryNode {

  /** Copies the list. */
  public Project {
    projectList = List.copyOf(projectList);
  }

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new Project(projectList, newChild);
  }

  @Override
  public List<Expression> expressions() {
    return projectList;
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> e) {
    return new Project(e, child);
  }

  @Override
  public List<AttributeReference> output() {
    return toAttributes(projectList);
  }

  static List<AttributeReference> toAttributes(List<Expression> named) {
    List<AttributeReference> out = new ArrayList<>(named.size());
    for (Expression e : named) {
      if (!(e instanceof NamedExpression n)) {
        throw new IllegalStateException("output of unnamed expression " + e.sql());
      }
      out.add(n.toAttribute());
    }
    return out;
  }

  @Override
  public String simpleString() {
    return "Project " + TreeStrings.list(projectList);
  }
}
