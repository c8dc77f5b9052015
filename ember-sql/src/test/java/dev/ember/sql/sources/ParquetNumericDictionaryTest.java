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
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numeric columns with few distinct values, so every page of every row group is dictionary-encoded: the
 * dictionary pages (PLAIN ints, longs, doubles, floats, dates and int- and long-backed decimals, decoded in
 * bulk) read back exactly, with NULLs, over several row groups, in v1 and v2 files, filtered or not.
 */
class ParquetNumericDictionaryTest {

  private static final int ROWS = 20_000;
  private static EmberSession session;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("ParquetNumericDictionaryTest").getOrCreate();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  /** Row {@code i}: values cycling through a few distinct ones, a NULL in every column at its own phase. */
  private static Row expected(int i) {
    return RowFactory.create(i, i % 5 == 1 ? null : i % 13 - 6, i % 5 == 2 ? null : (i % 11) * 1_000_000_007L,
        i % 5 == 3 ? null : (i % 7) / 4.0, i % 5 == 4 ? null : (double) (i % 3) / 2,
        i % 5 == 0 ? null : LocalDate.ofEpochDay(9000 + i % 17), i % 4 == 1 ? null : BigDecimal.valueOf(i % 9 - 4, 2),
        i % 4 == 2 ? null : BigDecimal.valueOf((i % 6) * 123_456_789_012L, 3));
  }

  private void write(Path file, WriterVersion version) throws IOException {
    MessageType schema = MessageTypeParser.parseMessageType("message t { required int32 id; optional int32 small; "
        + "optional int64 big; optional double x; optional float f; optional int32 day (DATE); "
        + "optional int32 cents (DECIMAL(5,2)); optional int64 amount (DECIMAL(18,3)); }");
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
        .withWriterVersion(version).withPageSize(2048).withDictionaryEncoding(true).withRowGroupSize(64 * 1024L)
        .build()) {
      for (int i = 0; i < ROWS; i++) {
        Row row = expected(i);
        Group g = groups.newGroup().append("id", i);
        if (!row.isNullAt(1)) {
          g.append("small", row.getInt(1));
        }
        if (!row.isNullAt(2)) {
          g.append("big", row.getLong(2));
        }
        if (!row.isNullAt(3)) {
          g.append("x", row.getDouble(3));
        }
        if (!row.isNullAt(4)) {
          g.append("f", (float) row.getDouble(4));
        }
        if (!row.isNullAt(5)) {
          g.append("day", (int) ((LocalDate) row.get(5)).toEpochDay());
        }
        if (!row.isNullAt(6)) {
          g.append("cents", ((BigDecimal) row.get(6)).unscaledValue().intValueExact());
        }
        if (!row.isNullAt(7)) {
          g.append("amount", ((BigDecimal) row.get(7)).unscaledValue().longValueExact());
        }
        writer.write(g);
      }
    }
  }

  private void assertReadsBack(Path file) {
    List<Row> rows = session.read().parquet(file.toString()).orderBy("id").collectAsList();
    assertThat(rows).hasSize(ROWS);
    for (int i = 0; i < ROWS; i++) {
      assertThat(rows.get(i).toString()).as("row %d", i).isEqualTo(expected(i).toString());
    }
    // A filter decoding the other columns only for the rows it keeps (selected dictionary ids).
    List<Row> kept = session.read().parquet(file.toString()).where("small = 6 AND day >= DATE '1994-08-24'")
        .orderBy("id").collectAsList();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      Row row = expected(i);
      if (!row.isNullAt(1) && row.getInt(1) == 6 && !row.isNullAt(5)
          && !((LocalDate) row.get(5)).isBefore(LocalDate.of(1994, 8, 24))) {
        expected.add(row.toString());
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(kept.stream().map(Row::toString).toList()).isEqualTo(expected);
  }

  @Test
  void version1DictionaryPagesReadBack() throws IOException {
    Path file = dir.resolve("v1.parquet");
    write(file, WriterVersion.PARQUET_1_0);
    assertReadsBack(file);
  }

  @Test
  void version2DictionaryPagesReadBack() throws IOException {
    Path file = dir.resolve("v2.parquet");
    write(file, WriterVersion.PARQUET_2_0);
    assertReadsBack(file);
  }
}
