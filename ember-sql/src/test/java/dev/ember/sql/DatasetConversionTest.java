package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.Tuple2;
import dev.ember.api.function.MapFunction;
import dev.ember.rdd.RDD;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatasetConversionTest {

  private static EmberSession session;
  private static Dataset<Row> people;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("DatasetConversionTest")
        .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    StructType schema = new StructType().add("NAME", DataTypes.StringType).add("dept", DataTypes.StringType)
        .add("salary", DataTypes.IntegerType).add("age", DataTypes.IntegerType).add("birthday", DataTypes.DateType);
    people = session.createDataFrame(List.of(
        RowFactory.create("ann", "eng", 100, 30, LocalDate.of(1994, 1, 2)),
        RowFactory.create("bob", "ops", null, 41, null)), schema);
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @Test
  void asBeanBindsColumnsByNameUpCastsAndDropsOthers() {
    Dataset<Person> typed = people.as(Encoders.bean(Person.class));
    assertThat(typed.collectAsList()).containsExactly(new Person("ann", 30, 100L, LocalDate.of(1994, 1, 2)),
        new Person("bob", 41, null, null));
    // The columns keep their names (NAME stays upper case), in the bean's order; salary became a bigint.
    assertThat(typed.toDF().columns()).containsExactly("age", "birthday", "NAME", "salary");
    assertThat(typed.schema().apply(3).dataType()).isEqualTo(DataTypes.LongType);
  }

  @Test
  void asBeanReportsAMissingColumnWithSuggestions() {
    Dataset<Row> noAge = people.drop("age");
    assertThatThrownBy(() -> noAge.as(Encoders.bean(Person.class))).isInstanceOfSatisfying(AnalysisException.class,
        e -> {
          assertThat(e.getCondition()).isEqualTo("UNRESOLVED_COLUMN.WITH_SUGGESTION");
          assertThat(e.getMessageParameters().get("objectName")).isEqualTo("`age`");
          assertThat(e.getMessageParameters().get("proposal")).contains("`NAME`");
        });
  }

  @Test
  void asRefusesNarrowingCasts() {
    Dataset<Row> wide = people.select(col("NAME").as("name"), col("age").cast("bigint").as("age"),
        col("salary").cast("bigint").as("salary"), col("birthday"));
    assertThatThrownBy(() -> wide.as(Encoders.bean(Person.class))).isInstanceOfSatisfying(AnalysisException.class,
        e -> {
          assertThat(e.getCondition()).isEqualTo("CANNOT_UP_CAST_DATATYPE");
          assertThat(e.getSqlState()).isEqualTo("42846");
          assertThat(e.getMessage()).startsWith("[CANNOT_UP_CAST_DATATYPE] Cannot up cast `age` from \"BIGINT\" to "
              + "\"INT\".").contains("- root class: \"dev.ember.sql.Person\"");
        });
    assertThatThrownBy(() -> people.select("NAME").as(Encoders.INT()))
        .isInstanceOfSatisfying(AnalysisException.class, e -> assertThat(e.getMessage())
            .contains("Cannot up cast `NAME` from \"STRING\" to \"INT\""));
  }

  @Test
  void asFlatTakesTheFirstColumnAndUpCasts() {
    assertThat(people.select("age", "NAME").as(Encoders.LONG()).collectAsList()).containsExactly(30L, 41L);
    assertThat(people.select("age").as(Encoders.STRING()).collectAsList()).containsExactly("30", "41");
    assertThat(people.select("age").as(Encoders.DECIMAL()).collectAsList().get(0))
        .isEqualTo(new BigDecimal("30.000000000000000000"));
  }

  @Test
  void asTupleBindsByPositionAndNeedsAsManyColumns() {
    Dataset<Tuple2<String, Long>> pairs = people.select("dept", "age").as(Encoders.tuple(Encoders.STRING(),
        Encoders.LONG()));
    assertThat(pairs.collectAsList()).containsExactly(new Tuple2<>("eng", 30L), new Tuple2<>("ops", 41L));
    assertThat(pairs.columns()).containsExactly("dept", "age");
    assertThatThrownBy(() -> people.select("dept", "age", "NAME").as(Encoders.tuple(Encoders.STRING(),
        Encoders.INT()))).isInstanceOfSatisfying(AnalysisException.class, e -> {
          assertThat(e.getCondition()).isEqualTo("UNSUPPORTED_DESERIALIZER.FIELD_NUMBER_MISMATCH");
          assertThat(e.getMessage()).contains("try to map \"STRUCT<dept: STRING, age: INT, NAME: STRING>\" to "
              + "Tuple2, but failed as the number of fields does not line up.");
        });
  }

  @Test
  void typedDatasetsWorkInSqlAndShow() {
    Dataset<Integer> ages = people.select("age").as(Encoders.INT())
        .map((MapFunction<Integer, Integer>) a -> a + 1, Encoders.INT());
    ages.createOrReplaceTempView("ages");
    assertThat(session.sql("SELECT sum(value) FROM ages").collectAsList()).containsExactly(RowFactory.create(73L));
    assertThat(ages.showString(20, 20)).contains("|value|", "|   31|", "|   42|");
  }

  @Test
  void rddBridgesBothWays() {
    Dataset<Person> typed = people.as(Encoders.bean(Person.class));
    RDD<Person> rdd = typed.rdd();
    assertThat(rdd.map(Person::getName).collect()).containsExactly("ann", "bob");
    assertThat(typed.javaRDD().count()).isEqualTo(2L);
    assertThat(people.rdd().map(r -> r.getString(0)).collect()).containsExactly("ann", "bob");

    RDD<Row> rows = session.emberContext().parallelize(List.of(RowFactory.create("x", 1), RowFactory.create("y", null)),
        2);
    StructType schema = new StructType().add("k", DataTypes.StringType).add("v", DataTypes.IntegerType);
    Dataset<Row> fromRows = session.createDataFrame(rows, schema);
    assertThat(fromRows.filter(col("v").isNull()).collectAsList()).containsExactly(RowFactory.create("y", null));
    assertThat(fromRows.queryExecution().explainString(false)).contains("ExternalRDDScan");

    RDD<Integer> ints = session.emberContext().parallelize(List.of(3, 1, 2), 2);
    Dataset<Integer> fromInts = session.createDataset(ints, Encoders.INT());
    assertThat(fromInts.orderBy(col("value")).collectAsList()).containsExactly(1, 2, 3);

    RDD<Person> beans = session.emberContext().parallelize(List.of(new Person("cy", 5, 9L, null)), 1);
    assertThat(session.createDataFrame(beans, Person.class).collectAsList())
        .containsExactly(RowFactory.create(5, null, "cy", 9L));
  }

  @Test
  void dataFramesMapAndGroupRowsByKey() {
    Dataset<String> names = people.map((MapFunction<Row, String>) r -> r.getString(0) + "@" + r.getString(1),
        Encoders.STRING());
    assertThat(names.collectAsList()).containsExactly("ann@eng", "bob@ops");
    Dataset<Tuple2<String, Long>> byInitial = people.union(people)
        .groupByKey((MapFunction<Row, String>) r -> r.getString(0).substring(0, 1), Encoders.STRING()).count()
        .orderBy(col("key"));
    assertThat(byInitial.collectAsList()).containsExactly(new Tuple2<>("a", 2L), new Tuple2<>("b", 2L));
  }

  @Test
  void rowsOfTheWrongTypeFailWhenEncoded() {
    RDD<Row> rows = session.emberContext().parallelize(List.of(RowFactory.create("x", "not a number")), 1);
    StructType schema = new StructType().add("k", DataTypes.StringType).add("v", DataTypes.IntegerType);
    Dataset<Row> bad = session.createDataFrame(rows, schema);
    assertThatThrownBy(bad::collectAsList).hasStackTraceContaining("cannot be converted to the INT type of field v");
  }
}
