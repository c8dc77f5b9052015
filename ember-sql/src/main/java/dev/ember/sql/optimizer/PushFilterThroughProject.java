package dev.ember.sql.optimizer;

import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.ScalarFunction;
import java.util.HashMap;
import java.util.Map;

/**
 * Moves a filter below the project it reads, replacing references to the project's aliases by their
 * definitions, so rows are dropped before they are computed. Every expression in this slice is
 * deterministic, which is what makes the substitution safe; a project computing a partition id, row id, file
 * name or random value is left above the filter, as Spark keeps nondeterministic expressions in place.
 */
final class PushFilterThroughProject implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (node instanceof Filter filter && filter.child() instanceof Project project
          && project.projectList().stream().noneMatch(ScalarFunction::containsNondeterministic)) {
        Map<Long, Expression> aliases = new HashMap<>();
        for (Expression e : project.projectList()) {
          if (e instanceof Alias alias) {
            aliases.put(alias.exprId(), alias.child());
          }
        }
        Expression condition = filter.condition().transformUp(e -> e instanceof AttributeReference a
            && aliases.containsKey(a.exprId()) ? aliases.get(a.exprId()) : e);
        return new Project(project.projectList(), new Filter(condition, project.child()));
      }
      return node;
    });
  }
}
