package dev.ember.sql.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.RowFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nested Parquet columns between Ember and other writers and readers: the legacy 2-level layouts written with
 * parquet-java's example writer, and DuckDB reading Ember's files and writing files Ember reads.
 */
class ParquetNestedInteropTest {

  private static EmberSession session;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("ParquetNestedInteropTest").getOrCreate();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static void duckdb(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static List<String> duckdbRows(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(rs.getString(i));
        }
        rows.add(String.join(" | ", values));
      }
    }
    return rows;
  }

  // "hive" is the layout of Spark's and Hive's writeLegacyFormat: a 3-level list whose element is named array.
  @Test
  void legacyTwoLevelListsAndMapsFromParquetJavasExampleWriter() throws IOException {
    MessageType schema = MessageTypeParser.parseMessageType("""
        message legacy {
          required int32 id;
          optional group ints (LIST) { repeated int32 element; }
          optional group pairs (LIST) { repeated group element { required binary str (UTF8); required int32 num; } }
          optional group avro (LIST) { repeated group array { required binary str (UTF8); } }
          optional group thrift (LIST) { repeated group thrift_tuple { required binary str (UTF8); } }
          optional group hive (LIST) { repeated group bag { optional int32 array; } }
          optional group old_map (MAP_KEY_VALUE) {
            repeated group map { required binary key (UTF8); optional int32 value; }
          }
          repeated int32 bare;
          repeated group points { required int32 x; optional int32 y; }
          optional binary raw;
        }
        """);
    Path file = dir.resolve("legacy.parquet");
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
        .build()) {
      Group full = groups.newGroup().append("id", 1);
      full.addGroup("ints").append("element", 1).append("element", 2);
      Group pairs = full.addGroup("pairs");
      pairs.addGroup("element").append("str", "a").append("num", 1);
      pairs.addGroup("element").append("str", "b").append("num", 2);
      full.addGroup("avro").addGroup("array").append("str", "av");
      full.addGroup("thrift").addGroup("thrift_tuple").append("str", "th");
      Group hive = full.addGroup("hive");
      hive.addGroup("bag").append("array", 7);
      hive.addGroup("bag");
      Group map = full.addGroup("old_map");
      map.addGroup("map").append("key", "k").append("value", 1);
      map.addGroup("map").append("key", "n");
      full.append("bare", 5).append("bare", 6);
      full.addGroup("points").append("x", 1).append("y", 2);
      full.addGroup("points").append("x", 3);
      full.append("raw", Binary.fromConstantByteArray(new byte[] {1, 2}));
      writer.write(full);
      Group empty = groups.newGroup().append("id", 2);
      empty.addGroup("ints");
      empty.addGroup("old_map");
      writer.write(empty);
    }
    Dataset<Row> df = session.read().parquet(file.toString());
    assertThat(df.schema().simpleString()).isEqualTo("struct<id:int,ints:array<int>,"
        + "pairs:array<struct<str:string,num:int>>,avro:array<struct<str:string>>,"
        + "thrift:array<struct<str:string>>,hive:array<int>,old_map:map<string,int>,bare:array<int>,"
        + "points:array<struct<x:int,y:int>>,raw:binary>");
    List<Row> rows = df.orderBy("id").collectAsList();
    Row first = rows.get(0);
    assertThat(first.<Integer>getList(1)).containsExactly(1, 2);
    assertThat(first.<Row>getList(2)).containsExactly(RowFactory.create("a", 1), RowFactory.create("b", 2));
    assertThat(first.<Row>getList(3)).containsExactly(RowFactory.create("av"));
    assertThat(first.<Row>getList(4)).containsExactly(RowFactory.create("th"));
    assertThat(first.<Integer>getList(5)).containsExactly(7, null);
    assertThat(first.<String, Integer>getJavaMap(6)).containsEntry("k", 1).containsKey("n").hasSize(2);
    assertThat(first.<Integer>getList(7)).containsExactly(5, 6);
    assertThat(first.<Row>getList(8)).containsExactly(RowFactory.create(1, 2), RowFactory.create(3, null));
    assertThat((byte[]) first.get(9)).containsExactly(1, 2);
    Row second = rows.get(1);
    assertThat(second.<Integer>getList(1)).isEmpty();
    assertThat(second.isNullAt(2)).isTrue();
    assertThat(second.<String, Integer>getJavaMap(6)).isEmpty();
    // A repeated field outside a LIST has no NULL: no occurrences is an empty array.
    assertThat(second.<Integer>getList(7)).isEmpty();
    assertThat(second.<Row>getList(8)).isEmpty();
    assertThat(second.isNullAt(9)).isTrue();
  }

  @Test
  void duckdbFilesReadWithSqlOverThem() throws SQLException {
    Path file = dir.resolve("duck.parquet");
    duckdb("COPY (SELECT [1, 2] AS a, {'x': 1} AS s, MAP {'k': 1} AS m, [[1, NULL], [], NULL] AS aa, "
        + "[{'p': 'q', 'r': [1.5]}] AS deep, NULL::INTEGER[] AS none, '\\x01\\x02'::BLOB AS raw) TO '" + file
        + "' (FORMAT PARQUET)");
    Dataset<Row> df = session.read().parquet(file.toString());
    assertThat(df.schema().simpleString()).isEqualTo("struct<a:array<int>,s:struct<x:int>,m:map<string,int>,"
        + "aa:array<array<int>>,deep:array<struct<p:string,r:array<decimal(2,1)>>>,none:array<int>,raw:binary>");
    Row row = df.first();
    assertThat(row.<Integer>getList(0)).containsExactly(1, 2);
    assertThat(row.getStruct(1)).isEqualTo(RowFactory.create(1));
    assertThat(row.<String, Integer>getJavaMap(2)).isEqualTo(Map.of("k", 1));
    assertThat(row.<List<Integer>>getList(3)).containsExactly(Arrays.asList(1, null), List.of(), null);
    assertThat(row.isNullAt(5)).isTrue();
    assertThat((byte[]) row.get(6)).containsExactly(1, 2);
    String from = "parquet.`" + file + "`";
    assertThat(session.sql("SELECT a[0], s.x, m['k'], deep[0].p, size(aa) FROM " + from).collectAsList())
        .containsExactly(RowFactory.create(1, 1, 1, "q", 3));
    assertThat(session.sql("SELECT explode(a) AS e FROM " + from).collectAsList())
        .containsExactly(RowFactory.create(1), RowFactory.create(2));
  }

  @Test
  void duckdbReadsEmbersFilesWithTheSameValues() throws SQLException {
    Path out = dir.resolve("ember");
    session.sql(ParquetNestedTest.SHAPES).coalesce(1).write().parquet(out.toString());
    List<String> rows = duckdbRows("SELECT id, a, s, m, deep, hex(b), aa, tail FROM read_parquet('" + out
        + "/*.parquet') ORDER BY id");
    assertThat(rows).containsExactly(
        "1 | [1, NULL, 3] | {'x': 1, 'y': a} | {k=1, n=NULL} | {z=[{'p': 1, 'q': [u, NULL]}, NULL]} | 00FF"
            + " | [[1], [], NULL] | flat",
        "2 | [] | {'x': NULL, 'y': NULL} | {} | {} |  | [] | null",
        "3 | null | null | null | {e=[]} | null | [NULL] | last");
    assertThat(duckdbRows("SELECT a[1], s.x, m['k'], deep['z'][1].q[1] FROM read_parquet('" + out
        + "/*.parquet') WHERE id = 1")).containsExactly("1 | 1 | 1 | u");
  }
}
