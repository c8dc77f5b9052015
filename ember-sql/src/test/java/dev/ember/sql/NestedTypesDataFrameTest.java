package dev.ember.sql;

import static dev.ember.sql.functions.array;
import static dev.ember.sql.functions.array_contains;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.collect_list;
import static dev.ember.sql.functions.element_at;
import static dev.ember.sql.functions.explode;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.map;
import static dev.ember.sql.functions.size;
import static dev.ember.sql.functions.sort_array;
import static dev.ember.sql.functions.split;
import static dev.ember.sql.functions.struct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Arrays, maps, structs and binary through the DataFrame API: schemas, rows, show() and the functions. */
class NestedTypesDataFrameTest {

  private static EmberSession session;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("NestedTypesDataFrameTest")
        .config("spark.sql.shuffle.partitions", "2").getOrCreate();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @Test
  void typesPrintTheirSimpleStringsAndParseFromDdl() {
    DataType type = DataTypes.fromSqlName("struct<a:int, b array<map<string,decimal(5,2)>>, `c d`:binary>");
    assertThat(type.simpleString()).isEqualTo("struct<a:int,b:array<map<string,decimal(5,2)>>,c d:binary>");
    assertThat(DataTypes.fromSqlName("ARRAY<INT>")).isEqualTo(DataTypes.createArrayType(DataTypes.IntegerType));
    assertThat(DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType).sql())
        .isEqualTo("MAP<STRING, BIGINT>");
    assertThat(DataTypes.fromSqlName("array<nosuchtype>")).isNull();
    assertThat(DataTypes.fromSqlName("array<int")).isNull();
  }

  @Test
  void printSchemaDrawsNestedTypesAsSparkDoes() {
    Dataset<Row> df = session.sql("SELECT array(1) AS a, map('k', 1) AS m, named_struct('x', 1, 's', 'y') AS s");
    assertThat(df.schema().treeString()).isEqualTo("""
        root
         |-- a: array (nullable = true)
         |    |-- element: integer (containsNull = true)
         |-- m: map (nullable = true)
         |    |-- key: string
         |    |-- value: integer (valueContainsNull = true)
         |-- s: struct (nullable = true)
         |    |-- x: integer (nullable = true)
         |    |-- s: string (nullable = true)
        """);
  }

  @Test
  void rowsHoldListsMapsRowsAndByteArrays() {
    Row row = session.sql("SELECT array(1, NULL), map('a', 1, 'b', 2), named_struct('x', 1, 'y', 'z'), "
        + "unhex('4142'), array(named_struct('d', DATE '2020-01-02'))").first();
    assertThat(row.<Integer>getList(0)).containsExactly(1, null);
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("a", 1);
    expected.put("b", 2);
    assertThat(row.<String, Integer>getJavaMap(1)).containsExactlyEntriesOf(expected);
    assertThat(row.getStruct(2).getInt(0)).isEqualTo(1);
    assertThat(row.getStruct(2).<String>getAs("y")).isEqualTo("z");
    assertThat((byte[]) row.get(3)).containsExactly(0x41, 0x42);
    assertThat(((Row) row.getList(4).get(0)).get(0)).isEqualTo(java.time.LocalDate.of(2020, 1, 2));
  }

  @Test
  void showFormatsNestedValuesAsSpark() {
    String table = session.sql("SELECT array(1, 2, 3) AS a, map('a', 1, 'b', 2) AS m, named_struct('x', 1, "
        + "'y', 'x') AS s, unhex('4142') AS b, array('p', NULL) AS n").showString(20, 0);
    assertThat(table).contains("|[1, 2, 3]|{a -> 1, b -> 2}|{1, x}|[41 42]|[p, null]|");
  }

  @Test
  void createDataFrameTakesNestedJavaValues() {
    StructType schema = new StructType().add("id", DataTypes.IntegerType)
        .add("tags", new ArrayType(DataTypes.StringType, true))
        .add("attrs", new MapType(DataTypes.StringType, DataTypes.IntegerType, true))
        .add("point", new StructType().add("x", DataTypes.IntegerType).add("y", DataTypes.IntegerType));
    Dataset<Row> df = session.createDataFrame(List.of(
        RowFactory.create(1, Arrays.asList("a", "b"), Map.of("k", 1), RowFactory.create(3, 4)),
        RowFactory.create(2, List.of(), Map.of(), null)), schema);
    List<Row> rows = df.select(col("id"), size(col("tags")), element_at(col("attrs"), "k"),
        col("point").getField("y"), col("tags").getItem(1)).orderBy("id").collectAsList();
    assertThat(rows).containsExactly(RowFactory.create(1, 2, 1, 4, "b"),
        RowFactory.create(2, 0, null, null, null));
  }

  @Test
  void javaFunctionsBuildAndTakeApartCollections() {
    Dataset<Row> words = session.sql("SELECT 'b a b' AS line UNION ALL SELECT 'c a'")
        .select(explode(split(col("line"), " ")).as("w"));
    List<Row> counts = words.groupBy("w").count().orderBy("w").collectAsList();
    assertThat(counts).containsExactly(RowFactory.create("a", 2L), RowFactory.create("b", 2L),
        RowFactory.create("c", 1L));
    Row row = words.agg(sort_array(collect_list(col("w")))).first();
    assertThat(row.<String>getList(0)).containsExactly("a", "a", "b", "b", "c");
    Row built = session.sql("SELECT 1 AS x").select(array(col("x"), lit(2)), map(lit("k"), col("x")),
        struct(col("x")), array_contains(array(col("x")), 1)).first();
    assertThat(built.<Integer>getList(0)).containsExactly(1, 2);
    assertThat(built.<String, Integer>getJavaMap(1)).containsEntry("k", 1);
    assertThat(built.getStruct(2).schema().fieldNames()).containsExactly("x");
    assertThat(built.getBoolean(3)).isTrue();
  }

  @Test
  void subscriptOnANonCollectionIsAnErrorAtItsPosition() {
    assertThatThrownBy(() -> session.sql("SELECT 1 AS x").select(col("x").getItem(0)).collectAsList())
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("INVALID_EXTRACT_BASE_FIELD_TYPE");
    assertThatThrownBy(() -> session.sql("SELECT size('abc')"))
        .isInstanceOfSatisfying(AnalysisException.class, e -> {
          assertThat(e.getCondition()).isEqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
          assertThat(e.startPosition()).hasValue(7);
        });
  }
}
