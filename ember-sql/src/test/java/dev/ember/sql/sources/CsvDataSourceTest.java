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

class CsvDataSourceTest {

  private static EmberSession session;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("CsvDataSourceTest").getOrCreate();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void headerAndInferSchemaGiveNamedTypedColumns() throws IOException {
    Path file = write("people.csv", "name,age,score,member,joined\n"
        + "ann,31,1.5,true,2020-01-02\n"
        + "bob,,2,false,2021-12-31\n"
        + "\"cat, jr\",4000000000,,TRUE,\n");
    Dataset<Row> df = session.read().option("header", "true").option("inferSchema", "true").csv(file.toString());
    assertThat(df.schema()).isEqualTo(new StructType().add("name", DataTypes.StringType)
        .add("age", DataTypes.LongType).add("score", DataTypes.DoubleType).add("member", DataTypes.BooleanType)
        .add("joined", DataTypes.DateType));
    assertThat(df.orderBy("name").collectAsList()).containsExactly(
        RowFactory.create("ann", 31L, 1.5, true, LocalDate.of(2020, 1, 2)),
        RowFactory.create("bob", null, 2.0, false, LocalDate.of(2021, 12, 31)),
        RowFactory.create("cat, jr", 4000000000L, null, true, null));
  }

  @Test
  void withoutOptionsColumnsAreStringsNamedByPosition() throws IOException {
    Path file = write("plain.csv", "1,x\n2,y\n");
    Dataset<Row> df = session.read().csv(file.toString());
    assertThat(df.columns()).containsExactly("_c0", "_c1");
    assertThat(df.collectAsList()).containsExactly(RowFactory.create("1", "x"), RowFactory.create("2", "y"));
  }

  @Test
  void separatorQuoteEscapeNullValueCommentAndDateFormat() throws IOException {
    Path file = write("odd.csv", "# a comment line\n"
        + "'a;b';NA;01/02/2020\n"
        + "'it\\'s';  7 ;NA\n");
    Dataset<Row> df = session.read().option("sep", ";").option("quote", "'").option("nullValue", "NA")
        .option("comment", "#").option("dateFormat", "MM/dd/yyyy").option("ignoreLeadingWhiteSpace", "true")
        .option("ignoreTrailingWhiteSpace", "true")
        .schema("s STRING, n INT, d DATE").csv(file.toString());
    assertThat(df.collectAsList()).containsExactly(
        RowFactory.create("a;b", null, LocalDate.of(2020, 1, 2)),
        RowFactory.create("it's", 7, null));
  }

  @Test
  void permissiveModeKeepsTheRawLineOfMalformedRecords() throws IOException {
    Path file = write("bad.csv", "1,a\nx,b\n3\n4,d\n");
    Dataset<Row> df = session.read().schema("id INT, v STRING, _corrupt_record STRING").csv(file.toString());
    assertThat(df.collectAsList()).containsExactly(
        RowFactory.create(1, "a", null),
        RowFactory.create(null, "b", "x,b"),
        RowFactory.create(3, null, "3"),
        RowFactory.create(4, "d", null));
  }

  @Test
  void dropMalformedSkipsBadRecords() throws IOException {
    Path file = write("bad.csv", "1,a\nx,b\n3\n4,d\n");
    Dataset<Row> df = session.read().option("mode", "DROPMALFORMED").schema("id INT, v STRING").csv(file.toString());
    assertThat(df.collectAsList()).containsExactly(RowFactory.create(1, "a"), RowFactory.create(4, "d"));
  }

  @Test
  void failFastNamesTheFileTheLineAndTheProblem() throws IOException {
    Path file = write("bad.csv", "id,v\n1,a\nx,b\n");
    Dataset<Row> df = session.read().option("header", "true").option("mode", "FAILFAST")
        .schema("id INT, v STRING").csv(file.toString());
    assertThatThrownBy(df::collectAsList)
        .hasMessageContaining("MALFORMED_RECORD_IN_PARSING")
        .hasMessageContaining("x,b")
        .hasMessageContaining(file.toString())
        .hasMessageContaining("line 3")
        .hasMessageContaining("cannot parse 'x' as int");
    assertThat(session.sql("SELECT 1").collectAsList()).hasSize(1);
  }

