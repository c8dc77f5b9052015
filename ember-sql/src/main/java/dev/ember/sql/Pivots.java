package dev.ember.sql;

import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.CaseWhen;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.UnresolvedFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code groupBy(...).pivot(col, values).agg(...)}: one aggregate column per pivot value and aggregate,
 * each aggregating only the rows whose pivot column equals the value ({@code sum(CASE WHEN p <=> v THEN x
 * END)}), named by the value (and the aggregate, when there are several), as in Spark.
 */
final class Pivots {

  private static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "mean", "min", "max");

  private Pivots() {}

  /** The distinct values of {@code column}, sorted, by a query of their own. */
  static List<Object> distinctValues(Dataset<Row> dataset, Column column) {
    List<Object> values = new ArrayList<>();
    for (Row row : dataset.select(column).distinct().orderBy(new Column(column.expr()).asc()).collectAsList()) {
      values.add(row.get(0));
    }
    return values;
  }

  static LogicalPlan aggregate(List<Expression> groups, Expression pivot, List<Object> values, List<Column> aggregates,
      LogicalPlan child) {
    List<Expression> output = new ArrayList<>(groups);
    for (Object value : values) {
      Expression literal = Literal.of(value);
      for (Column c : aggregates) {
        Expression e = c.expr() instanceof Alias alias ? alias.child() : c.expr();
        Expression filtered = e.transformUp(node -> node instanceof UnresolvedFunction f && isAggregate(f)
            ? onlyMatching(f, pivot, literal) : node);
        if (filtered.equals(e)) {
          throw AnalysisException.unsupported("pivot of an aggregate other than count, sum, avg, min or max ("
              + e.sql() + ")");
        }
        String valueName = String.valueOf(value);
        String name = aggregates.size() == 1 ? valueName : valueName + "_" + (c.expr() instanceof Alias alias
            ? alias.name() : e.sql());
        output.add(new Alias(filtered, name));
      }
    }
    return new Aggregate(groups, output, child);
  }

  private static boolean isAggregate(UnresolvedFunction f) {
    return AGGREGATES.contains(f.name().toLowerCase(Locale.ROOT));
  }

  private static Expression onlyMatching(UnresolvedFunction f, Expression pivot, Expression value) {
    List<Expression> arguments = new ArrayList<>();
    Expression matches = new BinaryComparison(ComparisonOperator.NULL_SAFE_EQUAL, pivot, value);
    for (Expression argument : f.arguments()) {
      arguments.add(new CaseWhen(List.of(matches), List.of(argument), Literal.NULL));
    }
    return new UnresolvedFunction(f.name(), arguments, f.distinct(), f.origin());
  }
}
