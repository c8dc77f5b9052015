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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV options lineSep and maxColumns, and a corrupt-record column of another name. */
class CsvLineSepAndMaxColumnsTest {

  private static EmberSession session;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("CsvLineSepAndMaxColumnsTest").getOrCreate();
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
  void lineSepSplitsRecordsOnlyAtThatCharacter() throws IOException {
    Path file = write("semi.csv", "id,s;1,\"a\nb\";2,c;");
    Dataset<Row> df = session.read().option("header", "true").option("lineSep", ";")
        .schema("id INT, s STRING").csv(file.toString());
    assertThat(df.collectAsList()).containsExactly(RowFactory.create(1, "a\nb"), RowFactory.create(2, "c"));
  }

  @Test
  void lineSepWithInferSchemaReadsTheHeaderAndTypes() throws IOException {
    Path file = write("pipe.csv", "id,v|7,1.5|8,2.5");
    Dataset<Row> df = session.read().option("header", "true").option("inferSchema", "true")
        .option("lineSep", "|").csv(file.toString());
    assertThat(df.schema()).isEqualTo(new StructType().add("id", DataTypes.IntegerType)
        .add("v", DataTypes.DoubleType));
    assertThat(df.collectAsList()).containsExactly(RowFactory.create(7, 1.5), RowFactory.create(8, 2.5));
  }

  @Test
  void writtenRecordsEndWithLineSepAndReadBack() throws IOException {
    Dataset<Row> df = session.createDataFrame(List.of(RowFactory.create(1, "x"), RowFactory.create(2, null)),
        new StructType().add("id", DataTypes.IntegerType).add("s", DataTypes.StringType)).coalesce(1);
    String out = dir.resolve("out").toString();
    df.write().option("header", "true").option("lineSep", "#").option("nullValue", "NA").csv(out);
    String text;
    try (Stream<Path> files = Files.list(Path.of(out))) {
      Path part = files.filter(p -> p.getFileName().toString().endsWith(".csv")).findFirst().orElseThrow();
      text = Files.readString(part);
    }
    assertThat(text).isEqualTo("id,s#1,x#2,NA#");
    Dataset<Row> back = session.read().option("header", "true").option("lineSep", "#").option("nullValue", "NA")
        .schema("id INT, s STRING").csv(out);
    assertThat(back.orderBy("id").collectAsList()).containsExactly(RowFactory.create(1, "x"),
        RowFactory.create(2, null));
  }

  @Test
  void recordsOverMaxColumnsGoToTheCorruptRecordColumnInPermissiveMode() throws IOException {
    Path file = write("wide.csv", "1,x\n2,y,z\n3,w\n");
    Dataset<Row> df = session.read().option("maxColumns", "2").option("columnNameOfCorruptRecord", "bad")
        .schema("id INT, s STRING, bad STRING").csv(file.toString());
    assertThat(df.collectAsList()).containsExactly(RowFactory.create(1, "x", null),
        RowFactory.create(2, "y", "2,y,z"), RowFactory.create(3, "w", null));
    Dataset<Row> dropped = session.read().option("maxColumns", "2").option("mode", "DROPMALFORMED")
        .schema("id INT, s STRING").csv(file.toString());
    assertThat(dropped.collectAsList()).containsExactly(RowFactory.create(1, "x"), RowFactory.create(3, "w"));
  }

  @Test
  void failFastNamesTheFileAndLineOfARecordOverMaxColumns() throws IOException {
    Path file = write("wide-fail.csv", "1,x\n2,y,z\n");
    Dataset<Row> df = session.read().option("maxColumns", "2").option("mode", "FAILFAST")
        .schema("id INT, s STRING").csv(file.toString());
    assertThatThrownBy(df::collectAsList)
        .hasMessageContaining("MALFORMED_RECORD_IN_PARSING")
        .hasMessageContaining(file.toString())
        .hasMessageContaining("line 2")
        .hasMessageContaining("3 fields exceed maxColumns (2)");
  }

  @Test
  void badLineSepAndMaxColumnsValuesAreRejected() throws IOException {
    Path file = write("any.csv", "1\n");
    assertThatThrownBy(() -> session.read().option("lineSep", "ab").schema("a INT").csv(file.toString())
        .collectAsList()).hasMessageContaining("'lineSep' can contain only 1 character, but got 'ab'");
    assertThatThrownBy(() -> session.read().option("maxColumns", "0").schema("a INT").csv(file.toString())
        .collectAsList()).hasMessageContaining("maxColumns must be a positive integer, but got '0'");
  }
}
