package dev.ember.sql.optimizer;

import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.ScalarFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a project directly above another into one, substituting the inner aliases' definitions. Output
 * columns keep their names and identities. Every expression in this slice is deterministic and cheap, so
 * duplicating an inner expression into several outer ones is acceptable.
 */
final class CollapseProject implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Project outer) || !(outer.child() instanceof Project inner)
          || inner.projectList().stream().anyMatch(ScalarFunction::containsNondeterministic)) {
        return node;
      }
      Map<Long, Expression> definitions = new HashMap<>();
      for (Expression e : inner.projectList()) {
        if (e instanceof Alias alias) {
          definitions.put(alias.exprId(), alias.child());
        }
      }
      List<Expression> merged = new ArrayList<>();
      for (Expression e : outer.projectList()) {
        if (e instanceof AttributeReference a && definitions.containsKey(a.exprId())) {
          merged.add(new Alias(definitions.get(a.exprId()), a.name(), a.exprId()));
        } else {
          merged.add(e.transformUp(x -> x instanceof AttributeReference a && definitions.containsKey(a.exprId())
              ? definitions.get(a.exprId()) : x));
        }
      }
      return new Project(merged, inner.child());
    });
  }
}
