package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.Tuple2;
import dev.ember.Tuple3;
import dev.ember.api.function.MapFunction;
import dev.ember.api.function.MapGroupsFunction;
import dev.ember.sql.NestedBeans.BadElement;
import dev.ember.sql.NestedBeans.Inner;
import dev.ember.sql.NestedBeans.Node;
import dev.ember.sql.NestedBeans.Outer;
import dev.ember.sql.NestedBeans.Simple;
import dev.ember.sql.NestedBeans.Wrapper;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NestedEncodersTest {

  private static EmberSession session;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("NestedEncodersTest").getOrCreate();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static Outer outer(String id, int n) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("x", n);
    counts.put("y", null);
    Map<String, Inner> byName = new LinkedHashMap<>();
    byName.put("k", new Inner(n, "v" + n));
    return new Outer(id, new Inner(n, "b" + n), Arrays.asList(n, null, n + 1),
        Arrays.asList(new Inner(1, "p"), null), new long[] {n, 2L * n}, counts, byName, new byte[] {1, (byte) n});
  }

  @Test
  void beanSchemaNestsAsSparkInfersIt() {
    StructType inner = new StructType().add("a", DataTypes.IntegerType, false).add("b", DataTypes.StringType, true);
    StructType expected = new StructType()
        .add("byName", new MapType(DataTypes.StringType, inner, true), true)
        .add("bytes", DataTypes.BinaryType, true)
        .add("counts", new MapType(DataTypes.StringType, DataTypes.IntegerType, true), true)
        .add("id", DataTypes.StringType, true)
        .add("inner", inner, true)
        .add("inners", new ArrayType(inner, true), true)
        .add("longs", new ArrayType(DataTypes.LongType, false), true)
        .add("xs", new ArrayType(DataTypes.IntegerType, true), true);
    assertThat(Encoders.bean(Outer.class).schema()).isEqualTo(expected);
  }

  @Test
  void nestedBeansRoundTripThroughMap() {
    List<Outer> values = Arrays.asList(outer("one", 1), outer("two", 2), new Outer());
    Dataset<Outer> ds = session.createDataset(values, Encoders.bean(Outer.class));
    assertThat(ds.collectAsList()).containsExactlyElementsOf(values);
    List<Outer> mapped = ds.map((MapFunction<Outer, Outer>) o -> {
      o.setId(o.getId() == null ? "none" : o.getId().toUpperCase());
      return o;
    }, Encoders.bean(Outer.class)).collectAsList();
    assertThat(mapped).extracting(Outer::getId).containsExactly("ONE", "TWO", "none");
    assertThat(mapped.get(1)).isEqualTo(withId(outer("two", 2), "TWO"));
    assertThat(mapped.get(2).getInner()).isNull();
  }

  private static Outer withId(Outer o, String id) {
    o.setId(id);
    return o;
  }

  @Test
  void createDataFrameOfBeansGivesNestedColumns() {
    Dataset<Row> df = session.createDataFrame(List.of(outer("one", 1)), Outer.class);
    Row row = df.select("inner.b", "xs", "counts", "bytes", "inners").first();
    assertThat(row.getString(0)).isEqualTo("b1");
    assertThat(row.getList(1)).containsExactly(1, null, 2);
    assertThat(row.<String, Integer>getJavaMap(2)).containsEntry("x", 1).containsEntry("y", null);
    assertThat((byte[]) row.get(3)).containsExactly(1, 1);
    assertThat(((Row) row.getList(4).get(0)).getString(1)).isEqualTo("p");
    assertThat(df.selectExpr("size(inners)", "`inner`.a + 1", "counts['x']").first())
        .isEqualTo(RowFactory.create(2, 2, 1));
    assertThat(df.as(Encoders.bean(Outer.class)).first()).isEqualTo(outer("one", 1));
  }

  @Test
  void asBeanBindsArraysStructsAndMapsFromSql() {
    Wrapper w = session.sql("SELECT array(1, 2) AS xs, named_struct('a', 1) AS `inner`")
        .as(Encoders.bean(Wrapper.class)).first();
    assertThat(w.getXs()).containsExactly(1L, 2L);
    assertThat(w.getInner().getA()).isEqualTo(1L);
    Simple s = session.sql("SELECT 7 AS extra, named_struct('z', true, 'B', 'x', 'a', 3) AS `inner`, "
        + "array(4, 5) AS xs").as(Encoders.bean(Simple.class)).first();
    assertThat(s.getXs()).containsExactly(4L, 5L);
    assertThat(s.getInner()).isEqualTo(new Inner(3, "x"));
    Simple nulls = session.sql("SELECT CAST(NULL AS struct<a:int,b:string>) AS `inner`, "
        + "CAST(NULL AS array<int>) AS xs").as(Encoders.bean(Simple.class)).first();
    assertThat(nulls.getInner()).isNull();
    assertThat(nulls.getXs()).isNull();
    Outer o = session.sql("SELECT 'm' AS id, map('k', named_struct('a', 1, 'b', 'c')) AS byName, "
        + "map('x', 1) AS counts, array(named_struct('a', 2, 'b', 'd')) AS inners, array(3L) AS longs, "
        + "array(9) AS xs, named_struct('a', 5, 'b', 'e') AS `inner`, CAST('ab' AS BINARY) AS bytes")
        .as(Encoders.bean(Outer.class)).first();
    assertThat(o.getByName()).isEqualTo(Map.of("k", new Inner(1, "c")));
    assertThat(o.getInners()).containsExactly(new Inner(2, "d"));
    assertThat(o.getLongs()).containsExactly(3L);
    assertThat(o.getBytes()).containsExactly('a', 'b');
  }

  @Test
  void groupByKeyMapGroupsOverBeansWithListProperties() {
    List<Outer> values = List.of(outer("a", 1), outer("b", 2), outer("a", 3));
    Dataset<Outer> ds = session.createDataset(values, Encoders.bean(Outer.class));
    Dataset<Tuple2<String, Integer>> sums = ds.groupByKey((MapFunction<Outer, String>) Outer::getId,
        Encoders.STRING()).mapGroups((MapGroupsFunction<String, Outer, Tuple2<String, Integer>>) (k, it) -> {
          int sum = 0;
          while (it.hasNext()) {
            sum += it.next().getXs().get(2);
          }
          return new Tuple2<>(k, sum);
        }, Encoders.tuple(Encoders.STRING(), Encoders.INT()));
    List<Tuple2<String, Integer>> result = new ArrayList<>(sums.collectAsList());
    result.sort(Comparator.comparing(Tuple2::_1));
    assertThat(result).containsExactly(new Tuple2<>("a", 6), new Tuple2<>("b", 3));
    Dataset<Inner> byInner = ds.groupByKey((MapFunction<Outer, Inner>) o -> o.getInners().get(0),
        Encoders.bean(Inner.class)).mapGroups((MapGroupsFunction<Inner, Outer, Inner>) (k, it) -> {
          int n = 0;
          for (; it.hasNext(); it.next()) {
            n++;
          }
          return new Inner(n, k.getB());
        }, Encoders.bean(Inner.class));
    assertThat(byInner.collectAsList()).containsExactly(new Inner(3, "p"));
  }

  @Test
  void tuplesOfBeansAndTuplesAreStructColumns() {
    Encoder<Tuple2<Inner, Tuple2<String, Long>>> encoder = Encoders.tuple(Encoders.bean(Inner.class),
        Encoders.tuple(Encoders.STRING(), Encoders.LONG()));
    assertThat(encoder.schema().apply(0).dataType()).isEqualTo(Encoders.bean(Inner.class).schema());
    assertThat(encoder.schema().apply(1).dataType()).isEqualTo(new StructType()
        .add("_1", DataTypes.StringType, true).add("_2", DataTypes.LongType, true));
    List<Tuple2<Inner, Tuple2<String, Long>>> values = Arrays.asList(
        new Tuple2<>(new Inner(1, "x"), new Tuple2<>("s", 2L)), new Tuple2<>(null, new Tuple2<>(null, null)));
    Dataset<Tuple2<Inner, Tuple2<String, Long>>> ds = session.createDataset(values, encoder);
    assertThat(ds.collectAsList()).containsExactlyElementsOf(values);
    assertThat(ds.toDF().selectExpr("_1.b", "_2._2").first()).isEqualTo(RowFactory.create("x", 2L));
    Dataset<Tuple3<Inner, String, byte[]>> triples = ds.map(
        (MapFunction<Tuple2<Inner, Tuple2<String, Long>>, Tuple3<Inner, String, byte[]>>) t ->
            new Tuple3<>(t._1(), t._2()._1(), new byte[] {7}),
        Encoders.tuple(Encoders.bean(Inner.class), Encoders.STRING(), Encoders.BINARY()));
    assertThat(triples.collectAsList()).extracting(Tuple3::_2).containsExactly("s", null);
    assertThat(triples.collectAsList().get(0)._3()).containsExactly(7);
    Dataset<Tuple2<Inner, Tuple2<String, Long>>> back = session.sql(
        "SELECT named_struct('b', 'q', 'a', 4) AS _1, named_struct('_1', 'r', '_2', 5) AS _2").as(encoder);
    assertThat(back.first()).isEqualTo(new Tuple2<>(new Inner(4, "q"), new Tuple2<>("r", 5L)));
  }

  @Test
  void binaryKryoAndJavaSerializationAreOneBinaryValueColumn() {
    StructType binary = new StructType().add("value", DataTypes.BinaryType, true);
    assertThat(Encoders.BINARY().schema()).isEqualTo(binary);
    assertThat(Encoders.kryo(Inner.class).schema()).isEqualTo(binary);
    assertThat(Encoders.javaSerialization(Inner.class).schema()).isEqualTo(binary);
    List<byte[]> bytes = session.createDataset(Arrays.asList(new byte[] {1, 2}, null), Encoders.BINARY())
        .collectAsList();
    assertThat(bytes.get(0)).containsExactly(1, 2);
    assertThat(bytes.get(1)).isNull();
    for (Encoder<Inner> encoder : List.of(Encoders.kryo(Inner.class), Encoders.javaSerialization(Inner.class))) {
      List<Inner> values = Arrays.asList(new Inner(1, "x"), null, new Inner(2, null));
      Dataset<Inner> ds = session.createDataset(values, encoder);
      assertThat(ds.collectAsList()).containsExactlyElementsOf(values);
      assertThat(ds.filter((dev.ember.api.function.FilterFunction<Inner>) i -> i != null)
          .map((MapFunction<Inner, Inner>) i -> new Inner(i.getA() * 10, i.getB()), encoder).collectAsList())
          .containsExactly(new Inner(10, "x"), new Inner(20, null));
      assertThat(ds.toDF().first().get(0)).isInstanceOf(byte[].class);
    }
    Encoder<Tuple2<Inner, Integer>> pairs = Encoders.tuple(Encoders.kryo(Inner.class), Encoders.INT());
    assertThat(pairs.schema().apply(0).dataType()).isEqualTo(DataTypes.BinaryType);
    assertThat(session.createDataset(List.of(new Tuple2<>(new Inner(3, "t"), 4)), pairs).first())
        .isEqualTo(new Tuple2<>(new Inner(3, "t"), 4));
  }

  @Test
  void unsupportedPropertyNamesItsPath() {
    assertThatThrownBy(() -> Encoders.bean(BadElement.class)).isInstanceOfSatisfying(AnalysisException.class, e -> {
      assertThat(e.getCondition()).isEqualTo("ENCODER_NOT_FOUND");
      assertThat(e.getMessageParameters()).isEqualTo(Map.of("typeName", "\"java.lang.Thread\""));
      assertThat(e.getMessage()).contains("- array element class: \"java.lang.Thread\"\n"
          + "- field (class: \"java.util.List<java.lang.Thread>\", name: \"threads\")\n"
          + "- root class: \"" + BadElement.class.getName() + "\"");
    });
    assertThatThrownBy(() -> Encoders.bean(Node.class)).isInstanceOfSatisfying(AnalysisException.class,
        e -> assertThat(e.getCondition()).isEqualTo("CIRCULAR_CLASS_REFERENCE"));
  }

  @Test
  void missingNestedFieldIsSparksFieldNotFound() {
    assertThatThrownBy(() -> session.sql("SELECT array(1, 2) AS xs, named_struct('a', 1) AS `inner`")
        .as(Encoders.bean(Simple.class))).isInstanceOfSatisfying(AnalysisException.class, e -> {
          assertThat(e.getCondition()).isEqualTo("FIELD_NOT_FOUND");
          assertThat(e.getMessageParameters()).containsEntry("fieldName", "`b`").containsEntry("fields", "`a`");
        });
    assertThatThrownBy(() -> session.sql("SELECT 'm' AS id, CAST(NULL AS map<string,struct<a:int,b:string>>) "
        + "AS byName, map('x', 1) AS counts, array(named_struct('b', 'd', 'a', 2)) AS inners, array(3L) AS longs, "
        + "array(9) AS xs, named_struct('a', 5, 'b', 'e') AS `inner`, CAST('ab' AS BINARY) AS bytes")
        .as(Encoders.bean(Outer.class))).isInstanceOfSatisfying(AnalysisException.class, e -> {
          assertThat(e.getCondition()).isEqualTo("UNSUPPORTED_FEATURE");
          assertThat(e.getMessage()).contains("struct inside an array or map");
        });
    assertThatThrownBy(() -> session.sql("SELECT 1 AS xs, named_struct('a', 1, 'b', 'x') AS `inner`")
        .as(Encoders.bean(Simple.class))).isInstanceOfSatisfying(AnalysisException.class,
            e -> assertThat(e.getCondition()).isEqualTo("UNSUPPORTED_DESERIALIZER.DATA_TYPE_MISMATCH"));
    assertThatThrownBy(() -> session.sql("SELECT array(1.5D) AS xs, named_struct('a', 1, 'b', 'x') AS `inner`")
        .as(Encoders.bean(Simple.class))).isInstanceOfSatisfying(AnalysisException.class,
            e -> assertThat(e.getCondition()).isEqualTo("CANNOT_UP_CAST_DATATYPE"));
  }
}
