package dev.ember.sql.sources;

import static dev.ember.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.RowFactory;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonAndTextDataSourceTest {

  private static EmberSession session;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("JsonAndTextDataSourceTest").getOrCreate();
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
  void jsonInferenceWidensNumbersSortsFieldsAndKeepsNestedValuesAsText() throws IOException {
    Path file = write("a.json", "{\"name\":\"ann\",\"n\":1,\"x\":1,\"ok\":true,\"tags\":[1,2]}\n"
        + "\n"
        + "{\"name\":\"bob\",\"n\":2.5,\"x\":\"s\",\"nothing\":null,\"tags\":{\"k\":\"v\"}}\n");
    Dataset<Row> df = session.read().json(file.toString());
    assertThat(df.schema()).isEqualTo(new StructType().add("n", DataTypes.DoubleType)
        .add("name", DataTypes.StringType).add("nothing", DataTypes.StringType).add("ok", DataTypes.BooleanType)
        .add("tags", DataTypes.StringType).add("x", DataTypes.StringType));
    assertThat(df.orderBy("name").collectAsList()).containsExactly(
        RowFactory.create(1.0, "ann", null, true, "[1,2]", "1"),
        RowFactory.create(2.5, "bob", null, null, "{\"k\":\"v\"}", "s"));
  }

  @Test
  void jsonModesHandleMalformedLines() throws IOException {
    Path file = write("bad.json", "{\"a\":1}\n{\"a\":\n{\"a\":\"text\"}\n{\"a\":4}\n");
    Dataset<Row> inferred = session.read().json(file.toString());
    assertThat(inferred.columns()).containsExactly("a", "_corrupt_record");
    assertThat(inferred.collectAsList()).containsExactly(RowFactory.create("1", null),
        RowFactory.create(null, "{\"a\":"), RowFactory.create("text", null), RowFactory.create("4", null));

    Dataset<Row> typed = session.read().schema("a BIGINT, _corrupt_record STRING").json(file.toString());
    assertThat(typed.collectAsList()).containsExactly(RowFactory.create(1L, null),
        RowFactory.create(null, "{\"a\":"), RowFactory.create(null, "{\"a\":\"text\"}"),
        RowFactory.create(4L, null));

    Dataset<Row> dropped = session.read().schema("a BIGINT").option("mode", "DROPMALFORMED").json(file.toString());
    assertThat(dropped.collectAsList()).containsExactly(RowFactory.create(1L), RowFactory.create(4L));

    Dataset<Row> failing = session.read().schema("a BIGINT").option("mode", "FAILFAST").json(file.toString());
    assertThatThrownBy(failing::collectAsList).hasMessageContaining("MALFORMED_RECORD_IN_PARSING")
        .hasMessageContaining("bad.json, line 2");
    assertThatThrownBy(() -> session.read().option("mode", "FAILFAST").json(file.toString()))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("line 2");
  }

  @Test
  void jsonWriteRoundTripsAndLeavesOutNulls() throws IOException {
    Dataset<Row> df = session.createDataFrame(List.of(
        RowFactory.create(1, "a\"b", LocalDate.of(2020, 3, 4), 0.5),
        RowFactory.create(2, null, null, null)),
        new StructType().add("id", DataTypes.IntegerType).add("s", DataTypes.StringType)
            .add("d", DataTypes.DateType).add("x", DataTypes.DoubleType));
    String out = dir.resolve("out").toString();
    df.write().json(out);
    List<String> lines = new java.util.ArrayList<>();
    try (var files = Files.list(Path.of(out))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        lines.addAll(Files.readAllLines(f));
      }
    }
    assertThat(lines).containsExactlyInAnyOrder("{\"id\":1,\"s\":\"a\\\"b\",\"d\":\"2020-03-04\",\"x\":0.5}",
        "{\"id\":2}");
    Dataset<Row> back = session.read().schema(df.schema()).json(out);
    assertThat(back.orderBy("id").collectAsList()).containsExactlyElementsOf(df.collectAsList());
  }

  @Test
  void textReadsLinesAndWritesOneStringColumn() throws IOException {
    Path file = write("lines.txt", "first line\n\nthird, with comma\n");
    Dataset<Row> df = session.read().text(file.toString());
    assertThat(df.columns()).containsExactly("value");
    assertThat(df.collectAsList()).containsExactly(RowFactory.create("first line"), RowFactory.create(""),
        RowFactory.create("third, with comma"));
    assertThat(session.read().textFile(file.toString()).count()).isEqualTo(3);

    String out = dir.resolve("text-out").toString();
    df.filter(col("value").notEqual("")).write().text(out);
    assertThat(session.read().text(out).orderBy("value").collectAsList())
        .containsExactly(RowFactory.create("first line"), RowFactory.create("third, with comma"));
    assertThatThrownBy(() -> session.sql("SELECT 1 AS a, 'x' AS b").write().text(dir.resolve("t2").toString()))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("TEXT_DATA_SOURCE_SINGLE_COLUMN");
    assertThatThrownBy(() -> session.sql("SELECT 1 AS a").write().text(dir.resolve("t3").toString()))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE");
  }
}
