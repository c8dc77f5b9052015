package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;

/**
 * {@code sample}: each row kept with probability {@code fraction} (without replacement), or repeated a
 * Poisson({@code fraction}) number of times (with replacement), from a generator seeded per partition.
 *
 * @param fraction the expected fraction of rows (at most 1 without replacement)
 * @param withReplacement whether rows may be picked more than once
 * @param seed the seed
 * @param child the input
 */
public record Sample(double fraction, boolean withReplacement, long seed, LogicalPlan child)
    implements ChildScopedNode {

  /** Checks the fraction as Spark does. */
  public Sample {
    if (Double.isNaN(fraction) || fraction < 0 || !withReplacement && fraction > 1) {
      throw new IllegalArgumentException("requirement failed: " + (withReplacement
          ? "Sampling fraction (" + fraction + ") must be nonnegative with replacement"
          : "Sampling fraction (" + fraction + ") must be on interval [0, 1] without replacement"));
    }
  }

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new Sample(fraction, withReplacement, seed, newChild);
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
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public String simpleString() {
    return "Sample " + fraction + ", " + withReplacement + ", " + seed;
  }
}
