package dev.ember.sql.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.RowFactory;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.datasources.FileSourceScanExec;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arrays, maps, structs and binary through Parquet: write then read, every shape and every level of NULL. */
class ParquetNestedTest {

  private static EmberSession session;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("ParquetNestedTest").getOrCreate();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  static final String SHAPES = """
      SELECT 1 AS id, array(1, NULL, 3) AS a, named_struct('x', 1, 'y', 'a') AS s, map('k', 1, 'n', NULL) AS m,
        map('z', array(named_struct('p', 1, 'q', array('u', NULL)), NULL)) AS deep, unhex('00FF') AS b,
        array(array(1), CAST(array() AS array<int>), NULL) AS aa, 'flat' AS tail
      UNION ALL SELECT 2, CAST(array() AS array<int>), named_struct('x', CAST(NULL AS INT), 'y', CAST(NULL AS STRING)),
        CAST(map() AS map<string,int>), CAST(map() AS map<string,array<struct<p:int,q:array<string>>>>), unhex(''),
        CAST(array() AS array<array<int>>), NULL
      UNION ALL SELECT 3, NULL, NULL, NULL, map('e', CAST(array() AS array<struct<p:int,q:array<string>>>)), NULL,
        array(CAST(NULL AS array<int>)), 'last'
      """;

