package dev.ember.sql.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.RowFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
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
 * The page decoder against the encodings writers produce: v1 and v2 data pages, dictionaries that fall back to
 * plain pages mid-chunk, delta encodings, RLE booleans, many pages per row group, NULLs everywhere.
 */
class ParquetEncodingsTest {

  private static EmberSession session;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("ParquetEncodingsTest").getOrCreate();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static final int ROWS = 6000;

  /** The expected row {@code i}: every third value of a column NULL, at a different phase per column. */
  private static Row expected(int i) {
    return RowFactory.create(i, i % 3 == 1 ? null : (long) i * 1_000_003L - 7,
        i % 3 == 2 ? null : i % 5 == 0, i % 3 == 0 ? null : name(i), i % 3 == 1 ? null : i / 4.0,
        i % 3 == 2 ? null : LocalDate.ofEpochDay(i - 3000),
        i % 3 == 0 ? null : BigDecimal.valueOf(i * 37L - 99_000, 2));
  }

  /** Few distinct names first (dictionary pages), then all distinct (the writer falls back to plain pages). */
  private static String name(int i) {
    return i < ROWS / 2 ? "n" + i % 7 : "név-" + i;
  }

  private void write(Path file, WriterVersion version) throws IOException {
    MessageType schema = MessageTypeParser.parseMessageType("message t { required int32 id; optional int64 big; "
        + "optional boolean flag; optional binary name (STRING); optional double x; optional int32 day (DATE); "
        + "optional fixed_len_byte_array(5) price (DECIMAL(10,2)); }");
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
        .withWriterVersion(version).withPageSize(1024).withDictionaryPageSize(512).withRowGroupSize(64 * 1024L)
        .build()) {
      for (int i = 0; i < ROWS; i++) {
        Row row = expected(i);
        Group g = groups.newGroup().append("id", i);
        if (!row.isNullAt(1)) {
          g.append("big", row.getLong(1));
        }
        if (!row.isNullAt(2)) {
          g.append("flag", row.getBoolean(2));
        }
        if (!row.isNullAt(3)) {
          g.append("name", row.getString(3));
        }
        if (!row.isNullAt(4)) {
          g.append("x", row.getDouble(4));
        }
        if (!row.isNullAt(5)) {
          g.append("day", (int) ((LocalDate) row.get(5)).toEpochDay());
        }
        if (!row.isNullAt(6)) {
          byte[] minimal = ((BigDecimal) row.get(6)).unscaledValue().toByteArray();
          byte[] fixed = new byte[5];
          java.util.Arrays.fill(fixed, 0, 5 - minimal.length, (byte) (minimal[0] < 0 ? -1 : 0));
          System.arraycopy(minimal, 0, fixed, 5 - minimal.length, minimal.length);
          g.append("price", Binary.fromConstantByteArray(fixed));
        }
        writer.write(g);
      }
    }
  }

  private void assertReadsBack(Path file) {
    List<Row> rows = session.read().parquet(file.toString()).orderBy("id").collectAsList();
    List<Row> expected = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      expected.add(expected(i));
    }
    assertThat(rows).containsExactlyElementsOf(expected);
  }

  @Test
  void version1PagesWithDictionaryFallbackAndManyPagesReadBack() throws IOException {
    Path file = dir.resolve("v1.parquet");
    write(file, WriterVersion.PARQUET_1_0);
    assertThat(ParquetTestFiles.encodings(file, "name")).contains("PLAIN_DICTIONARY", "PLAIN");
    assertReadsBack(file);
  }

  @Test
  void version2PagesWithDeltaAndRleEncodingsReadBack() throws IOException {
    Path file = dir.resolve("v2.parquet");
    write(file, WriterVersion.PARQUET_2_0);
    assertThat(ParquetTestFiles.encodings(file, "big")).contains("DELTA_BINARY_PACKED");
    assertThat(ParquetTestFiles.encodings(file, "name")).contains("RLE_DICTIONARY", "DELTA_BYTE_ARRAY");
    assertReadsBack(file);
  }

  @Test
  void duckDbVersion2FilesMatchDuckDb() throws SQLException {
    Path file = dir.resolve("duck-v2.parquet");
    String data = "SELECT range::INTEGER AS id, CASE WHEN range % 4 = 0 THEN NULL ELSE range * 3 END AS l, "
        + "CASE WHEN range % 5 = 0 THEN NULL ELSE 'tag' || (range % 13) END AS tag, "
        + "md5(range::VARCHAR) AS comment, (range % 1000 / 100.0)::DECIMAL(15,2) AS price, range % 2 = 0 AS even "
        + "FROM range(20000)";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("COPY (" + data + ") TO '" + file + "' (FORMAT PARQUET, PARQUET_VERSION V2, ROW_GROUP_SIZE 5000)");
      session.read().parquet(file.toString()).createOrReplaceTempView("duck_v2");
      List<Row> ember = session.sql("SELECT count(l), sum(l), count(tag), max(tag), min(comment), max(comment), "
          + "sum(price), sum(CASE WHEN even THEN 1 ELSE 0 END) FROM duck_v2").collectAsList();
      try (ResultSet rs = s.executeQuery("SELECT count(l), sum(l), count(tag), max(tag), min(comment), "
          + "max(comment), sum(price), sum(CASE WHEN even THEN 1 ELSE 0 END) FROM (" + data + ")")) {
        assertThat(rs.next()).isTrue();
        assertThat(ember).containsExactly(RowFactory.create(rs.getLong(1), rs.getLong(2), rs.getLong(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getLong(8)));
      }
    }
    assertThat(session.sql("SELECT id, l, tag, price FROM duck_v2 WHERE id IN (0, 7, 19999) ORDER BY id")
        .collectAsList()).containsExactly(RowFactory.create(0, null, null, new BigDecimal("0.00")),
            RowFactory.create(7, 21L, "tag7", new BigDecimal("0.07")),
            RowFactory.create(19999, 59997L, "tag5", new BigDecimal("9.99")));
  }
}
