package dev.ember.sql.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.RowFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk PLAIN decoding paths (required columns copied whole, optional ones value by value around their
 * NULLs) for every type they cover, and dictionary ids wider than a byte, across many small pages and several
 * row groups of files written by parquet-java.
 */
class ParquetPlainDecodingTest {

  private static final int ROWS = 5000;
  private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message t { required int32 id; "
      + "required int64 big; optional int64 maybe_big; required double x; optional double maybe_x; "
      + "required float f; optional float maybe_f; required int32 day (DATE); optional int32 maybe_day (DATE); "
      + "required int64 price (DECIMAL(18,2)); optional int64 maybe_price (DECIMAL(18,2)); "
      + "required int32 small (DECIMAL(9,3)); optional int32 maybe_small (DECIMAL(9,3)); "
      + "required binary name (STRING); optional binary maybe_name (STRING); }");

  private static EmberSession session;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("ParquetPlainDecodingTest").getOrCreate();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  /** Row {@code i}: optional columns NULL on every fourth row, and on long stretches of rows. */
  private static Row expected(int i) {
    boolean nul = i % 4 == 1 || (i >= 2000 && i < 2600);
    long big = i * 3_000_000_007L - 5;
    return RowFactory.create(i, big, nul ? null : -big, i / 8.0, nul ? null : -i / 16.0, i / 4.0f,
        nul ? null : -i / 2.0f, LocalDate.ofEpochDay(i - 2500), nul ? null : LocalDate.ofEpochDay(i),
        BigDecimal.valueOf(big, 2), nul ? null : BigDecimal.valueOf(-big, 2), BigDecimal.valueOf(i * 7L - 999, 3),
        nul ? null : BigDecimal.valueOf(-i * 7L, 3), "név " + i, nul ? null : "n" + (i / 2 % 700));
  }

  private static Group group(SimpleGroupFactory groups, Row row) {
    Group g = groups.newGroup().append("id", row.getInt(0)).append("big", row.getLong(1))
        .append("x", row.getDouble(3)).append("f", (Float) row.get(5))
        .append("day", (int) ((LocalDate) row.get(7)).toEpochDay())
        .append("price", ((BigDecimal) row.get(9)).unscaledValue().longValueExact())
        .append("small", ((BigDecimal) row.get(11)).unscaledValue().intValueExact())
        .append("name", row.getString(13));
    if (!row.isNullAt(2)) {
      g.append("maybe_big", row.getLong(2)).append("maybe_x", row.getDouble(4))
          .append("maybe_f", (Float) row.get(6))
          .append("maybe_day", (int) ((LocalDate) row.get(8)).toEpochDay())
          .append("maybe_price", ((BigDecimal) row.get(10)).unscaledValue().longValueExact())
          .append("maybe_small", ((BigDecimal) row.get(12)).unscaledValue().intValueExact())
          .append("maybe_name", row.getString(14));
    }
    return g;
  }

  private void write(Path file, WriterVersion version, boolean dictionary) throws IOException {
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(SCHEMA)
        .withWriterVersion(version).withDictionaryEncoding(dictionary).withPageSize(2048)
        .withDictionaryPageSize(64 * 1024).withRowGroupSize(96 * 1024L).build()) {
      for (int i = 0; i < ROWS; i++) {
        writer.write(group(groups, expected(i)));
      }
    }
  }

  private void assertReadsBack(Path file) {
    List<Row> rows = session.read().parquet(file.toString()).orderBy("id").collectAsList();
    List<Row> expected = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      expected.add(expected(i));
    }
    assertThat(rows).hasSize(ROWS);
    for (int i = 0; i < ROWS; i++) {
      assertThat(rows.get(i)).as("row %d", i).isEqualTo(expected.get(i));
    }
  }

  @Test
  void plainPagesOfEveryBulkTypeReadBack() throws IOException {
    Path file = dir.resolve("plain.parquet");
    write(file, WriterVersion.PARQUET_1_0, false);
    for (String column : List.of("id", "big", "maybe_big", "x", "maybe_f", "price", "small", "maybe_name")) {
      assertThat(ParquetTestFiles.encodings(file, column)).as(column)
          .doesNotContain("PLAIN_DICTIONARY", "RLE_DICTIONARY").contains("PLAIN");
    }
    assertReadsBack(file);
  }

  @Test
  void version2PlainPagesReadBack() throws IOException {
    Path file = dir.resolve("plain-v2.parquet");
    write(file, WriterVersion.PARQUET_2_0, false);
    assertThat(ParquetTestFiles.encodings(file, "x")).contains("PLAIN");
    assertReadsBack(file);
  }

  @Test
  void dictionaryIdsWiderThanAByteReadBack() throws IOException {
    Path file = dir.resolve("dict.parquet");
    write(file, WriterVersion.PARQUET_1_0, true);
    // Names repeat two rows at a time so the writer keeps its dictionary; over 256 of them per row group
    // need ids of 9 bits or more.
    assertThat(ParquetTestFiles.encodings(file, "maybe_name")).contains("PLAIN_DICTIONARY");
    assertReadsBack(file);
    Set<String> names = new TreeSet<>();
    long present = 0;
    for (int i = 0; i < ROWS; i++) {
      if (!expected(i).isNullAt(14)) {
        names.add(expected(i).getString(14));
        present++;
      }
    }
    assertThat(names).hasSizeGreaterThan(512);
    assertThat(session.read().parquet(file.toString()).selectExpr("count(DISTINCT maybe_name)").collectAsList())
        .containsExactly(RowFactory.create((long) names.size()));
    assertThat(session.read().parquet(file.toString()).selectExpr("count(maybe_name)", "sum(small)")
        .collectAsList()).containsExactly(RowFactory.create(present,
            BigDecimal.valueOf(7L * (ROWS - 1) * ROWS / 2 - 999L * ROWS, 3)));
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      PageReadStore group = reader.readNextRowGroup();
      int entries = group.getPageReader(SCHEMA.getColumnDescription(new String[] {"maybe_name"}))
          .readDictionaryPage().getDictionarySize();
      assertThat(entries).as("dictionary entries of the first row group").isGreaterThan(256);
    }
  }
}
