package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.count;
import static dev.ember.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** rollup, cube and pivot through the DataFrame API. */
class GroupingSetsDataFrameTest {

  private static EmberSession session;
  private static Dataset<Row> courses;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("GroupingSetsDataFrameTest")
        .config("spark.sql.shuffle.partitions", "3").getOrCreate();
    StructType schema = new StructType().add("year", DataTypes.IntegerType).add("course", DataTypes.StringType)
        .add("earnings", DataTypes.IntegerType);
    courses = session.createDataFrame(List.of(
        RowFactory.create(2012, "java", 20),
        RowFactory.create(2012, "sql", 5),
        RowFactory.create(2012, "java", 10),
        RowFactory.create(2013, "sql", 30),
        RowFactory.create(2013, "java", 3)), schema);
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @Test
  void rollupAddsSubtotalsAndTheGrandTotal() {
    List<Row> rows = courses.rollup("year", "course").agg(sum("earnings").as("total"))
        .orderBy(col("year").asc_nulls_last(), col("course").asc_nulls_last()).collectAsList();
    assertThat(rows).containsExactly(
        RowFactory.create(2012, "java", 30L),
        RowFactory.create(2012, "sql", 5L),
        RowFactory.create(2012, null, 35L),
        RowFactory.create(2013, "java", 3L),
        RowFactory.create(2013, "sql", 30L),
        RowFactory.create(2013, null, 33L),
        RowFactory.create(null, null, 68L));
  }

  @Test
  void aRollupCanBeQueriedFurther() {
    List<Row> rows = courses.rollup("year").agg(sum("earnings").as("total")).filter(col("year").isNull())
        .select(col("total")).collectAsList();
    assertThat(rows).containsExactly(RowFactory.create(68L));
  }

  @Test
  void cubeAlsoTotalsTheSecondColumn() {
    List<Row> rows = courses.cube(col("course")).agg(count(col("year")).as("n"))
        .orderBy(col("course").asc_nulls_last()).collectAsList();
    assertThat(rows).containsExactly(RowFactory.create("java", 3L), RowFactory.create("sql", 2L),
        RowFactory.create(null, 5L));
  }

  @Test
  void pivotWithGivenAndInferredValues() {
    List<Row> given = courses.groupBy("year").pivot("course", Arrays.asList("java", "sql", "go"))
        .agg(sum("earnings")).orderBy("year").collectAsList();
    assertThat(given).containsExactly(RowFactory.create(2012, 30L, 5L, null),
        RowFactory.create(2013, 3L, 30L, null));
    Dataset<Row> inferred = courses.groupBy("year").pivot("course").agg(sum("earnings").as("s"),
        count(col("earnings")).as("n"));
    assertThat(inferred.columns()).containsExactly("year", "java_s", "java_n", "sql_s", "sql_n");
    assertThat(inferred.orderBy("year").collectAsList()).containsExactly(
        RowFactory.create(2012, 30L, 2L, 5L, 1L), RowFactory.create(2013, 3L, 1L, 30L, 1L));
  }

  @Test
  void pivotOfANonAggregateIsRejected() {
    assertThatThrownBy(() -> courses.groupBy("year").pivot("course", List.of("java")).agg(col("earnings")))
        .isInstanceOf(AnalysisException.class);
  }
}
