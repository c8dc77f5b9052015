package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;
import java.util.Objects;

/**
 * A hint as written ({@code /*+ name(parameters) *}{@code /} after SELECT, or {@code Dataset.hint}), over the
 * query it applies to; the analyzer's ResolveHints turns it into {@link ResolvedHint}s on the relations it
 * names, a repartition or coalesce, or nothing (an unknown name).
 *
 * @param name the hint name as written
 * @param parameters its parameters: relation or column names as attributes, counts as literals
 * @param child the query it applies to
 */
public record UnresolvedHint(String name, List<Expression> parameters, LogicalPlan child) implements UnaryNode {

  /** Copies the parameters. */
  public UnresolvedHint {
    Objects.requireNonNull(name, "name is null");
    parameters = List.copyOf(parameters);
    Objects.requireNonNull(child, "child is null");
  }

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new UnresolvedHint(name, parameters, newChild);
  }

  @Override
  public List<Expression> expressions() {
    return List.of();
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> newExpressions) {
    return this;
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public String simpleString() {
    return "UnresolvedHint " + name + ", " + parameters;
  }
}
