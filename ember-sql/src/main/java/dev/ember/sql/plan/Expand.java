package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * Each input row becomes one output row per projection, as Spark's Expand: grouping sets aggregate the
 * expanded rows, each projection keeping the columns of one set and NULLing the others, with the set's
 * {@code spark_grouping_id}.
 *
 * @param projections the projections, each with one expression per output column
 * @param output the output columns
 * @param child the input
 */
public record Expand(List<List<Expression>> projections, List<AttributeReference> output, LogicalPlan child)
    implements UnaryNode {

  /** Copies the lists and checks every projection has one expression per column. */
  public Expand {
    projections = projections.stream().map(List::copyOf).toList();
    output = List.copyOf(output);
    for (List<Expression> p : projections) {
      if (p.size() != output.size()) {
        throw new IllegalArgumentException("projection of " + p.size() + " expressions for " + output.size()
            + " columns");
      }
    }
  }

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new Expand(projections, output, newChild);
  }

  @Override
  public List<Expression> expressions() {
    List<Expression> all = new ArrayList<>();
    projections.forEach(all::addAll);
    return all;
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> e) {
    List<List<Expression>> rewritten = new ArrayList<>();
    int width = output.size();
    for (int i = 0; i < projections.size(); i++) {
      rewritten.add(e.subList(i * width, (i + 1) * width));
    }
    return new Expand(rewritten, output, child);
  }

  @Override
  public String simpleString() {
    return "Expand " + projections.size() + " projections, " + TreeStrings.list(output);
  }
}
