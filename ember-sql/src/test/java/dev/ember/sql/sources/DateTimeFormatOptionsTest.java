package dev.ember.sql.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dateFormat, timestampFormat and timeZone of the CSV and JSON sources, reading and writing. */
class DateTimeFormatOptionsTest {

  private static EmberSession session;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("DateTimeFormatOptionsTest")
        .config("spark.sql.session.timeZone", "UTC").getOrCreate();
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

  private static List<Row> asText(Dataset<Row> df) {
    return df.selectExpr("id", "CAST(d AS STRING)", "CAST(ts AS STRING)").orderBy("id").collectAsList();
  }

  @Test
  void csvReadsWithSparkPatternsAndMalformedValuesFollowTheMode() throws IOException {
    // PERMISSIVE keeps the fields that parsed and sets the malformed one to NULL, as Spark's CSV reader does.
    Path file = write("a.csv", "1,05.03.2024,07/03/2024 13:45\n2,31.12.1999,01/01/2000 00:00\n3,xx,01/01/2000 00:00\n"
        + "4,01.01.2000,2000-01-01 00:00:00\n");
    Dataset<Row> df = session.read().schema("id INT, d DATE, ts TIMESTAMP").option("dateFormat", "dd.MM.yyyy")
        .option("timestampFormat", "dd/MM/yyyy HH:mm").csv(file.toString());
    assertThat(asText(df)).containsExactly(RowFactory.create(1, "2024-03-05", "2024-03-07 13:45:00"),
        RowFactory.create(2, "1999-12-31", "2000-01-01 00:00:00"), RowFactory.create(3, null, "2000-01-01 00:00:00"),
        RowFactory.create(4, "2000-01-01", null));
    Dataset<Row> dropped = session.read().schema("id INT, d DATE, ts TIMESTAMP").option("dateFormat", "dd.MM.yyyy")
        .option("timestampFormat", "dd/MM/yyyy HH:mm").option("mode", "DROPMALFORMED").csv(file.toString());
    assertThat(asText(dropped)).extracting(r -> r.get(0)).containsExactly(1, 2);
    Dataset<Row> failing = session.read().schema("id INT, d DATE, ts TIMESTAMP").option("dateFormat", "dd.MM.yyyy")
        .option("timestampFormat", "dd/MM/yyyy HH:mm").option("mode", "FAILFAST").csv(file.toString());
    assertThatThrownBy(failing::collectAsList).hasMessageContaining("MALFORMED_RECORD_IN_PARSING");
  }

  @Test
  void defaultTimestampsAcceptSpaceOrTAnOffsetAndTheTimeZoneOption() throws IOException {
    Path file = write("b.csv", "1,2024-03-07,2024-03-07 13:45:00\n2,2024-03-07,2024-03-07T13:45:30.5+01:00\n"
        + "3,2024-03-07,2024-03-07\n");
    Dataset<Row> df = session.read().schema("id INT, d DATE, ts TIMESTAMP").csv(file.toString());
    assertThat(asText(df)).containsExactly(RowFactory.create(1, "2024-03-07", "2024-03-07 13:45:00"),
        RowFactory.create(2, "2024-03-07", "2024-03-07 12:45:30.5"),
        RowFactory.create(3, "2024-03-07", "2024-03-07 00:00:00"));
    Dataset<Row> newYork = session.read().schema("id INT, d DATE, ts TIMESTAMP")
        .option("timeZone", "America/New_York").csv(file.toString());
    assertThat(asText(newYork).get(0)).isEqualTo(RowFactory.create(1, "2024-03-07", "2024-03-07 18:45:00"));
  }

  @Test
  void csvInferenceFindsTimestampsAndWidensDatesToThem() throws IOException {
    Path file = write("c.csv", "id,d,ts,mixed\n1,2024-03-07,2024-03-07 13:45:00,2024-03-07\n"
        + "2,2024-03-08,2024-03-08T01:02:03,2024-03-08 10:00:00\n");
    Dataset<Row> df = session.read().option("header", "true").option("inferSchema", "true").csv(file.toString());
    assertThat(df.schema().fieldList()).extracting(f -> f.dataType()).containsExactly(DataTypes.IntegerType,
        DataTypes.DateType, DataTypes.TimestampType, DataTypes.TimestampType);
    assertThat(df.selectExpr("CAST(mixed AS STRING)").orderBy("mixed").collectAsList()).containsExactly(
        RowFactory.create("2024-03-07 00:00:00"), RowFactory.create("2024-03-08 10:00:00"));
  }

  @Test
  void csvAndJsonWriteWithThePatternsAndTheSessionZone() throws IOException {
    Dataset<Row> df = session.sql("SELECT 1 AS id, DATE '2024-03-05' AS d, TIMESTAMP '2024-03-07 13:45:06' AS ts");
    Path csv = dir.resolve("out-csv");
    df.write().option("dateFormat", "MM/dd/yyyy").option("timestampFormat", "yyyy/MM/dd HH:mm:ss")
        .csv(csv.toString());
    assertThat(lines(csv, ".csv")).containsExactly("1,03/05/2024,2024/03/07 13:45:06");
    Path defaults = dir.resolve("out-default");
    df.write().csv(defaults.toString());
    assertThat(lines(defaults, ".csv")).containsExactly("1,2024-03-05,2024-03-07T13:45:06.000Z");
    Path json = dir.resolve("out-json");
    df.write().option("timestampFormat", "dd.MM.yyyy HH:mm").option("timeZone", "+02:00").json(json.toString());
    assertThat(lines(json, ".json")).containsExactly("{\"id\":1,\"d\":\"2024-03-05\",\"ts\":\"07.03.2024 15:45\"}");
    Dataset<Row> back = session.read().schema("id INT, d DATE, ts TIMESTAMP").option("timestampFormat",
        "dd.MM.yyyy HH:mm").option("timeZone", "+02:00").json(json.toString());
    assertThat(asText(back)).containsExactly(RowFactory.create(1, "2024-03-05", "2024-03-07 13:45:00"));
  }

  @Test
  void jsonReadsTimestampsAndHandlesMalformedOnes() throws IOException {
    Path file = write("t.json", "{\"id\":1,\"d\":\"2024-03-05\",\"ts\":\"2024-03-07 13:45:00\"}\n"
        + "{\"id\":2,\"d\":\"2024-03-05\",\"ts\":\"not a time\"}\n");
    Dataset<Row> df = session.read().schema("id INT, d DATE, ts TIMESTAMP, _corrupt_record STRING")
        .json(file.toString());
    assertThat(df.selectExpr("id", "CAST(ts AS STRING)", "_corrupt_record IS NOT NULL").orderBy("id")
        .collectAsList()).containsExactly(RowFactory.create(null, null, true),
        RowFactory.create(1, "2024-03-07 13:45:00", false));
  }

  @Test
  void anInvalidPatternFailsBeforeReading() throws IOException {
    Path file = write("p.csv", "1\n");
    assertThatThrownBy(() -> session.read().schema("ts TIMESTAMP").option("timestampFormat", "yyyy-MM-dd bb")
        .csv(file.toString()).collectAsList()).hasMessageContaining("Invalid datetime pattern");
  }

  private static List<String> lines(Path directory, String extension) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path p : files.filter(f -> f.toString().endsWith(extension)).sorted().toList()) {
        out.addAll(Files.readAllLines(p));
      }
    }
    return out;
  }
}
