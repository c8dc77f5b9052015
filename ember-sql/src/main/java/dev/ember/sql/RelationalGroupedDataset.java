package dev.ember.sql;

import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.GroupingSets;
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
  private final GroupType type;
  private final Column pivotColumn;
  private final List<Object> pivotValues;

  /** How the rows are grouped, as in Spark. */
  enum GroupType { GROUPBY, ROLLUP, CUBE, PIVOT }

  RelationalGroupedDataset(Dataset<Row> dataset, List<Column> grouping) {
    this(dataset, grouping, GroupType.GROUPBY);
  }

  RelationalGroupedDataset(Dataset<Row> dataset, List<Column> grouping, GroupType type) {
    this(dataset, grouping, type, null, List.of());
  }

  private RelationalGroupedDataset(Dataset<Row> dataset, List<Column> grouping, GroupType type, Column pivotColumn,
      List<Object> pivotValues) {
    this.dataset = dataset;
    this.grouping = List.copyOf(grouping);
    this.type = type;
    this.pivotColumn = pivotColumn;
    this.pivotValues = java.util.Collections.unmodifiableList(new ArrayList<>(pivotValues));
  }

  /**
   * Pivots on {@code column}: each of {@code values} becomes a column per aggregate, holding the aggregate
   * of the group's rows with that value: {@code df.groupBy("year").pivot("course", List.of("java", "sql"))}.
   */
  public RelationalGroupedDataset pivot(Column column, List<Object> values) {
    if (type != GroupType.GROUPBY) {
      throw AnalysisException.unsupported("pivot after rollup or cube");
    }
    return new RelationalGroupedDataset(dataset, grouping, GroupType.PIVOT, column, values);
  }

  /** Pivots on the named column with the given values. */
  public RelationalGroupedDataset pivot(String column, List<Object> values) {
    return pivot(functions.col(column), values);
  }

  /** Pivots on {@code column}, its distinct values (sorted) found first by a query of their own, as in Spark. */
  public RelationalGroupedDataset pivot(Column column) {
    return pivot(column, Pivots.distinctValues(dataset, column));
  }

  /** Pivots on the named column, its distinct values (sorted) found first. */
  public RelationalGroupedDataset pivot(String column) {
    return pivot(functions.col(column));
  }

  /** The aggregates {@code first, rest...} per group. */
  public Dataset<Row> agg(Column first, Column... rest) {
    List<Column> all = new ArrayList<>();
    all.add(first);
    all.addAll(List.of(rest));
    List<Expression> groups = grouping.stream().map(Column::expr).toList();
    if (type == GroupType.PIVOT) {
      return dataset.withPlan(Pivots.aggregate(groups, pivotColumn.expr(), pivotValues, all, dataset.logicalPlan()));
    }
    List<Expression> output = new ArrayList<>(groups);
    for (Column c : all) {
      output.add(c.expr());
    }
    if (type == GroupType.ROLLUP || type == GroupType.CUBE) {
      List<List<Expression>> columns = groups.stream().map(List::of).toList();
      List<List<Expression>> sets = type == GroupType.ROLLUP ? GroupingSets.rollup(columns)
          : GroupingSets.cube(columns);
      return dataset.withPlan(new GroupingSets(sets, output, dataset.logicalPlan()));
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
