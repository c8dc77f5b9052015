package dev.ember.sql;

import dev.ember.rdd.RDD;
import dev.ember.api.function.FilterFunction;
import dev.ember.api.function.FlatMapFunction;
import dev.ember.api.function.ForeachFunction;
import dev.ember.api.function.ForeachPartitionFunction;
import dev.ember.api.function.MapFunction;
import dev.ember.api.function.MapPartitionsFunction;
import dev.ember.api.function.ReduceFunction;
import dev.ember.sql.encoders.ExpressionEncoder;
import dev.ember.sql.parser.SqlParser;
import dev.ember.sql.plan.Deduplicate;
import dev.ember.sql.plan.Distinct;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Limit;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.SetOperation;
import dev.ember.sql.plan.Repartition;
import dev.ember.sql.plan.UnresolvedHint;
import dev.ember.sql.plan.RepartitionByExpression;
import dev.ember.sql.plan.Sample;
import dev.ember.sql.plan.Sort;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.SortOrder;
import dev.ember.sql.sources.DataFrameWriter;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.storage.StorageLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A distributed collection of rows with a schema, computed lazily from a logical plan; {@code Dataset<Row>}
 * is the DataFrame. Transformations return new Datasets and are checked at once (a misspelled column fails
 * where it is written); actions ({@code collectAsList}, {@code count}, {@code show}) run jobs on the core.
 *
 * <pre>{@code
 * Dataset<Row> df = session.sql("SELECT k, v FROM t");
 * df.filter(col("v").gt(1)).groupBy("k").agg(sum("v")).show();
 * }</pre>
 *
 * <p>A typed {@code Dataset<T>} carries an {@link Encoder} converting between its rows and Java objects
 * ({@link Encoders}): {@link #as(Encoder)} types a DataFrame, {@link #toDF()} forgets the type, and
 * {@link #map}, {@link #filter(FilterFunction)}, {@link #groupByKey} and friends run Java functions on the
 * executors. Operations that keep the rows (filter, orderBy, limit, union, ...) keep the type:
 * {@code df.as(Encoders.bean(Person.class)).map(Person::getName, Encoders.STRING())}.
 *
 * @param <T> the type of the elements: {@link Row} for a DataFrame
 */
public final class Dataset<T> {

  private final EmberSession session;
  private final QueryExecution queryExecution;
  private final ExpressionEncoder<T> encoder;

  /** A DataFrame (its encoder reads rows of the analyzed plan's schema). */
  @SuppressWarnings("unchecked")
  Dataset(EmberSession session, LogicalPlan plan) {
    this.session = session;
    this.queryExecution = new QueryExecution(session, plan);
    this.encoder = (ExpressionEncoder<T>) new RowEncoder(schemaOf(queryExecution.analyzed()));
  }

  /** A typed Dataset: {@code plan}'s columns match {@code encoder}'s schema by position. */
  Dataset(EmberSession session, LogicalPlan plan, Encoder<T> encoder) {
    this.session = session;
    this.queryExecution = new QueryExecution(session, plan);
    this.encoder = ExpressionEncoder.of(encoder);
  }

  /**
   * A DataFrame over {@code plan}, analyzed now; for the data source layer and other builders of plans
   * outside this package (Spark's {@code Dataset.ofRows}).
   */
  public static Dataset<Row> ofRows(EmberSession session, LogicalPlan plan) {
    return new Dataset<>(session, plan);
  }

  /** A writer saving this DataFrame's rows as files: {@code df.write().parquet("out")}. */
  @SuppressWarnings("unchecked")
  public DataFrameWriter write() {
    return new DataFrameWriter((Dataset<Row>) this);
  }

  LogicalPlan logicalPlan() {
    return queryExecution.analyzed();
  }

  Dataset<Row> withPlan(LogicalPlan plan) {
    return new Dataset<>(session, plan);
  }

  /** A Dataset of the same type over {@code plan}, whose rows are this Dataset's kind of rows. */
  Dataset<T> withTypedPlan(LogicalPlan plan) {
    return encoder instanceof RowEncoder ? new Dataset<>(session, plan) : new Dataset<>(session, plan, encoder);
  }

  /** The encoder of the elements ({@code Encoders.row(schema())} for a DataFrame). */
  public Encoder<T> encoder() {
    return encoder;
  }

  /** The session this Dataset belongs to. */
  public EmberSession sparkSession() {
    return session;
  }

  /** The stages of this Dataset's query. */
  public QueryExecution queryExecution() {
    return queryExecution;
  }

  /** The schema. */
  public StructType schema() {
    return schemaOf(logicalPlan());
  }

  private static StructType schemaOf(LogicalPlan plan) {
    List<StructField> fields = new ArrayList<>();
    for (AttributeReference a : plan.output()) {
      fields.add(new StructField(a.name(), a.dataType(), a.nullable()));
    }
    return new StructType(fields);
  }

  /** The column names. */
  public String[] columns() {
    return schema().fieldNames();
  }

  /** Prints the schema as a tree. */
  public void printSchema() {
    schema().printTreeString();
  }

  /**
   * The column named {@code name} of this Dataset: bound to this Dataset's column when the name is one of
   * its columns, so {@code a.col("k").equalTo(b.col("k"))} tells the two sides of a join apart.
   */
  public Column col(String name) {
    List<AttributeReference> matches = logicalPlan().output().stream().filter(a -> a.name().equalsIgnoreCase(name))
        .toList();
    return matches.size() == 1 ? new Column(matches.get(0)) : functions.col(name);
  }

  /** Same as {@link #col(String)} (Spark's {@code apply}). */
  public Column apply(String name) {
    return col(name);
  }

  /** The column names and their types' simple names: {@code [[id, int], [name, string]]}. */
  public String[][] dtypes() {
    StructType schema = schema();
    String[][] types = new String[schema.length()][];
    for (int i = 0; i < types.length; i++) {
      types[i] = new String[] {schema.apply(i).name(), schema.apply(i).dataType().simpleString()};
    }
    return types;
  }

  /** The same rows with the columns renamed, in order: {@code toDF("a", "b")}. */
  public Dataset<Row> toDF(String... names) {
    return DatasetColumns.toDF(this, names);
  }

  /** This Dataset as a DataFrame. */
  public Dataset<Row> toDF() {
    return withPlan(logicalPlan());
  }

  /** Every column, with each entry of {@code columns} added or replacing the column of its name. */
  public Dataset<Row> withColumns(java.util.Map<String, Column> columns) {
    return DatasetColumns.withColumns(this, columns);
  }

  /** Every column, with each key of {@code renames} (that exists) renamed to its value. */
  public Dataset<Row> withColumnsRenamed(java.util.Map<String, String> renames) {
    return DatasetColumns.withColumnsRenamed(this, renames);
  }

  /** Every column except the given ones (which must be columns of this Dataset to be dropped). */
  public Dataset<Row> drop(Column... columns) {
    return DatasetColumns.drop(this, columns);
  }

  /** The named columns. */
  public Dataset<Row> select(String... names) {
    return select(toColumns(names));
  }

  /** The given columns or expressions. */
  public Dataset<Row> select(Column... columns) {
    List<Expression> list = new ArrayList<>();
    for (Column c : columns) {
      list.add(c.expr());
    }
    return withPlan(new Project(list, logicalPlan()));
  }

  /** The given SQL expressions: {@code selectExpr("a + 1 AS b")}. */
  public Dataset<Row> selectExpr(String... expressions) {
    Column[] columns = new Column[expressions.length];
    for (int i = 0; i < expressions.length; i++) {
      LogicalPlan parsed = new SqlParser().parsePlan("SELECT " + expressions[i]);
      columns[i] = new Column(((Project) parsed).projectList().get(0));
    }
    return select(columns);
  }

  /** Every column, with {@code name} added, or replaced when a column of that name exists. */
  public Dataset<Row> withColumn(String name, Column value) {
    List<Expression> list = new ArrayList<>();
    boolean replaced = false;
    for (AttributeReference a : logicalPlan().output()) {
      if (a.name().equalsIgnoreCase(name)) {
        list.add(value.as(name).expr());
        replaced = true;
      } else {
        list.add(a);
      }
    }
    if (!replaced) {
      list.add(value.as(name).expr());
    }
    return withPlan(new Project(list, logicalPlan()));
  }

  /** Every column, with {@code existing} renamed to {@code newName}; no-op when there is no such column. */
  public Dataset<Row> withColumnRenamed(String existing, String newName) {
    List<Expression> list = new ArrayList<>();
    for (AttributeReference a : logicalPlan().output()) {
      list.add(a.name().equalsIgnoreCase(existing) ? new Column(a).as(newName).expr() : a);
    }
    return withPlan(new Project(list, logicalPlan()));
  }

  /** Every column except the named ones; names that match no column are ignored, as in Spark. */
  public Dataset<Row> drop(String... names) {
    List<Expression> list = new ArrayList<>();
    for (AttributeReference a : logicalPlan().output()) {
      if (java.util.Arrays.stream(names).noneMatch(a.name()::equalsIgnoreCase)) {
        list.add(a);
      }
    }
    return withPlan(new Project(list, logicalPlan()));
  }

  /** The rows where {@code condition} is true. */
  public Dataset<T> filter(Column condition) {
    return withTypedPlan(new Filter(condition.expr(), logicalPlan()));
  }

  /** The rows where the SQL {@code condition} is true: {@code filter("a > 1")}. */
  public Dataset<T> filter(String condition) {
    return filter(functions.expr(condition));
  }

  /** Same as {@link #filter(Column)}. */
  public Dataset<T> where(Column condition) {
    return filter(condition);
  }

  /** Same as {@link #filter(String)}. */
  public Dataset<T> where(String condition) {
    return filter(condition);
  }

  /** Groups by the named columns. */
  public RelationalGroupedDataset groupBy(String... names) {
    return groupBy(toColumns(names));
  }

  /** Groups by the given columns. */
  public RelationalGroupedDataset groupBy(Column... columns) {
    @SuppressWarnings("unchecked")
    Dataset<Row> self = (Dataset<Row>) this;
    return new RelationalGroupedDataset(self, List.of(columns));
  }

  /** Groups by every prefix of the named columns, as {@code GROUP BY ROLLUP(...)}. */
  public RelationalGroupedDataset rollup(String... names) {
    return rollup(toColumns(names));
  }

  /** Groups by every prefix of the given columns, as {@code GROUP BY ROLLUP(...)}. */
  public RelationalGroupedDataset rollup(Column... columns) {
    @SuppressWarnings("unchecked")
    Dataset<Row> self = (Dataset<Row>) this;
    return new RelationalGroupedDataset(self, List.of(columns), RelationalGroupedDataset.GroupType.ROLLUP);
  }

  /** Groups by every subset of the named columns, as {@code GROUP BY CUBE(...)}. */
  public RelationalGroupedDataset cube(String... names) {
    return cube(toColumns(names));
  }

  /** Groups by every subset of the given columns, as {@code GROUP BY CUBE(...)}. */
  public RelationalGroupedDataset cube(Column... columns) {
    @SuppressWarnings("unchecked")
    Dataset<Row> self = (Dataset<Row>) this;
    return new RelationalGroupedDataset(self, List.of(columns), RelationalGroupedDataset.GroupType.CUBE);
  }

  /** Aggregates over all rows: {@code df.agg(max("a"))}. */
  public Dataset<Row> agg(Column first, Column... rest) {
    return groupBy(new Column[0]).agg(first, rest);
  }

  /** Sorted by the named columns, ascending. */
  public Dataset<T> orderBy(String... names) {
    return orderBy(toColumns(names));
  }

  /** Sorted by the given columns (use {@code desc()} etc. for direction). */
  public Dataset<T> orderBy(Column... columns) {
    List<SortOrder> order = new ArrayList<>();
    for (Column c : columns) {
      order.add(c.expr() instanceof SortOrder s ? s : SortOrder.of(c.expr(), true));
    }
    return withTypedPlan(new Sort(order, true, logicalPlan()));
  }

  /** Same as {@link #orderBy(String...)}. */
  public Dataset<T> sort(String... names) {
    return orderBy(names);
  }

  /** Same as {@link #orderBy(Column...)}. */
  public Dataset<T> sort(Column... columns) {
    return orderBy(columns);
  }

  /** The first {@code n} rows. */
  public Dataset<T> limit(int n) {
    if (n < 0) {
      throw new AnalysisException("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", java.util.Map.of("expr",
          "\"" + n + "\"", "value", String.valueOf(n)));
    }
    return withTypedPlan(new Limit(Literal.of(n), logicalPlan()));
  }

  /** The same rows in {@code numPartitions} partitions of even size, through a round-robin shuffle. */
  public Dataset<Row> repartition(int numPartitions) {
    return withPlan(new Repartition(numPartitions, true, logicalPlan()));
  }

  /** The same rows in {@code numPartitions} partitions by the hash of {@code columns}. */
  public Dataset<Row> repartition(int numPartitions, Column... columns) {
    List<Expression> keys = new ArrayList<>();
    for (Column c : columns) {
      keys.add(c.expr());
    }
    if (keys.isEmpty()) {
      return repartition(numPartitions);
    }
    return withPlan(new RepartitionByExpression(keys, numPartitions, logicalPlan()));
  }

  /** The same rows in {@code spark.sql.shuffle.partitions} partitions by the hash of {@code columns}. */
  public Dataset<Row> repartition(Column... columns) {
    return repartition(session.shufflePartitions(), columns);
  }

  /** The rows in {@code numPartitions} contiguous ranges of {@code columns} (ascending NULLS FIRST unless sorted). */
  public Dataset<Row> repartitionByRange(int numPartitions, Column... columns) {
    return withPlan(RangeRepartitioning.of(numPartitions, columns, logicalPlan()));
  }

  /** {@link #repartitionByRange(int, Column...)} into {@code spark.sql.shuffle.partitions} partitions. */
  public Dataset<Row> repartitionByRange(Column... columns) {
    return repartitionByRange(session.shufflePartitions(), columns);
  }

  /**
   * This Dataset under the hint {@code name}, as Spark's: a join strategy (BROADCAST, SHUFFLE_HASH,
   * SHUFFLE_MERGE, SHUFFLE_REPLICATE_NL and their aliases) for the joins it takes part in, or COALESCE(n) or
   * REPARTITION(n [, columns]); an unknown name is logged and ignored.
   */
  public Dataset<T> hint(String name, Object... parameters) {
    return withTypedPlan(new UnresolvedHint(name, DatasetColumns.hintParameters(parameters), logicalPlan()));
  }

  /** The same rows in at most {@code numPartitions} partitions, merged without a shuffle. */
  public Dataset<Row> coalesce(int numPartitions) {
    return withPlan(new Repartition(numPartitions, false, logicalPlan()));
  }

  /** About {@code fraction} of the rows, each kept independently, with a random seed. */
  public Dataset<Row> sample(double fraction) {
    return sample(false, fraction, new Random().nextLong());
  }

  /** About {@code fraction} of the rows, each kept independently; the same seed picks the same rows. */
  public Dataset<Row> sample(double fraction, long seed) {
    return sample(false, fraction, seed);
  }

  /** About {@code fraction} of the rows, with or without replacement, with a random seed. */
  public Dataset<Row> sample(boolean withReplacement, double fraction) {
    return sample(withReplacement, fraction, new Random().nextLong());
  }

  /** About {@code fraction} of the rows; with replacement a row may appear several times. */
  public Dataset<Row> sample(boolean withReplacement, double fraction, long seed) {
    return withPlan(new Sample(fraction, withReplacement, seed, logicalPlan()));
  }

  /** The distinct rows. */
  public Dataset<T> distinct() {
    return withTypedPlan(new Distinct(logicalPlan()));
  }

  /** This Dataset under the name {@code alias}, so its columns can be written {@code alias.col}. */
  public Dataset<T> as(String alias) {
    return withTypedPlan(new dev.ember.sql.plan.SubqueryAlias(alias, logicalPlan()));
  }

  /** Same as {@link #as(String)}. */
  public Dataset<T> alias(String alias) {
    return as(alias);
  }

  /** The inner join with {@code right} without condition: every pair of rows. */
  public Dataset<Row> join(Dataset<?> right) {
    return withPlan(DatasetJoins.join(logicalPlan(), right.logicalPlan(), null, "inner"));
  }

  /** The inner join with {@code right} on equal {@code usingColumn}, which appears once in the result. */
  public Dataset<Row> join(Dataset<?> right, String usingColumn) {
    return join(right, List.of(usingColumn), "inner");
  }

  /** The join of type {@code joinType} with {@code right} on equal {@code usingColumn}. */
  public Dataset<Row> join(Dataset<?> right, String usingColumn, String joinType) {
    return join(right, List.of(usingColumn), joinType);
  }

  /** The inner join with {@code right} on equal {@code usingColumns}, each of which appears once. */
  public Dataset<Row> join(Dataset<?> right, List<String> usingColumns) {
    return join(right, usingColumns, "inner");
  }

  /**
   * The join with {@code right} on equal {@code usingColumns}; {@code joinType} is one of Spark's names:
   * inner, cross, outer, full, fullouter, full_outer, left, leftouter, left_outer, right, rightouter,
   * right_outer, semi, leftsemi, left_semi, anti, leftanti, left_anti.
   */
  public Dataset<Row> join(Dataset<?> right, List<String> usingColumns, String joinType) {
    return withPlan(DatasetJoins.usingJoin(logicalPlan(), right.logicalPlan(), usingColumns, joinType));
  }

  /** The inner join with {@code right} where {@code condition} holds. */
  public Dataset<Row> join(Dataset<?> right, Column condition) {
    return join(right, condition, "inner");
  }

  /** The join of type {@code joinType} (see {@link #join(Dataset, List, String)}) where {@code condition} holds. */
  public Dataset<Row> join(Dataset<?> right, Column condition, String joinType) {
    return withPlan(DatasetJoins.join(logicalPlan(), right.logicalPlan(), condition, joinType));
  }

  /** The cartesian product with {@code right}. */
  public Dataset<Row> crossJoin(Dataset<?> right) {
    return withPlan(DatasetJoins.join(logicalPlan(), right.logicalPlan(), null, "cross"));
  }

  /** The rows of this Dataset and then of {@code other}, columns matched by position (SQL's UNION ALL). */
  public Dataset<T> union(Dataset<?> other) {
    return withTypedPlan(DatasetJoins.setOperation(SetOperation.Kind.UNION, logicalPlan(), other.logicalPlan()));
  }

  /** Same as {@link #union(Dataset)}. */
  public Dataset<T> unionAll(Dataset<?> other) {
    return union(other);
  }

  /** The rows of this Dataset and then of {@code other}, columns matched by name. */
  public Dataset<T> unionByName(Dataset<?> other) {
    return unionByName(other, false);
  }

  /** As {@link #unionByName(Dataset)}; with {@code allowMissingColumns}, missing columns are NULL. */
  public Dataset<T> unionByName(Dataset<?> other, boolean allowMissingColumns) {
    return withTypedPlan(DatasetJoins.unionByName(logicalPlan(), other.logicalPlan(), allowMissingColumns));
  }

  /** The distinct rows present in both this Dataset and {@code other} (SQL's INTERSECT). */
  public Dataset<T> intersect(Dataset<?> other) {
    return withTypedPlan(DatasetJoins.setOperation(SetOperation.Kind.INTERSECT, logicalPlan(), other.logicalPlan()));
  }

  /** The distinct rows of this Dataset absent from {@code other} (SQL's EXCEPT). */
  public Dataset<T> except(Dataset<?> other) {
    return withTypedPlan(DatasetJoins.setOperation(SetOperation.Kind.EXCEPT, logicalPlan(), other.logicalPlan()));
  }

  /** The rows present in both, each as many times as in the side holding it fewer times (INTERSECT ALL). */
  public Dataset<T> intersectAll(Dataset<?> other) {
    return withTypedPlan(DatasetJoins.setOperationAll(SetOperation.Kind.INTERSECT, logicalPlan(), other.logicalPlan()));
  }

  /** The rows of this Dataset, each as many times more than in {@code other} (EXCEPT ALL). */
  public Dataset<T> exceptAll(Dataset<?> other) {
    return withTypedPlan(DatasetJoins.setOperationAll(SetOperation.Kind.EXCEPT, logicalPlan(), other.logicalPlan()));
  }

  /** The distinct rows (same as {@link #distinct()}). */
  public Dataset<T> dropDuplicates() {
    return distinct();
  }

  /** One row (the first met) for each distinct combination of the named columns; every column is kept. */
  public Dataset<T> dropDuplicates(String... cols) {
    if (cols.length == 0) {
      return distinct();
    }
    List<Expression> keys = new ArrayList<>();
    for (String c : cols) {
      keys.add(functions.col(c).expr());
    }
    return withTypedPlan(new Deduplicate(keys, logicalPlan()));
  }

  /** Functions for missing values: {@code df.na().fill(0)}, {@code df.na().drop()}. */
  @SuppressWarnings("unchecked")
  public DataFrameNaFunctions na() {
    return new DataFrameNaFunctions((Dataset<Row>) this);
  }

  /**
   * count, mean, stddev, min and max of the named columns (default: every numeric and string column), as
   * strings in a {@code summary} column and one column per input column, as Spark's describe.
   */
  @SuppressWarnings("unchecked")
  public Dataset<Row> describe(String... cols) {
    return DatasetSummary.describe((Dataset<Row>) this, cols);
  }

  /**
   * The given statistics (count, mean, stddev, min, max, and percentages such as 25%) of every numeric and
   * string column, as Spark's summary; by default count, mean, stddev, min, 25%, 50%, 75%, max.
   */
  @SuppressWarnings("unchecked")
  public Dataset<Row> summary(String... statistics) {
    return DatasetSummary.summary((Dataset<Row>) this, statistics);
  }

  /** Registers this Dataset as a temporary view, replacing one of the same name. */
  public void createOrReplaceTempView(String name) {
    session.createTempView(name, logicalPlan(), true);
  }

  /** Registers this Dataset as a temporary view; fails if the name is taken. */
  public void createTempView(String name) {
    session.createTempView(name, logicalPlan(), false);
  }

  /** Runs the query and returns every element. */
  public List<T> collectAsList() {
    List<T> rows = new ArrayList<>();
    for (Object[] values : queryExecution.collectInternal()) {
      rows.add(encoder.fromRow(values));
    }
    return rows;
  }

  /** The number of rows. */
  public long count() {
    Row row = (Row) groupBy(new Column[0]).count().collectAsList().get(0);
    return row.getLong(0);
  }

  /** The first {@code n} rows. */
  public List<T> takeAsList(int n) {
    return limit(n).collectAsList();
  }

  /** The first row; fails when there is none. */
  public T first() {
    List<T> rows = takeAsList(1);
    if (rows.isEmpty()) {
      throw new java.util.NoSuchElementException("next on empty iterator");
    }
    return rows.get(0);
  }

  /** Same as {@link #first()}. */
  public T head() {
    return first();
  }

  /** The first {@code n} rows. */
  public List<T> head(int n) {
    return takeAsList(n);
  }

  /** The first {@code n} rows. */
  public List<T> take(int n) {
    return takeAsList(n);
  }

  /** Whether there are no rows (runs a query for at most one row). */
  public boolean isEmpty() {
    return takeAsList(1).isEmpty();
  }

  /** The last {@code n} rows, in order (collects every row to the driver, as Spark's {@code tail} does). */
  public List<T> tail(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("tail expects a non-negative number of rows, but got " + n);
    }
    List<T> all = collectAsList();
    return all.subList(Math.max(0, all.size() - n), all.size());
  }

  /** The table {@link #show()} prints. */
  public String showString(int numRows, int truncate) {
    List<Row> rows = toDF().limit(numRows + 1).collectAsList();
    return ShowString.format(columns(), rows, numRows, truncate, session.sessionTimeZone());
  }

  /** Prints the first 20 rows, cells truncated to 20 characters. */
  public void show() {
    show(20, true);
  }

  /** Prints the first {@code numRows} rows, cells truncated to 20 characters. */
  public void show(int numRows) {
    show(numRows, true);
  }

  /** Prints the first {@code numRows} rows, truncating cells to 20 characters when {@code truncate}. */
  public void show(int numRows, boolean truncate) {
    show(numRows, truncate ? 20 : 0);
  }

  /** Prints the first {@code numRows} rows, cells truncated to {@code truncate} characters (0: no limit). */
  public void show(int numRows, int truncate) {
    Console.print(showString(numRows, truncate));
  }

  /** Prints the first 20 rows, truncating cells to 20 characters when {@code truncate}. */
  public void show(boolean truncate) {
    show(20, truncate);
  }

  /**
   * Prints the first {@code numRows} rows, cells truncated to {@code truncate} characters (0: no limit), one
   * line per column ({@code -RECORD 0---}) when {@code vertical}, as Spark prints them.
   */
  public void show(int numRows, int truncate, boolean vertical) {
    Console.print(showString(numRows, truncate, vertical));
  }

  /** The text {@link #show(int, int, boolean)} prints. */
  public String showString(int numRows, int truncate, boolean vertical) {
    if (!vertical) {
      return showString(numRows, truncate);
    }
    List<Row> rows = toDF().limit(numRows + 1).collectAsList();
    return ShowString.formatVertical(columns(), rows, numRows, truncate);
  }

  /** Prints the physical plan. */
  public void explain() {
    explain(false);
  }

  /** Prints the physical plan, and the logical plans when {@code extended}. */
  public void explain(boolean extended) {
    Console.print(queryExecution.explainString(extended) + "\n");
  }

  /** Prints the plan in {@code mode}: simple, extended or formatted (Spark's modes). */
  public void explain(String mode) {
    Console.print(queryExecution.explainString(mode) + "\n");
  }

  /** Caches this Dataset in memory and on disk ({@code MEMORY_AND_DISK}) once first computed. */
  public Dataset<T> cache() {
    return persist();
  }

  /** Same as {@link #cache()}. */
  public Dataset<T> persist() {
    return persist(StorageLevel.MEMORY_AND_DISK);
  }

  /**
   * Caches this Dataset at {@code level} once first computed: every later query containing this Dataset's plan
   * reads the cached batches ({@code InMemoryTableScan} in its plan).
   */
  public Dataset<T> persist(StorageLevel level) {
    session.cacheQuery(logicalPlan(), level);
    return this;
  }

  /** Drops this Dataset's cached data, if any. */
  public Dataset<T> unpersist() {
    session.cacheManager().uncache(logicalPlan());
    return this;
  }

  /** Same as {@link #unpersist()} (the data is dropped asynchronously either way). */
  public Dataset<T> unpersist(boolean blocking) {
    return unpersist();
  }

  /** The level this Dataset is cached at, {@code NONE} if it is not. */
  public StorageLevel storageLevel() {
    return session.cacheManager().lookup(logicalPlan()).map(r -> r.cachedBatches().storageLevel())
        .orElse(StorageLevel.NONE);
  }

  /**
   * This Dataset's rows as values of {@code encoder}'s type: flat values take the first column, tuples the
   * columns in order (as many as elements), beans the columns named as their properties; columns are
   * up-cast to the encoder's types where that loses nothing ({@code CANNOT_UP_CAST_DATATYPE} otherwise).
   */
  public <U> Dataset<U> as(Encoder<U> encoder) {
    ExpressionEncoder<U> target = ExpressionEncoder.of(encoder);
    return new Dataset<>(session, TypedOperations.bind(session, logicalPlan(), target), target);
  }

  /** The results of {@code f} on each element, encoded with {@code encoder}. */
  public <U> Dataset<U> map(MapFunction<T, U> f, Encoder<U> encoder) {
    return TypedOperations.typed(this, "MapElements", TypedOperations.map(clean(f)), encoder);
  }

  /** The elements of the iterators {@code f} returns for each element. */
  public <U> Dataset<U> flatMap(FlatMapFunction<T, U> f, Encoder<U> encoder) {
    return TypedOperations.typed(this, "MapPartitions", TypedOperations.flatMap(clean(f)), encoder);
  }

  /** The elements for which {@code f} returns true. */
  public Dataset<T> filter(FilterFunction<T> f) {
    return TypedOperations.typed(this, "TypedFilter", TypedOperations.filter(clean(f)), encoder);
  }

  /** The elements of the iterator {@code f} returns for each partition's iterator. */
  public <U> Dataset<U> mapPartitions(MapPartitionsFunction<T, U> f, Encoder<U> encoder) {
    return TypedOperations.typed(this, "MapPartitions", TypedOperations.mapPartitions(clean(f)), encoder);
  }

  private <F extends java.io.Serializable> F clean(F f) {
    return session.emberContext().clean(f);
  }

  /** Groups the elements by the key {@code f} computes for each, encoded with {@code keyEncoder}. */
  public <K> KeyValueGroupedDataset<K, T> groupByKey(MapFunction<T, K> f, Encoder<K> keyEncoder) {
    return new KeyValueGroupedDataset<>(this, clean(f), ExpressionEncoder.of(keyEncoder), null, encoder);
  }

  /** Runs {@code f} on each element, on the executors. */
  public void foreach(ForeachFunction<T> f) {
    rdd().foreach(clean(f)::call);
  }

  /** Runs {@code f} on each partition's elements, on the executors. */
  public void foreachPartition(ForeachPartitionFunction<T> f) {
    rdd().foreachPartition(clean(f)::call);
  }

  /** The elements combined by the associative, commutative {@code f}; fails when empty ("empty collection"). */
  public T reduce(ReduceFunction<T> f) {
    return rdd().reduce(clean(f)::call);
  }

  /** The elements as a core RDD, decoded in its tasks (Spark's {@code rdd}). */
  public RDD<T> rdd() {
    return TypedOperations.decode(queryExecution.toRdd(), encoder, logicalPlan().output().size());
  }

  /** Same as {@link #rdd()}: Ember's RDDs serve Java directly. */
  public RDD<T> javaRDD() {
    return rdd();
  }

  private static Column[] toColumns(String[] names) {
    Column[] columns = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      columns[i] = functions.col(names[i]);
    }
    return columns;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (StructField f : schema()) {
      sb.append(sb.length() == 1 ? "" : ", ").append(f.name()).append(": ").append(f.dataType().simpleString());
    }
    return sb.append(']').toString();
  }
}
