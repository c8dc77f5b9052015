package dev.ember.sql;

import static dev.ember.sql.functions.callUDF;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.udf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatasetApiTest {

  private static EmberSession session;
  private static Dataset<Row> people;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("DatasetApiTest")
        .config("spark.sql.shuffle.partitions", "3").getOrCreate();
    StructType schema = new StructType().add("name", DataTypes.StringType).add("dept", DataTypes.StringType)
        .add("salary", DataTypes.IntegerType);
    people = session.createDataFrame(List.of(RowFactory.create("ann", "eng", 100),
        RowFactory.create("bob", "eng", 80), RowFactory.create("cat", "ops", 70),
        RowFactory.create("dan", null, null)), schema);
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static List<Row> sorted(Dataset<Row> df) {
    return df.orderBy("name").collectAsList();
  }

  @Test
  void columnsAreAddedRenamedDroppedAndDescribed() {
    Map<String, Column> added = new LinkedHashMap<>();
    added.put("bonus", col("salary").multiply(2));
    added.put("DEPT", lit("x"));
    Dataset<Row> df = people.withColumns(added);
    assertThat(df.columns()).containsExactly("name", "DEPT", "salary", "bonus");
    assertThat(sorted(df).get(0)).isEqualTo(RowFactory.create("ann", "x", 100, 200));
    assertThat(people.withColumnsRenamed(Map.of("name", "who", "missing", "m")).columns())
        .containsExactly("who", "dept", "salary");
    assertThat(people.drop(col("dept"), col("nope")).columns()).containsExactly("name", "salary");
    assertThat(people.toDF("a", "b", "c").columns()).containsExactly("a", "b", "c");
    assertThat(people.dtypes()).isDeepEqualTo(new String[][] {{"name", "string"}, {"dept", "string"},
        {"salary", "int"}});
    assertThat(people.select(people.apply("salary")).columns()).containsExactly("salary");
    assertThatThrownBy(() -> people.toDF("a")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("The number of columns doesn't match.");
    Map<String, Column> twice = new LinkedHashMap<>();
    twice.put("a", lit(1));
    twice.put("A", lit(2));
    assertThatThrownBy(() -> people.withColumns(twice)).hasMessageStartingWith("[COLUMN_ALREADY_EXISTS]");
  }

  @Test
  void headTakeTailAndIsEmpty() {
    Dataset<Row> ordered = people.orderBy("name").select("name");
    assertThat(ordered.head(2)).containsExactly(RowFactory.create("ann"), RowFactory.create("bob"));
    assertThat(ordered.take(1)).containsExactly(RowFactory.create("ann"));
    assertThat(ordered.tail(1)).containsExactly(RowFactory.create("dan"));
    assertThat(people.isEmpty()).isFalse();
    assertThat(people.filter(col("salary").gt(1000)).isEmpty()).isTrue();
    assertThatThrownBy(() -> people.tail(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dropDuplicatesKeepsOneRowPerKey() {
    List<Row> byDept = people.dropDuplicates("dept").collectAsList();
    assertThat(byDept).hasSize(3);
    assertThat(byDept.stream().map(r -> r.getString(1)).toList()).containsExactlyInAnyOrder("eng", "ops", null);
    assertThat(byDept.stream().filter(r -> "eng".equals(r.getString(1))).map(r -> r.getString(0)).toList())
        .isSubsetOf("ann", "bob");
    assertThat(people.dropDuplicates("dept", "salary").count()).isEqualTo(4);
    assertThat(people.select("dept").dropDuplicates().count()).isEqualTo(3);
    assertThatThrownBy(() -> people.dropDuplicates("dpt")).hasMessageStartingWith("[UNRESOLVED_COLUMN");
  }

  @Test
  void naFillDropAndReplace() {
    assertThat(sorted(people.na().fill(0)).get(3)).isEqualTo(RowFactory.create("dan", null, 0));
    assertThat(sorted(people.na().fill("none")).get(3)).isEqualTo(RowFactory.create("dan", "none", null));
    assertThat(sorted(people.na().fill("x", new String[] {"name"})).get(3))
        .isEqualTo(RowFactory.create("dan", null, null));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("salary", 5);
    values.put("dept", "?");
    assertThat(sorted(people.na().fill(values)).get(3)).isEqualTo(RowFactory.create("dan", "?", 5));
    assertThat(people.na().drop().count()).isEqualTo(3);
    assertThat(people.na().drop("all").count()).isEqualTo(4);
    assertThat(people.na().drop(new String[] {"name"}).count()).isEqualTo(4);
    assertThat(people.na().drop(2).count()).isEqualTo(3);
    assertThat(people.na().drop(1).count()).isEqualTo(4);
    assertThat(sorted(people.na().replace("dept", Map.of("eng", "engineering"))).stream()
        .map(r -> r.getString(1)).toList()).containsExactly("engineering", "engineering", "ops", null);
    assertThatThrownBy(() -> people.na().drop("some")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> people.na().fill(Map.of("salary", "high")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void describeAndSummaryGiveSparksStatisticsAsStrings() {
    List<Row> rows = people.describe("salary").collectAsList();
    assertThat(people.describe("salary").columns()).containsExactly("summary", "salary");
    assertThat(rows.get(0)).isEqualTo(RowFactory.create("count", "3"));
    assertThat(rows.get(1)).isEqualTo(RowFactory.create("mean", "83.33333333333333"));
    assertThat(rows.get(2).getString(1)).startsWith("15.27525231651946");
    assertThat(rows.get(3)).isEqualTo(RowFactory.create("min", "70"));
    assertThat(rows.get(4)).isEqualTo(RowFactory.create("max", "100"));
    List<Row> all = people.describe().collectAsList();
    assertThat(all.get(0)).isEqualTo(RowFactory.create("count", "4", "3", "3"));
    assertThat(all.get(1).get(1)).isNull();
    assertThat(all.get(3)).isEqualTo(RowFactory.create("min", "ann", "eng", "70"));
    List<Row> summary = people.select("salary").summary().collectAsList();
    assertThat(summary.stream().map(r -> r.getString(0)).toList())
        .containsExactly("count", "mean", "stddev", "min", "25%", "50%", "75%", "max");
    assertThat(summary.subList(4, 7).stream().map(r -> r.getString(1)).toList()).containsExactly("70", "80", "100");
    assertThat(people.select("salary").summary("count", "max").collectAsList())
        .containsExactly(RowFactory.create("count", "3"), RowFactory.create("max", "100"));
    assertThatThrownBy(() -> people.summary("bogus")).hasMessage("bogus is not a recognised statistic");
  }

  @Test
  void showVerticalPrintsOneBlockPerRecord() {
    Dataset<Row> df = people.orderBy("name").select("name", "salary");
    assertThat(df.showString(2, 20, true)).isEqualTo(String.join("\n",
        "-RECORD 0-----",
        " name   | ann ",
        " salary | 100 ",
        "-RECORD 1-----",
        " name   | bob ",
        " salary | 80  ",
        "only showing top 2 rows", ""));
    assertThat(df.filter("salary > 1000").showString(20, 20, true)).isEqualTo("(0 rows)\n");
    assertThat(df.showString(1, 2, false)).isEqualTo(String.join("\n",
        "+----+------+", "|name|salary|", "+----+------+", "|  an|    10|", "+----+------+",
        "only showing top 1 row", ""));
  }

  @Test
  void repartitionAndCoalesceChangeThePartitioning() {
    Dataset<Row> four = people.repartition(4);
    assertThat(four.javaRDD().getNumPartitions()).isEqualTo(4);
    assertThat(sorted(four)).isEqualTo(sorted(people));
    Dataset<Row> byDept = people.repartition(3, col("dept"));
    assertThat(byDept.queryExecution().explainString(false)).contains("Exchange hashpartitioning(dept#");
    List<String> placed = byDept.javaRDD()
        .mapPartitionsWithIndex((index, rows) -> {
          List<String> out = new ArrayList<>();
          rows.forEachRemaining(r -> out.add(r.getString(1) + "@" + index));
          return out.iterator();
        }, false).collect();
    assertThat(placed.stream().filter(p -> p.startsWith("eng@")).distinct().count()).isEqualTo(1);
    Dataset<Row> one = people.coalesce(1);
    assertThat(one.javaRDD().getNumPartitions()).isEqualTo(1);
    assertThat(one.count()).isEqualTo(4);
    assertThatThrownBy(() -> people.repartition(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive");
  }

  @Test
  void sampleIsSeededAndChecksItsFraction() {
    List<Row> numbers = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      numbers.add(RowFactory.create(i));
    }
    Dataset<Row> df = session.createDataFrame(numbers, new StructType().add("n", DataTypes.IntegerType));
    long half = df.sample(0.5, 42).count();
    assertThat(half).isBetween(400L, 600L);
    assertThat(df.sample(0.5, 42).collectAsList()).isEqualTo(df.sample(0.5, 42).collectAsList());
    assertThat(df.sample(true, 2.0, 7).count()).isBetween(1700L, 2300L);
    assertThat(df.sample(0.0).count()).isZero();
    assertThatThrownBy(() -> df.sample(1.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be on interval [0, 1] without replacement");
  }

  @Test
  void rddBridgesAndBeans() {
    List<String> names = people.javaRDD().map(r -> r.getString(0)).collect();
    assertThat(names).containsExactlyInAnyOrder("ann", "bob", "cat", "dan");
    StructType schema = new StructType().add("k", DataTypes.StringType).add("v", DataTypes.LongType);
    Dataset<Row> fromRdd = session.createDataFrame(session.emberContext().parallelize(List.of(
        RowFactory.create("a", 1L), RowFactory.create("b", 2L), RowFactory.create("a", 3L)), 2), schema);
    assertThat(fromRdd.groupBy("k").agg(functions.sum("v")).orderBy("k").collectAsList())
        .containsExactly(RowFactory.create("a", 4L), RowFactory.create("b", 2L));
    Dataset<Row> beans = session.createDataFrame(List.of(new Person("ann", 31), new Person("bob", 42)),
        Person.class);
    assertThat(beans.columns()).containsExactly("age", "name");
    assertThat(beans.orderBy("name").collectAsList())
        .containsExactly(RowFactory.create(31, "ann"), RowFactory.create(42, "bob"));
  }

  @Test
  void userDefinedFunctionsFromSqlAndTheApi() {
    session.udf().register("plus_one", (dev.ember.sql.api.java.UDF1<Integer, Integer>) x -> x == null ? null : x + 1,
        DataTypes.IntegerType);
    people.createOrReplaceTempView("people_udf");
    assertThat(session.sql("SELECT name, PLUS_ONE(salary) AS s FROM people_udf ORDER BY name").collectAsList())
        .containsExactly(RowFactory.create("ann", 101), RowFactory.create("bob", 81), RowFactory.create("cat", 71),
            RowFactory.create("dan", null));
    assertThat(people.select(callUDF("plus_one", col("salary")).as("s")).filter("s IS NULL").count()).isEqualTo(1);
    UserDefinedFunction label = udf((dev.ember.sql.api.java.UDF2<String, Integer, String>) (n, s) -> n + ":" + s,
        DataTypes.StringType);
    assertThat(people.orderBy("name").select(label.apply(col("name"), col("salary"))).first())
        .isEqualTo(RowFactory.create("ann:100"));
    assertThat(session.sql("SHOW USER FUNCTIONS LIKE 'plus*'").collectAsList())
        .containsExactly(RowFactory.create("plus_one"));
    assertThat(session.sql("DESCRIBE FUNCTION plus_one").collectAsList().get(1).getString(0))
        .startsWith("Class: user-defined function");
    assertThatThrownBy(() -> session.sql("SELECT plus_one(salary, 2) FROM people_udf"))
        .hasMessageStartingWith("[WRONG_NUM_ARGS.WITHOUT_SUGGESTION]");
    session.udf().register("boom", (dev.ember.sql.api.java.UDF1<Integer, Integer>) x -> 10 / (x - x),
        DataTypes.IntegerType);
    assertThatThrownBy(() -> session.sql("SELECT boom(salary) FROM people_udf WHERE salary > 0").collectAsList())
        .hasMessageContaining("FAILED_EXECUTE_UDF").hasMessageContaining("ArithmeticException");
  }

  /** A Java bean for createDataFrame(beans, class). */
  public static final class Person implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final int age;

    Person(String name, int age) {
      this.name = name;
      this.age = age;
    }

    public String getName() {
      return name;
    }

    public int getAge() {
      return age;
    }
  }
}
