package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.dense_rank;
import static dev.ember.sql.functions.lag;
import static dev.ember.sql.functions.lead;
import static dev.ember.sql.functions.max;
import static dev.ember.sql.functions.rank;
import static dev.ember.sql.functions.row_number;
import static dev.ember.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.expressions.Window;
import dev.ember.sql.expressions.WindowSpec;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Window functions through the DataFrame API: Window, WindowSpec and Column.over. */
class WindowDataFrameTest {

  private static EmberSession session;
  private static Dataset<Row> sales;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("WindowDataFrameTest")
        .config("spark.sql.shuffle.partitions", "3").getOrCreate();
    StructType schema = new StructType().add("shop", DataTypes.StringType).add("day", DataTypes.IntegerType)
        .add("amount", DataTypes.IntegerType);
    sales = session.createDataFrame(List.of(
        RowFactory.create("x", 1, 10),
        RowFactory.create("x", 2, 30),
        RowFactory.create("x", 3, 30),
        RowFactory.create("x", 4, 5),
        RowFactory.create("y", 1, 7),
        RowFactory.create("y", 2, null)), schema);
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @Test
  void rankingAndOffsetFunctions() {
    WindowSpec byAmount = Window.partitionBy("shop").orderBy(col("amount").desc(), col("day").asc());
    WindowSpec byDay = Window.partitionBy("shop").orderBy("day");
    List<Row> rows = sales.select(col("shop"), col("day"), row_number().over(byAmount).as("n"),
        rank().over(Window.partitionBy("shop").orderBy(col("amount").desc())).as("r"),
        dense_rank().over(Window.partitionBy("shop").orderBy(col("amount").desc())).as("d"),
        lag(col("amount"), 1, -1).over(byDay).as("prev"), lead("amount", 1).over(byDay).as("next"))
        .orderBy("shop", "day").collectAsList();
    // x by amount desc: 30 (day 2), 30 (day 3), 10, 5; y: 7, then NULL last (descending puts NULLs last).
    assertThat(rows).containsExactly(
        RowFactory.create("x", 1, 3, 3, 2, -1, 30),
        RowFactory.create("x", 2, 1, 1, 1, 10, 30),
        RowFactory.create("x", 3, 2, 1, 1, 30, 5),
        RowFactory.create("x", 4, 4, 4, 3, 30, null),
        RowFactory.create("y", 1, 1, 1, 1, -1, null),
        RowFactory.create("y", 2, 2, 2, 2, 7, null));
  }

  @Test
  void aggregatesOverRowsAndRangeFrames() {
    WindowSpec running = Window.partitionBy("shop").orderBy("day").rowsBetween(Window.unboundedPreceding(),
        Window.currentRow());
    WindowSpec sliding = Window.partitionBy("shop").orderBy("day").rowsBetween(-1, 1);
    WindowSpec range = Window.orderBy("amount").rangeBetween(-5, 0);
    List<Row> rows = sales.withColumn("running", sum("amount").over(running))
        .withColumn("sliding", max(col("amount")).over(sliding))
        .withColumn("near", functions.count(col("day")).over(range))
        .withColumn("all", sum("amount").over())
        .orderBy("shop", "day").select("running", "sliding", "near", "all").collectAsList();
    // amounts sorted: NULL, 5, 7, 10, 30, 30; RANGE 5 PRECEDING..CURRENT: 5->1, 7->2, 10->3, 30->2, NULL->1.
    assertThat(rows).containsExactly(
        RowFactory.create(10L, 30, 3L, 82L),
        RowFactory.create(40L, 30, 2L, 82L),
        RowFactory.create(70L, 30, 2L, 82L),
        RowFactory.create(75L, 30, 1L, 82L),
        RowFactory.create(7L, 7, 2L, 82L),
        RowFactory.create(7L, 7, 1L, 82L));
  }

  @Test
  void planSortsWithinPartitionsAfterTheExchange() {
    Dataset<Row> ranked = sales.select(col("shop"), rank().over(Window.partitionBy("shop").orderBy("day")));
    String plan = ranked.queryExecution().executedPlan().treeString();
    // Window, then a partition-local sort on (shop, day), then the hash exchange on shop.
    assertThat(plan).containsSubsequence("Window", "Sort", "false", "Exchange hashpartitioning(shop");
    Dataset<Row> global = sales.select(col("day"), sum("amount").over());
    assertThat(global.queryExecution().executedPlan().treeString()).contains("Exchange SinglePartition");
  }

  @Test
  void topPerGroupFiltersOnAWindowColumn() {
    Dataset<Row> ranked = sales.withColumn("n", row_number().over(Window.partitionBy("shop")
        .orderBy(col("amount").desc_nulls_first(), col("day"))));
    List<Row> rows = ranked.filter(col("n").equalTo(1)).select("shop", "day").orderBy("shop").collectAsList();
    assertThat(rows).containsExactly(RowFactory.create("x", 2), RowFactory.create("y", 2));
  }

  @Test
  void rankWithoutOrderIsRejected() {
    assertThatThrownBy(() -> sales.select(rank().over(Window.partitionBy("shop"))).collectAsList())
        .isInstanceOf(AnalysisException.class)
        .satisfies(e -> assertThat(((AnalysisException) e).getCondition()).isEqualTo("_LEGACY_ERROR_TEMP_1037"));
    assertThatThrownBy(() -> sales.select(row_number()).collectAsList())
        .satisfies(e -> assertThat(((AnalysisException) e).getCondition())
            .isEqualTo("WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE"));
  }
}
