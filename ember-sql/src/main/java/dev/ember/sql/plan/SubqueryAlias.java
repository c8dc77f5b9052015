package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * Names a relation ({@code FROM t AS x}, a view's name) so its columns can be qualified ({@code x.a}).
 *
 * @param alias the name
 * @param child the relation
 */
public record SubqueryAlias(String alias, LogicalPlan child) implements UnaryNode {

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new SubqueryAlias(alias, newChild);
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
    List<AttributeReference> out = new ArrayList<>();
    for (AttributeReference a : child.output()) {
      out.add(a.withQualifier(List.of(alias)));
    }
    return out;
  }

  @Override
  public String simpleString() {
    return "SubqueryAlias " + alias;
  }
}
