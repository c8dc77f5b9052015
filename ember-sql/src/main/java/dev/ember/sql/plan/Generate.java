package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Explode;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * Each input row joined with the rows its generator produces ({@code SELECT explode(a)},
 * {@code LATERAL VIEW explode(a) t AS c}): the output is the child's columns followed by
 * {@code generatorOutput}.
 *
 * @param generator the generator, resolved
 * @param generatorOutput the generated columns
 * @param child the input
 */
public record Generate(Explode generator, List<AttributeReference> generatorOutput, LogicalPlan child)
    implements UnaryNode {

  /** Copies the list. */
  public Generate {
    generatorOutput = List.copyOf(generatorOutput);
  }

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new Generate(generator, generatorOutput, newChild);
  }

  @Override
  public List<Expression> expressions() {
    return List.of(generator);
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> e) {
    return new Generate((Explode) e.get(0), generatorOutput, child);
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> out = new ArrayList<>(child.output());
    out.addAll(generatorOutput);
    return out;
  }

  @Override
  public String simpleString() {
    return "Generate " + generator.sql() + ", " + TreeStrings.list(new ArrayList<>(generatorOutput));
  }
}
