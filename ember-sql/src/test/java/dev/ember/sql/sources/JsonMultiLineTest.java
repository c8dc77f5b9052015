package dev.ember.sql.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON read with {@code multiLine=true}: each file one document, an object or an array of objects. */
class JsonMultiLineTest {

  private static final String ARRAY = "[\n  {\"a\": 1,\n   \"b\": \"x\"},\n"
      + "  {\"a\": 2, \"b\": \"y\",\n   \"c\": 1.5}\n]\n";
  private static final String OBJECT = "{\n  \"a\": 3,\n  \"b\": \"line\\nbreak\"\n}\n";
  private static final String BROKEN = "[{\"a\": 4},\n {\"a\": ";
  private static EmberSession session;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("JsonMultiLineTest").getOrCreate();
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
  void readsAnArrayOfObjectsAndASingleObjectPerFile() throws IOException {
    write("1.json", ARRAY);
    write("2.json", OBJECT);
    Dataset<Row> df = session.read().option("multiLine", "true").json(dir.toString());
    assertThat(df.schema()).isEqualTo(new StructType().add("a", DataTypes.LongType)
        .add("b", DataTypes.StringType).add("c", DataTypes.DoubleType));
    assertThat(df.orderBy("a").collectAsList()).containsExactly(RowFactory.create(1L, "x", null),
        RowFactory.create(2L, "y", 1.5), RowFactory.create(3L, "line\nbreak", null));
    assertThat(session.read().schema("b STRING, a INT").option("multiline", "true").json(dir.toString())
        .orderBy("a").collectAsList()).containsExactly(RowFactory.create("x", 1), RowFactory.create("y", 2),
        RowFactory.create("line\nbreak", 3));
  }

  @Test
  void withoutMultiLineAnObjectSpanningLinesIsMalformed() throws IOException {
    Path file = write("o.json", OBJECT);
    Dataset<Row> df = session.read().schema("a BIGINT").option("mode", "DROPMALFORMED").json(file.toString());
    assertThat(df.collectAsList()).isEmpty();
  }

  @Test
  void aBrokenDocumentIsOneMalformedRecordInEveryMode() throws IOException {
    write("good.json", OBJECT);
    Path broken = write("broken.json", BROKEN);
    Dataset<Row> inferred = session.read().option("multiLine", "true").json(dir.toString());
    assertThat(inferred.columns()).containsExactly("a", "b", "_corrupt_record");
    assertThat(inferred.orderBy("a").collectAsList()).containsExactly(RowFactory.create(null, null, BROKEN),
        RowFactory.create(3L, "line\nbreak", null));

    Dataset<Row> dropped = session.read().schema("a BIGINT").option("multiLine", "true")
        .option("mode", "DROPMALFORMED").json(dir.toString());
    assertThat(dropped.collectAsList()).containsExactly(RowFactory.create(3L));

    Dataset<Row> failing = session.read().schema("a BIGINT").option("multiLine", "true")
        .option("mode", "FAILFAST").json(broken.toString());
    assertThatThrownBy(failing::collectAsList).hasMessageContaining("MALFORMED_RECORD_IN_PARSING")
        .rootCause().hasMessageContaining("broken.json, line 1 (record 1 of the multiLine document)");
  }

  @Test
  void anArrayElementThatIsNotAnObjectIsMalformed() throws IOException {
    Path file = write("mixed.json", "[{\"a\": 1}, 7, {\"a\": 2}]");
    Dataset<Row> df = session.read().schema("a BIGINT, _corrupt_record STRING").option("multiLine", "true")
        .json(file.toString());
    assertThat(df.collectAsList()).containsExactly(RowFactory.create(1L, null), RowFactory.create(null, "7"),
        RowFactory.create(2L, null));
  }
}