  @Test
  void encodingAndEmptyValueOptions() throws IOException {
    Path file = dir.resolve("latin1.csv");
    Files.write(file, "caf\u00e9,\"\"\nna\u00efve,x\n".getBytes(StandardCharsets.ISO_8859_1));
    Dataset<Row> df = session.read().option("encoding", "ISO-8859-1").option("emptyValue", "<empty>")
        .csv(file.toString());
    assertThat(df.collectAsList()).containsExactly(RowFactory.create("caf\u00e9", "<empty>"),
        RowFactory.create("na\u00efve", "x"));
  }

  @Test
  void multiLineReadsQuotedLineBreaks() throws IOException {
    Path file = write("multi.csv", "id,text\n1,\"two\nlines\"\n2,one\n");
    Dataset<Row> df = session.read().option("header", "true").option("multiLine", "true").csv(file.toString());
    assertThat(df.collectAsList()).containsExactly(RowFactory.create("1", "two\nlines"), RowFactory.create("2", "one"));
  }

  @Test
  void writeThenReadRoundTripsWithHeaderSepAndQuotes() {
    Dataset<Row> df = session.createDataFrame(List.of(
        RowFactory.create(1, "plain", LocalDate.of(2024, 2, 29)),
        RowFactory.create(2, "with|sep and \"quote\"", null),
        RowFactory.create(null, "", LocalDate.of(1999, 1, 1))),
        new StructType().add("id", DataTypes.IntegerType).add("s", DataTypes.StringType)
            .add("d", DataTypes.DateType));
    String out = dir.resolve("out").toString();
    df.write().option("header", "true").option("sep", "|").csv(out);
    Dataset<Row> back = session.read().option("header", "true").option("sep", "|").option("inferSchema", "true")
        .csv(out);
    assertThat(back.schema()).isEqualTo(df.schema());
    assertThat(back.orderBy(col("id").asc_nulls_last()).collectAsList()).containsExactly(
        RowFactory.create(1, "plain", LocalDate.of(2024, 2, 29)),
        RowFactory.create(2, "with|sep and \"quote\"", null),
        RowFactory.create(null, "", LocalDate.of(1999, 1, 1)));
  }

  @Test
  void largeFilesAreSplitAndEveryLineIsReadOnce() throws IOException {
    StringBuilder sb = new StringBuilder();
    long expected = 0;
    for (int i = 0; i < 20000; i++) {
      sb.append(i).append(",row").append(i).append('\n');
      expected += i;
    }
    Path file = write("big.csv", sb.toString());
    Dataset<Row> df = session.read().schema("id BIGINT, s STRING")
        .option("spark.sql.files.maxPartitionBytes", "20000").option("spark.sql.files.openCostInBytes", "0")
        .csv(file.toString());
    assertThat(df.queryExecution().executedPlan().outputPartitioning().numPartitions()).isGreaterThan(10);
    assertThat(df.count()).isEqualTo(20000);
    df.createOrReplaceTempView("big");
    assertThat(session.sql("SELECT sum(id) FROM big").collectAsList().get(0).getLong(0)).isEqualTo(expected);
  }

  @Test
  void missingPathAndUnknownFormatAreErrors() {
    assertThatThrownBy(() -> session.read().csv(dir.resolve("nope.csv").toString()))
        .isInstanceOf(AnalysisException.class)
        .satisfies(e -> assertThat(((AnalysisException) e).getCondition()).isEqualTo("PATH_NOT_FOUND"))
        .hasMessageContaining("nope.csv");
    assertThatThrownBy(() -> session.read().format("nosuchformat").load(dir.toString()))
        .isInstanceOf(AnalysisException.class)
        .satisfies(e -> assertThat(((AnalysisException) e).getCondition()).isEqualTo("DATA_SOURCE_NOT_FOUND"));
    assertThatThrownBy(() -> session.read().schema("a INT, b FOO").csv(dir.toString()))
        .satisfies(e -> assertThat(((AnalysisException) e).getCondition()).isEqualTo("UNSUPPORTED_DATATYPE"));
  }
}
