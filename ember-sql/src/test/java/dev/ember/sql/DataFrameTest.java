package dev.ember.sql;

import static dev.ember.sql.functions.avg;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.count;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.max;
import static dev.ember.sql.functions.sum;
import static dev.ember.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DataFrameTest {

  private static EmberSession session;
  private static Dataset<Row> people;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("DataFrameTest")
        .config("spark.sql.shuffle.partitions", "3")
        .config("spark.sql.optimizer.excludedRules", "ConstantFolding").getOrCreate();
    StructType schema = new StructType().add("name", DataTypes.StringType).add("dept", DataTypes.StringType)
        .add("salary", DataTypes.IntegerType).add("hired", DataTypes.DateType);
    people = session.createDataFrame(List.of(
        RowFactory.create("ann", "eng", 100, LocalDate.of(2020, 1, 2)),
        RowFactory.create("bob", "eng", 80, null),
        RowFactory.create("cat", "ops", 70, LocalDate.of(2021, 5, 6)),
        RowFactory.create("dan", null, null, null)), schema);
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @Test
  void selectFilterAndArithmetic() {
    List<Row> rows = people.filter(col("salary").gt(75)).select(col("name"), col("salary").plus(1).as("s"))
        .orderBy("name").collectAsList();
    assertThat(rows).containsExactly(RowFactory.create("ann", 101), RowFactory.create("bob", 81));
    assertThat(rows.get(0).<Integer>getAs("s")).isEqualTo(101);
  }

  @Test
  void groupByWithEveryAggregate() {
    List<Row> rows = people.groupBy("dept").agg(count("name"), sum("salary"), avg("salary"), max("salary"))
        .orderBy(col("dept").asc_nulls_last()).collectAsList();
    assertThat(rows).containsExactly(
        RowFactory.create("eng", 2L, 180L, 90.0, 100),
        RowFactory.create("ops", 1L, 70L, 70.0, 70),
        RowFactory.create(null, 1L, null, null, null));
  }

  @Test
  void globalAggregateOverNoRowsReturnsOneRow() {
    Row row = people.filter(col("salary").gt(1000)).agg(count(lit(1)), sum("salary")).first();
    assertThat(row).isEqualTo(RowFactory.create(0L, null));
  }

  @Test
  void countDistinctLimitAndDates() {
    assertThat(people.count()).isEqualTo(4);
    assertThat(people.select("dept").distinct().count()).isEqualTo(3);
    assertThat(people.orderBy(col("salary").desc()).limit(1).first().getString(0)).isEqualTo("ann");
    assertThat(people.filter("hired >= DATE '2021-01-01'").first().getLocalDate(3))
        .isEqualTo(LocalDate.of(2021, 5, 6));
  }

  @Test
  void caseWhenAndCast() {
    List<Row> rows = people.select(when(col("salary").geq(80), "high").when(col("salary").lt(80), "low")
        .otherwise("none").as("band"), col("salary").cast("string")).orderBy("name").collectAsList();
    assertThat(rows).containsExactly(RowFactory.create("high", "100"), RowFactory.create("high", "80"),
        RowFactory.create("low", "70"), RowFactory.create("none", null));
  }

  @Test
  void schemaAndShowUseSparksFormats() {
    Dataset<Row> df = people.select(col("name"), col("salary"));
    assertThat(df.schema().treeString()).isEqualTo(
        "root\n |-- name: string (nullable = true)\n |-- salary: integer (nullable = true)\n");
    assertThat(df.orderBy("name").showString(3, 20)).isEqualTo(
        "+----+------+\n"
        + "|name|salary|\n"
        + "+----+------+\n"
        + "| ann|   100|\n"
        + "| bob|    80|\n"
        + "| cat|    70|\n"
        + "+----+------+\n"
        + "only showing top 3 rows\n");
    assertThat(df.filter("name = 'dan'").showString(20, 0)).isEqualTo(
        "+----+------+\n|name|salary|\n+----+------+\n|dan |NULL  |\n+----+------+\n");
  }

  @Test
  void unresolvedColumnSuggestsClosestNames() {
    assertThatThrownBy(() -> people.select(col("salry")))
        .isInstanceOfSatisfying(AnalysisException.class, e -> {
          assertThat(e.getCondition()).isEqualTo("UNRESOLVED_COLUMN.WITH_SUGGESTION");
          assertThat(e.getSqlState()).isEqualTo("42703");
          assertThat(e.getMessageParameters().get("proposal")).startsWith("`salary`");
        });
  }

  @Test
  void tempViewsAreVisibleToSql() {
    people.createOrReplaceTempView("people");
    Row row = session.sql("SELECT count(*) AS n, max(salary) FROM people WHERE dept = 'eng'").first();
    assertThat(row).isEqualTo(RowFactory.create(2L, 100));
    assertThat(session.sql("SELECT count(*) AS n, max(salary) FROM people").columns())
        .containsExactly("n", "max(salary)");
  }

  @Test
  void explainShowsTwoPhaseAggregationAroundAnExchange() {
    String plan = people.groupBy("dept").agg(sum("salary")).queryExecution().explainString(false);
    assertThat(plan).startsWith("== Physical Plan ==\nHashAggregate(keys=[dept#");
    assertThat(plan).contains("+- Exchange hashpartitioning(dept#").contains(", 3)")
        .contains("functions=[partial_sum(CAST(salary#").contains("+- LocalTableScan [dept#");
  }

  @Test
  void aggregationAcrossManyBatchesAndPartitions() {
    StructType schema = new StructType().add("n", DataTypes.LongType);
    List<Row> rows = new java.util.ArrayList<>();
    for (long i = 1; i <= 10_000; i++) {
      rows.add(RowFactory.create(i));
    }
    Dataset<Row> numbers = session.createDataFrame(rows, schema);
    List<Row> byRemainder = numbers.groupBy(col("n").mod(3).as("r")).agg(count(lit(1)), sum("n"))
        .orderBy("r").collectAsList();
    // 1..10000: remainder 0 is 3k for k=1..3333; remainder 1 is 3k+1 for k=0..3333; 2 is 3k+2 for k=0..3332.
    assertThat(byRemainder).containsExactly(
        RowFactory.create(0L, 3333L, 3L * 3333 * 3334 / 2),
        RowFactory.create(1L, 3334L, 3L * 3333 * 3334 / 2 + 3334),
        RowFactory.create(2L, 3333L, 3L * 3332 * 3333 / 2 + 2 * 3333));
    assertThat(numbers.filter(col("n").gt(9_990)).count()).isEqualTo(10);
    assertThat(numbers.orderBy(col("n").desc()).limit(2).collectAsList())
        .containsExactly(RowFactory.create(10_000L), RowFactory.create(9_999L));
  }

  @Test
  void explainStatementReturnsThePlanAsOneRow() {
    people.createOrReplaceTempView("staff");
    Row row = session.sql("EXPLAIN SELECT dept, count(*) FROM staff WHERE salary > 1 GROUP BY dept ORDER BY dept")
        .first();
    String[] lines = row.getString(0).split("\n");
    assertThat(lines[0]).isEqualTo("== Physical Plan ==");
    assertThat(lines[1]).startsWith("Sort [dept#").endsWith(" ASC NULLS FIRST], true");
    // Adaptive execution reads each exchange's tiny partitions with fewer tasks.
    assertThat(lines[2]).isEqualTo("+- AQEShuffleRead coalesced");
    assertThat(lines[3]).startsWith("   +- Exchange rangepartitioning(dept#").endsWith(" ASC NULLS FIRST, 3)");
    assertThat(lines[4]).startsWith("      +- HashAggregate(keys=[dept#").contains("functions=[count(1)]");
    assertThat(lines[5]).isEqualTo("         +- AQEShuffleRead coalesced");
    assertThat(lines[6]).startsWith("            +- Exchange hashpartitioning(dept#");
    assertThat(lines[7]).contains("functions=[partial_count(1)]");
    assertThat(lines[8]).startsWith("                  +- Filter (salary#").endsWith(" > 1)");
    // Column pruning leaves the scan with only the columns the query reads.
    assertThat(lines[9]).startsWith("                     +- LocalTableScan [dept#").contains(", salary#")
        .endsWith("]");
  }

  @Test
  void likeWithAComputedPatternRunsWithoutConstantFolding() {
    // This session excludes ConstantFolding, so the patterns below reach execution unfolded.
    assertThat(people.filter("name LIKE CASE WHEN salary > 90 THEN 'a%' ELSE '%o%' END").orderBy("name")
        .select("name").collectAsList()).containsExactly(RowFactory.create("ann"), RowFactory.create("bob"));
    assertThat(people.filter(col("name").like("c" + "%")).count()).isEqualTo(1);
  }

  @Test
  void withColumnRenameDropAndSelectExpr() {
    Dataset<Row> df = people.withColumn("bonus", col("salary").divide(10)).withColumn("salary", lit(0))
        .withColumnRenamed("name", "who").drop("hired", "dept", "nope");
    assertThat(df.columns()).containsExactly("who", "salary", "bonus");
    assertThat(df.orderBy("who").first()).isEqualTo(RowFactory.create("ann", 0, 10.0));
    assertThat(people.selectExpr("name", "salary * 2 AS doubled").columns())
        .containsExactly("name", "doubled");
  }

  @Test
  void extendedExplainShowsEveryStage() {
    String text = people.filter("salary > 1").groupBy("dept").count().queryExecution().explainString(true);
    assertThat(text).contains("== Parsed Logical Plan ==\nAggregate [").contains("== Analyzed Logical Plan ==")
        .contains("== Optimized Logical Plan ==").contains("\n+- Filter ").contains("== Physical Plan ==");
  }

  @Test
  void negativeZeroAndNaNGroupLikeSpark() {
    StructType schema = new StructType().add("d", DataTypes.DoubleType);
    Dataset<Row> df = session.createDataFrame(List.of(RowFactory.create(0.0), RowFactory.create(-0.0),
        RowFactory.create(Double.NaN), RowFactory.create(Double.NaN), RowFactory.create((Object) null)), schema);
    // -0.0 and 0.0 are one group (shown as 0.0), NaN values one group, NULL its own; NaN sorts last.
    assertThat(df.groupBy("d").count().orderBy("d").collectAsList()).containsExactly(
        RowFactory.create(null, 1L), RowFactory.create(0.0, 2L), RowFactory.create(Double.NaN, 2L));
  }

  @Test
  void anAggregateOverAnAggregateOnTheSameKeysNeedsNoSecondExchange() {
    Dataset<Row> twice = people.groupBy("dept").agg(sum("salary").as("total")).groupBy("dept").count();
    String plan = twice.queryExecution().explainString(false);
    assertThat(plan.split("Exchange", -1)).hasSize(2);
    assertThat(twice.orderBy(col("dept").asc_nulls_last()).collectAsList()).containsExactly(
        RowFactory.create("eng", 1L), RowFactory.create("ops", 1L), RowFactory.create(null, 1L));
  }

  @Test
  void globalSortRangePartitionsThenSortsEachRange() {
    StructType schema = new StructType().add("n", DataTypes.LongType).add("s", DataTypes.StringType);
    List<Row> rows = new java.util.ArrayList<>();
    for (long i = 0; i < 5_000; i++) {
      long n = (i * 7919) % 5_000;
      rows.add(RowFactory.create(n % 10 == 0 ? null : n, "v" + (n % 3)));
    }
    Dataset<Row> sorted = session.createDataFrame(rows, schema).orderBy(col("s").desc(), col("n").asc());
    assertThat(sorted.queryExecution().explainString(false)).contains("Exchange rangepartitioning(s#");
    List<Row> result = sorted.collectAsList();
    assertThat(result).hasSize(5_000);
    for (int i = 1; i < result.size(); i++) {
      Row a = result.get(i - 1);
      Row b = result.get(i);
      int bySuffix = b.getString(1).compareTo(a.getString(1));
      assertThat(bySuffix).as("row %d", i).isLessThanOrEqualTo(0);
      if (bySuffix == 0 && !a.isNullAt(0)) {
        assertThat(b.isNullAt(0)).as("nulls first within a group, row %d", i).isFalse();
        assertThat(b.getLong(0)).isGreaterThan(a.getLong(0));
      }
    }
    assertThat(result.get(0)).isEqualTo(RowFactory.create(null, "v2"));
    assertThat(sorted.limit(2).collectAsList()).containsExactly(RowFactory.create(null, "v2"),
        RowFactory.create(null, "v2"));
  }
}
