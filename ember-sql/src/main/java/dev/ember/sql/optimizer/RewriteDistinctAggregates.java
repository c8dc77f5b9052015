package dev.ember.sql.optimizer;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.AggregateFunction;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Count;
import dev.ember.sql.plan.expressions.CountDistinct;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code SELECT g, count(DISTINCT x) ... GROUP BY g} becomes a count of {@code x} over an aggregate grouped by
 * {@code g, x}, which removes the duplicates. This slice handles DISTINCT counts of one expression, not mixed
 * with other aggregates, under grouping by columns; other shapes are reported as unsupported.
 */
final class RewriteDistinctAggregates implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> node instanceof Aggregate aggregate && hasDistinct(aggregate)
        ? rewrite(aggregate) : node);
  }

  private static boolean hasDistinct(Aggregate aggregate) {
    return aggregate.aggregates().stream().anyMatch(e -> e.exists(x -> x instanceof CountDistinct));
  }

  private static LogicalPlan rewrite(Aggregate aggregate) {
    Set<Expression> inputs = new LinkedHashSet<>();
    boolean others = false;
    for (Expression e : aggregate.aggregates()) {
      List<AggregateFunction> functions = new ArrayList<>();
      e.exists(x -> x instanceof AggregateFunction f && functions.add(f) && false);
      for (AggregateFunction f : functions) {
        if (f instanceof CountDistinct distinct) {
          inputs.add(distinct.input());
        } else {
          others = true;
        }
      }
    }
    boolean columnsOnly = aggregate.grouping().stream().allMatch(g -> g instanceof AttributeReference);
    if (inputs.size() != 1 || others || !columnsOnly) {
      throw AnalysisException.unsupported("count(DISTINCT ...) together with other aggregates, over several "
          + "expressions, or with grouping by expressions");
    }
    Alias distinctValue = new Alias(inputs.iterator().next(), "distinct_value");
    List<Expression> innerKeys = new ArrayList<>(aggregate.grouping());
    innerKeys.add(distinctValue.child());
    List<Expression> innerOutput = new ArrayList<>(aggregate.grouping());
    innerOutput.add(distinctValue);
    Aggregate inner = new Aggregate(innerKeys, innerOutput, aggregate.child());
    AttributeReference value = distinctValue.toAttribute();
    List<Expression> outer = new ArrayList<>();
    for (Expression e : aggregate.aggregates()) {
      outer.add(e.transformUp(x -> x instanceof CountDistinct ? new Count(value) : x));
    }
    return new Aggregate(aggregate.grouping(), outer, inner);
  }
}
