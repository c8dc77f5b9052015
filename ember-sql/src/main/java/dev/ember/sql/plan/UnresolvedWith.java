package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code WITH a AS (...), b AS (...) child}: common table expressions, each visible to the definitions
 * after it and to {@code child}. The analyzer substitutes them before resolving anything (see
 * {@code CteSubstitution}), so this node never reaches the optimizer.
 *
 * @param definitions the named queries, in order
 * @param child the main query
 */
public record UnresolvedWith(List<CteDefinition> definitions, LogicalPlan child) implements LogicalPlan {

  /** Copies the definitions. */
  public UnresolvedWith {
    definitions = List.copyOf(definitions);
  }

  @Override
  public List<LogicalPlan> children() {
    List<LogicalPlan> all = new ArrayList<>();
    for (CteDefinition d : definitions) {
      all.add(d.query());
    }
    all.add(child);
    return all;
  }

  @Override
  public LogicalPlan withNewChildren(List<LogicalPlan> newChildren) {
    List<CteDefinition> rewritten = new ArrayList<>();
    for (int i = 0; i < definitions.size(); i++) {
      CteDefinition d = definitions.get(i);
      rewritten.add(new CteDefinition(d.name(), d.columnNames(), newChildren.get(i), d.origin()));
    }
    return new UnresolvedWith(rewritten, newChildren.get(newChildren.size() - 1));
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
    return child.output();
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public String simpleString() {
    return "UnresolvedWith " + definitions.stream().map(CteDefinition::name).toList();
  }
}
