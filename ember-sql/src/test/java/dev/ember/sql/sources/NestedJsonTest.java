package dev.ember.sql.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.RowFactory;
import dev.ember.sql.types.DataTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON lines with arrays and objects: inferred as arrays and structs, read by a given schema, and written.
 */
class NestedJsonTest {

  private static EmberSession session;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("NestedJsonTest").getOrCreate();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void inferenceMakesObjectsStructsAndArraysArraysMergingOverLines() throws IOException {
    Path file = write("n.json", """
        {"id":1,"tags":["a","b"],"point":{"y":2.5,"x":1},"items":[{"k":1},{"k":null,"j":"z"}]}
        {"id":2,"tags":[],"point":{"x":3},"items":null,"empty":[]}
        {"id":3,"tags":null,"point":null,"mixed":[1]}
        {"id":4,"mixed":{"a":1}}
        """);
    Dataset<Row> df = session.read().json(file.toString());
    assertThat(df.schema().simpleString()).isEqualTo("struct<empty:array<string>,id:bigint,"
        + "items:array<struct<j:string,k:bigint>>,mixed:string,point:struct<x:bigint,y:double>,tags:array<string>>");
    List<Row> rows = df.orderBy("id").collectAsList();
    Row first = rows.get(0);
    assertThat(first.<String>getList(5)).containsExactly("a", "b");
    assertThat(first.getStruct(4)).isEqualTo(RowFactory.create(1L, 2.5));
    assertThat(first.<Row>getList(2)).containsExactly(RowFactory.create(null, 1L), RowFactory.create("z", null));
    assertThat(rows.get(1).<String>getList(0)).isEmpty();
    assertThat(rows.get(1).getStruct(4)).isEqualTo(RowFactory.create(3L, null));
    assertThat(rows.get(1).isNullAt(2)).isTrue();
    assertThat(rows.get(2).isNullAt(4)).isTrue();
    assertThat(rows.get(2).getString(3)).isEqualTo("[1]");
    assertThat(rows.get(3).getString(3)).isEqualTo("{\"a\":1}");

    df.createOrReplaceTempView("nested_json");
    assertThat(session.sql("SELECT id, point.x, items[1].j, size(tags) FROM nested_json ORDER BY id")
        .collectAsList()).containsExactly(RowFactory.create(1L, 1L, "z", 2), RowFactory.create(2L, 3L, null, 0),
            RowFactory.create(3L, null, null, -1), RowFactory.create(4L, null, null, -1));
    assertThat(session.sql("SELECT t FROM nested_json LATERAL VIEW explode(tags) v AS t").collectAsList())
        .containsExactly(RowFactory.create("a"), RowFactory.create("b"));
  }

  @Test
  void aGivenSchemaReadsMapsAndBinaryAndCallsAMismatchMalformed() throws IOException {
    Path file = write("m.json", """
        {"id":1,"attrs":{"a":1,"b":null},"raw":"QUI=","nums":[1,2]}
        {"id":2,"attrs":{},"nums":[1,"x"]}
        """);
    Dataset<Row> df = session.read().schema("id INT, attrs MAP<STRING, INT>, raw BINARY, nums ARRAY<INT>")
        .json(file.toString());
    List<Row> rows = df.collectAsList();
    Map<String, Integer> attrs = rows.get(0).getJavaMap(1);
    assertThat(attrs).containsExactly(Map.entry("a", 1), new java.util.AbstractMap.SimpleEntry<>("b", null));
    assertThat((byte[]) rows.get(0).get(2)).containsExactly('A', 'B');
    assertThat(rows.get(0).<Integer>getList(3)).containsExactly(1, 2);
    // An element of the wrong type makes the whole line malformed: PERMISSIVE gives a row of NULLs.
    assertThat(rows.get(1)).isEqualTo(RowFactory.create(null, null, null, null));
    Dataset<Row> dropped = session.read().schema("id INT, nums ARRAY<INT>").option("mode", "DROPMALFORMED")
        .json(file.toString());
    assertThat(dropped.collectAsList()).containsExactly(RowFactory.create(1, Arrays.asList(1, 2)));
  }

  @Test
  void writingNestsArraysStructsMapsAndEncodesBinaryAsBase64() throws IOException {
    Dataset<Row> df = session.sql("SELECT 1 AS id, array(1, NULL) AS a, named_struct('x', 1, 'y', "
        + "CAST(NULL AS STRING)) AS s, map('k', 2, 'n', NULL) AS m, unhex('4142') AS b, "
        + "array(named_struct('p', array('q'))) AS deep");
    Path out = dir.resolve("out");
    df.coalesce(1).write().json(out.toString());
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(out)) {
      for (Path part : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        lines.addAll(Files.readAllLines(part));
      }
    }
    assertThat(lines).containsExactly("{\"id\":1,\"a\":[1,null],\"s\":{\"x\":1},\"m\":{\"k\":2,\"n\":null},"
        + "\"b\":\"QUI=\",\"deep\":[{\"p\":[\"q\"]}]}");
    Row back = session.read().schema(df.schema()).json(out.toString()).first();
    assertThat(back.<Integer>getList(1)).containsExactly(1, null);
    assertThat(back.getStruct(2)).isEqualTo(RowFactory.create(1, null));
    assertThat(back.<String, Integer>getJavaMap(3)).containsEntry("k", 2).containsKey("n");
    assertThat((byte[]) back.get(4)).containsExactly('A', 'B');
    assertThat(((Row) back.getList(5).get(0)).<String>getList(0)).containsExactly("q");
    // Inferred again, Base64 text is a string: JSON has no binary values.
    assertThat(session.read().json(out.toString()).select("b").schema().fields()[0].dataType())
        .isEqualTo(DataTypes.StringType);
  }
}
