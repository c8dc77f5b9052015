package dev.ember.sql.optimizer;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.AggregateFunction;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.ArithmeticOperator;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Average;
import dev.ember.sql.plan.expressions.BinaryArithmetic;
import dev.ember.sql.plan.expressions.Cast;
import dev.ember.sql.plan.expressions.Count;
import dev.ember.sql.plan.expressions.CountDistinct;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Max;
import dev.ember.sql.plan.expressions.Min;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.plan.expressions.Sum;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code SELECT g, count(DISTINCT x) ... GROUP BY g} becomes a count of {@code x} over an aggregate grouped by
 * {@code g, x}, which removes the duplicates (Spark's rewrite for one distinct group). The other aggregates of
 * the query are computed in two steps around it, as Spark's partial and final aggregates are: count, sum, min and
 * max of each {@code (g, x)} group, combined per {@code g} by a sum of the counts (0 when there are none), a sum of
 * the sums (in the type of the original sum), and a min of the mins or a max of the maxes; an average of a number
 * as the sum of its values as doubles over the sum of the counts. Handled: DISTINCT counts of one expression under
 * grouping by columns, beside count, sum, min, max and avg of non-decimal values; other shapes are reported as
 * unsupported.
 */
public final class RewriteDistinctAggregates implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> node instanceof Aggregate aggregate && hasDistinct(aggregate)
        ? rewrite(aggregate) : node);
  }

  private static boolean hasDistinct(Aggregate aggregate) {
    return aggregate.aggregates().stream().anyMatch(e -> e.exists(x -> x instanceof CountDistinct));
  }

  /**
   * Throws the error naming what is not supported when {@code aggregate} holds count(DISTINCT ...) in a shape this
   * rewrite does not handle; the analyzer calls it, so the error comes where the query is written.
   */
  public static void check(Aggregate aggregate) {
    Set<Expression> inputs = new LinkedHashSet<>();
    Set<AggregateFunction> others = new LinkedHashSet<>();
    functions(aggregate, inputs, others);
    if (inputs.isEmpty()) {
      return;
    }
    boolean columnsOnly = aggregate.grouping().stream().allMatch(g -> g instanceof AttributeReference);
    if (inputs.size() != 1 || !columnsOnly) {
      throw AnalysisException.unsupported("count(DISTINCT ...) over several expressions, or with grouping by "
          + "expressions");
    }
    for (AggregateFunction f : others) {
      if (!decomposable(f)) {
        throw AnalysisException.unsupported("count(DISTINCT ...) together with " + f.prettyName()
            + (f instanceof Average ? " of a decimal" : "") + " (count, sum, min, max and avg of other types are)");
      }
    }
  }

  /** Sorts the aggregate functions of {@code aggregate} into DISTINCT counts' inputs and the others. */
  private static void functions(Aggregate aggregate, Set<Expression> inputs, Set<AggregateFunction> others) {
    for (Expression e : aggregate.aggregates()) {
      List<AggregateFunction> functions = new ArrayList<>();
      e.exists(x -> x instanceof AggregateFunction f && functions.add(f) && false);
      for (AggregateFunction f : functions) {
        if (f instanceof CountDistinct distinct) {
          inputs.add(distinct.input());
        } else {
          others.add(f);
        }
      }
    }
  }

  private static LogicalPlan rewrite(Aggregate aggregate) {
    check(aggregate);
    Set<Expression> inputs = new LinkedHashSet<>();
    Set<AggregateFunction> others = new LinkedHashSet<>();
    functions(aggregate, inputs, others);
    Alias distinctValue = new Alias(inputs.iterator().next(), "distinct_value");
    List<Expression> innerKeys = new ArrayList<>(aggregate.grouping());
    innerKeys.add(distinctValue.child());
    List<Expression> innerOutput = new ArrayList<>(aggregate.grouping());
    innerOutput.add(distinctValue);
    Map<AggregateFunction, Expression> finals = new HashMap<>();
    for (AggregateFunction f : others) {
      finals.put(f, twoSteps(f, innerOutput));
    }
    Aggregate inner = new Aggregate(innerKeys, innerOutput, aggregate.child());
    AttributeReference value = distinctValue.toAttribute();
    List<Expression> outer = new ArrayList<>();
    for (Expression e : aggregate.aggregates()) {
      outer.add(e.transformUp(x -> x instanceof CountDistinct ? new Count(value)
          : x instanceof AggregateFunction f && finals.containsKey(f) ? finals.get(f) : x));
    }
    return new Aggregate(aggregate.grouping(), outer, inner);
  }

  private static boolean decomposable(AggregateFunction f) {
    return f instanceof Count || f instanceof Sum || f instanceof Min || f instanceof Max
        || f instanceof Average average && !(average.input().dataType() instanceof DecimalType);
  }

  /**
   * Adds to {@code innerOutput} the per-{@code (g, x)} parts of {@code f} and returns the expression combining
   * them per {@code g}, of {@code f}'s type.
   */
  private static Expression twoSteps(AggregateFunction f, List<Expression> innerOutput) {
    if (f instanceof Count count) {
      AttributeReference counts = part(new Count(count.input()), innerOutput);
      return new ScalarFunction("coalesce", List.of(new Sum(counts), Literal.of(0L)), DataTypes.LongType);
    }
    if (f instanceof Sum sum) {
      Expression total = new Sum(part(sum, innerOutput));
      return total.dataType().equals(sum.dataType()) ? total : new Cast(total, sum.dataType());
    }
    if (f instanceof Min min) {
      return new Min(part(min, innerOutput));
    }
    if (f instanceof Max max) {
      return new Max(part(max, innerOutput));
    }
    Average average = (Average) f;
    AttributeReference sums = part(new Sum(new Cast(average.input(), DataTypes.DoubleType)), innerOutput);
    AttributeReference counts = part(new Count(average.input()), innerOutput);
    return new BinaryArithmetic(ArithmeticOperator.DIVIDE, new Sum(sums),
        new Cast(new Sum(counts), DataTypes.DoubleType));
  }

  /** {@code partial} as a new column of the inner aggregate. */
  private static AttributeReference part(AggregateFunction partial, List<Expression> innerOutput) {
    Alias alias = new Alias(partial, "partial_" + partial.prettyName());
    innerOutput.add(alias);
    return alias.toAttribute();
  }
}
