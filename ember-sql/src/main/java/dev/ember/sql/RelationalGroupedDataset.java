package dev.ember.sql;

import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of {@code groupBy}: aggregate it with {@code agg(...)} or a shortcut such as {@code count()}.
 * The output has the grouping columns first, then the aggregates, as in Spark.
 */
public final class RelationalGroupedDataset {

  private final Dataset<Row> dataset;
  private final List<Column> grouping;

  RelationalGroupedDataset(Dataset<Row> dataset, List<Column> grouping) {
    this.dataset = dataset;
    this.grouping = List.copyOf(grouping);
  }

  /** The aggregates {@code first, rest...} per group. */
  public Dataset<Row> agg(Column first, Column... rest) {
    List<Column> all = new ArrayList<>();
    all.add(first);
    all.addAll(List.of(rest));
    List<Expression> groups = grouping.stream().map(Column::expr).toList();
    List<Expression> output = new ArrayList<>(groups);
    for (Column c : all) {
      output.add(c.expr());
    }
    return dataset.withPlan(new Aggregate(groups, output, dataset.logicalPlan()));
  }

  /** The number of rows per group, in a column named {@code count}. */
  public Dataset<Row> count() {
    return agg(functions.count(functions.lit(1)).as("count"));
  }

  /** The sum of each named column per group. */
  public Dataset<Row> sum(String... columns) {
    return each(columns, functions::sum);
  }

  /** The mean of each named column per group. */
  public Dataset<Row> avg(String... columns) {
    return each(columns, functions::avg);
  }

  /** The least value of each named column per group. */
  public Dataset<Row> min(String... columns) {
    return each(columns, functions::min);
  }

  /** The greatest value of each named column per group. */
  public Dataset<Row> max(String... columns) {
    return each(columns, functions::max);
  }

  private Dataset<Row> each(String[] columns, java.util.function.Function<String, Column> f) {
    if (columns.length == 0) {
      throw AnalysisException.unsupported("aggregating every numeric column (pass column names)");
    }
    Column[] rest = new Column[columns.length - 1];
    for (int i = 1; i < columns.length; i++) {
      rest[i - 1] = f.apply(columns[i]);
    }
    return agg(f.apply(columns[0]), rest);
  }
}