  /** The rows with binary values as lists of bytes, so rows compare by content. */
  static List<List<Object>> comparable(List<Row> rows) {
    List<List<Object>> result = new ArrayList<>();
    for (Row row : rows) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < row.length(); i++) {
        Object value = row.get(i);
        values.add(value instanceof byte[] bytes ? Arrays.toString(bytes) : value);
      }
      result.add(values);
    }
    return result;
  }

  private static FileSourceScanExec scanOf(Dataset<Row> df) {
    return find(df.queryExecution().executedPlan());
  }

  private static FileSourceScanExec find(PhysicalPlan plan) {
    if (plan instanceof FileSourceScanExec scan) {
      return scan;
    }
    for (PhysicalPlan child : plan.children()) {
      FileSourceScanExec found = find(child);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  static Path onlyFile(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
  }

  @Test
  void everyShapeRoundTripsWithNullsAtEveryLevel() throws IOException {
    Dataset<Row> df = session.sql(SHAPES);
    Path out = dir.resolve("shapes");
    df.coalesce(1).write().parquet(out.toString());
    Dataset<Row> back = session.read().parquet(out.toString());
    assertThat(back.schema()).isEqualTo(df.schema());
    assertThat(comparable(back.orderBy("id").collectAsList()))
        .isEqualTo(comparable(df.orderBy("id").collectAsList()));
    Row second = back.orderBy("id").collectAsList().get(1);
    assertThat(second.<Integer>getList(1)).isEmpty();
    assertThat(second.getStruct(2)).isEqualTo(RowFactory.create(null, null));
    assertThat(second.getJavaMap(3)).isEmpty();
    assertThat((byte[]) second.get(5)).isEmpty();
    Row third = back.orderBy("id").collectAsList().get(2);
    assertThat(third.isNullAt(1)).isTrue();
    assertThat(third.isNullAt(2)).isTrue();
    assertThat(third.isNullAt(3)).isTrue();
    assertThat(third.getList(6)).containsExactly((Object) null);
  }

  @Test
  void writesSparksStandardLayout() throws IOException {
    Path out = dir.resolve("layout");
    session.sql("SELECT array(1) AS a, map('k', 1) AS m, named_struct('x', 1) AS s, unhex('01') AS b")
        .coalesce(1).write().parquet(out.toString());
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(onlyFile(out)))) {
      String schema = reader.getFooter().getFileMetaData().getSchema().toString().replaceAll("\\s+", " ");
      assertThat(schema).contains("optional group a (LIST) { repeated group list { optional int32 element; } }")
          .contains("optional group m (MAP) { repeated group key_value { required binary key (STRING); "
              + "optional int32 value; } }")
          .contains("optional group s { optional int32 x; }")
          .contains("optional binary b;");
    }
  }

  @Test
  void nestedAndFlatColumnsStayAlignedOverRowGroupsAndBatches() throws IOException {
    List<Row> ids = new ArrayList<>();
    for (long id = 0; id < 20000; id++) {
      ids.add(RowFactory.create(id));
    }
    Dataset<Row> df = session.createDataFrame(ids, new StructType(List.of(new StructField("id", DataTypes.LongType,
        false)))).selectExpr("id", "IF(id % 7 = 0, NULL, array(id, id + 1)) AS a",
        "CAST(id AS STRING) AS name", "named_struct('v', id * 2) AS s");
    Path out = dir.resolve("many");
    df.coalesce(1).write().option("parquet.block.size", "65536").parquet(out.toString());
    Dataset<Row> back = session.read().parquet(out.toString());
    assertAligned(back.collectAsList());
    // One row group read in several batches.
    Path single = dir.resolve("single");
    df.coalesce(1).write().parquet(single.toString());
    assertAligned(session.read().parquet(single.toString()).collectAsList());
    assertThat(scanOf(back).metric("numRowGroups")).isGreaterThan(1);
    // Pruned to one nested column, then to one flat column.
    Dataset<Row> nestedOnly = back.selectExpr("sum(s.v)");
    assertThat(nestedOnly.first().getLong(0)).isEqualTo(19999L * 20000L);
    assertThat(scanOf(nestedOnly).simpleString()).contains("ReadSchema: struct<s:struct<v:bigint>>");
    assertThat(back.selectExpr("sum(id)").first().getLong(0)).isEqualTo(19999L * 20000L / 2);
  }

  private static void assertAligned(List<Row> rows) {
    assertThat(rows).hasSize(20000);
    for (Row row : rows) {
      long id = row.getLong(0);
      if (id % 7 == 0) {
        assertThat(row.isNullAt(1)).isTrue();
      } else {
        assertThat(row.<Long>getList(1)).containsExactly(id, id + 1);
      }
      assertThat(row.getString(2)).isEqualTo(String.valueOf(id));
      assertThat(row.getStruct(3).getLong(0)).isEqualTo(id * 2);
    }
  }

  @Test
  void binaryReadsAsBinaryOrAsStringWhenAsked() throws IOException {
    Path out = dir.resolve("bin");
    session.sql("SELECT unhex('4142') AS b").coalesce(1).write().parquet(out.toString());
    Dataset<Row> binary = session.read().parquet(out.toString());
    assertThat(binary.schema().fields()[0].dataType()).isEqualTo(DataTypes.BinaryType);
    assertThat((byte[]) binary.first().get(0)).containsExactly('A', 'B');
    Dataset<Row> text = session.read().option("binaryAsString", "true").parquet(out.toString());
    assertThat(text.first().getString(0)).isEqualTo("AB");
    session.conf().set("spark.sql.parquet.binaryAsString", "true");
    try {
      assertThat(session.read().parquet(out.toString()).first().getString(0)).isEqualTo("AB");
    } finally {
      session.conf().unset("spark.sql.parquet.binaryAsString");
    }
  }

  @Test
  void sqlReachesIntoNestedParquetColumns() throws IOException {
    Path out = dir.resolve("sql");
    session.sql(SHAPES).write().parquet(out.toString());
    String from = "parquet.`" + out + "`";
    assertThat(session.sql("SELECT id, a[0], s.x, m['k'], deep['z'][0].q[0] FROM " + from + " ORDER BY id")
        .collectAsList()).containsExactly(RowFactory.create(1, 1, 1, 1, "u"),
            RowFactory.create(2, null, null, null, null), RowFactory.create(3, null, null, null, null));
    assertThat(session.sql("SELECT id, e FROM " + from + " LATERAL VIEW explode(a) t AS e ORDER BY id, e")
        .collectAsList()).containsExactly(RowFactory.create(1, null), RowFactory.create(1, 1),
            RowFactory.create(1, 3));
    assertThat(session.sql("SELECT explode(m) FROM " + from).collectAsList())
        .containsExactlyInAnyOrder(RowFactory.create("k", 1), RowFactory.create("n", null));
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("k", 1);
    expected.put("n", null);
    assertThat(session.sql("SELECT m FROM " + from + " WHERE id = 1").first().<String, Integer>getJavaMap(0))
        .isEqualTo(expected);
  }

  @Test
  void aGivenSchemaMayDifferInNullabilityButNotInTypes() throws IOException {
    Path out = dir.resolve("given");
    session.sql("SELECT array(1, 2) AS a, map('k', 1) AS m").coalesce(1).write().parquet(out.toString());
    Dataset<Row> loose = session.read().schema("a ARRAY<INT>, m MAP<STRING, INT>, missing STRUCT<x: INT>")
        .parquet(out.toString());
    assertThat(loose.first()).isEqualTo(RowFactory.create(List.of(1, 2), Map.of("k", 1), null));
    Dataset<Row> wrong = session.read().schema("a ARRAY<STRING>").parquet(out.toString());
    assertThatThrownBy(wrong::collectAsList).hasMessageContaining("PARQUET_COLUMN_DATA_TYPE_MISMATCH")
        .hasMessageContaining("[a]");
  }
}
