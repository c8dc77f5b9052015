package dev.ember.sql.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.RowFactory;
import dev.ember.sql.execution.datasources.FileSourceScanExec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
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
 * Late materialization in the Parquet scan: the columns a pushed filter reads are decoded first, the filter
 * runs on them, and the other columns are decoded only for the rows it keeps (dictionary ids looked up, PLAIN
 * values read at their offsets, other encodings decoded and copied) — across dictionary and PLAIN pages of
 * both page versions, NULLs, many pages, row groups of several batches, and filters keeping none, some or all
 * rows of a batch. Every answer is checked against the rows computed here.
 */
class ParquetLateMaterializationTest {

  private static final int ROWS = 20_000;
  private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message t { required int32 id; "
      + "required int32 k; optional int64 maybe_big; required double x; optional float maybe_f; "
      + "optional int64 price (DECIMAL(18,2)); required int32 small (DECIMAL(9,3)); "
      + "required binary mode (STRING); optional binary maybe_name (STRING); optional boolean flag; }");

  private static EmberSession session;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("ParquetLateMaterializationTest").getOrCreate();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  /** Row {@code i}: optional columns NULL on every third row and on a long stretch of rows. */
  private static Row expected(int i) {
    boolean nul = i % 3 == 1 || (i >= 9000 && i < 9700);
    return RowFactory.create(i, i * 37 % 101, nul ? null : i * 1_000_003L, i / 8.0, nul ? null : i / 4.0f,
        nul ? null : BigDecimal.valueOf(i * 11L - 7, 2), BigDecimal.valueOf(i * 7L - 999, 3), "m" + (i * 13 % 7),
        nul ? null : "name " + i / 2, nul ? null : i % 5 == 0);
  }

  private static Group group(SimpleGroupFactory groups, Row row) {
    Group g = groups.newGroup().append("id", row.getInt(0)).append("k", row.getInt(1))
        .append("x", row.getDouble(3))
        .append("small", ((BigDecimal) row.get(6)).unscaledValue().intValueExact())
        .append("mode", row.getString(7));
    if (!row.isNullAt(2)) {
      g.append("maybe_big", row.getLong(2)).append("maybe_f", (Float) row.get(4))
          .append("price", ((BigDecimal) row.get(5)).unscaledValue().longValueExact())
          .append("maybe_name", row.getString(8)).append("flag", row.getBoolean(9));
    }
    return g;
  }

  private Path write(String name, WriterVersion version, boolean dictionary, long rowGroupBytes)
      throws IOException {
    Path file = dir.resolve(name);
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(SCHEMA)
        .withWriterVersion(version).withDictionaryEncoding(dictionary).withPageSize(4096)
        .withDictionaryPageSize(64 * 1024).withRowGroupSize(rowGroupBytes).build()) {
      for (int i = 0; i < ROWS; i++) {
        writer.write(group(groups, expected(i)));
      }
    }
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      assertThat(reader.getRowGroups()).as("row groups").hasSizeGreaterThan(1);
      assertThat(reader.getRowGroups().get(0).getRowCount()).as("rows of the first row group")
          .isGreaterThan(4096L);
    }
    return file;
  }

  /** Reads {@code file} filtered by {@code condition}; checks the rows and that the scan returned only those. */
  private static void assertFilter(Path file, String condition, Predicate<Row> keep) {
    Dataset<Row> df = assertRows(file, condition, keep);
    FileSourceScanExec dfScan = PlanNodes.find(df.queryExecution().executedPlan(), FileSourceScanExec.class);
    assertThat(dfScan.metric("numOutputRows")).as(condition)
        .isEqualTo(expectedCount(keep));
  }

  /** Reads {@code file} filtered by {@code condition} and checks the rows. */
  private static Dataset<Row> assertRows(Path file, String condition, Predicate<Row> keep) {
    Dataset<Row> df = session.read().parquet(file.toString()).filter(condition).orderBy("id");
    List<Row> rows = df.collectAsList();
    List<Row> expected = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      if (keep.test(expected(i))) {
        expected.add(expected(i));
      }
    }
    assertThat(rows).as(condition).hasSize(expected.size());
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i)).as("%s: row %d", condition, i).isEqualTo(expected.get(i));
    }
    return df;
  }

  private void assertFilters(Path file) {
    // Some rows of every batch, on a column spread over all of them.
    assertFilter(file, "k < 3", r -> r.getInt(1) < 3);
    // Several conjuncts, one on an optional column: NULL drops the row.
    assertFilter(file, "k >= 50 AND maybe_big > 100000000 AND mode = 'm3'", r -> r.getInt(1) >= 50
        && !r.isNullAt(2) && r.getLong(2) > 100_000_000L && r.getString(7).equals("m3"));
    // A slice inside one batch of a row group: the batches around it keep none.
    assertFilter(file, "id >= 5000 AND id < 5100", r -> r.getInt(0) >= 5000 && r.getInt(0) < 5100);
    // Statistics admit every row group, but no row passes.
    assertFilter(file, "k > 200", r -> false);
    assertFilter(file, "x > 1.5 AND x < 1.6", r -> false);
    // Every row passes.
    assertFilter(file, "k >= 0", r -> true);
    // Filters on optional columns, IN lists and NULL tests.
    // About a third pass, but where a batch holds the long NULL stretch most do: such a batch comes whole.
    Dataset<Row> nulls = assertRows(file, "maybe_name IS NULL", r -> r.isNullAt(8));
    assertThat(PlanNodes.find(nulls.queryExecution().executedPlan(), FileSourceScanExec.class).metric("numOutputRows"))
        .isGreaterThanOrEqualTo(expectedCount(r -> r.isNullAt(8))).isLessThan(ROWS);
    assertFilter(file, "price IS NOT NULL AND mode IN ('m1', 'm6') AND id > 15000",
        r -> !r.isNullAt(5) && (r.getString(7).equals("m1") || r.getString(7).equals("m6")) && r.getInt(0) > 15000);
    assertFilter(file, "flag = true", r -> !r.isNullAt(9) && r.getBoolean(9));
    // A later conjunct keeping every row an earlier one kept: its columns' copies are the ones returned.
    assertFilter(file, "k < 50 AND small > -1000 AND (maybe_big IS NULL OR maybe_big >= 0)",
        r -> r.getInt(1) < 50);
    assertFilter(file, "id < 3000 AND k < 90 AND (price IS NULL OR price > -1)",
        r -> r.getInt(0) < 3000 && r.getInt(1) < 90);
  }

  @Test
  void dictionaryPagesReadOnlyTheRowsTheFilterKeeps() throws IOException {
    Path file = write("dict.parquet", WriterVersion.PARQUET_1_0, true, 320 * 1024L);
    assertThat(ParquetTestFiles.encodings(file, "mode")).contains("PLAIN_DICTIONARY");
    assertFilters(file);
  }

  @Test
  void plainPagesReadOnlyTheRowsTheFilterKeeps() throws IOException {
    Path file = write("plain.parquet", WriterVersion.PARQUET_1_0, false, 320 * 1024L);
    assertThat(ParquetTestFiles.encodings(file, "maybe_name")).doesNotContain("PLAIN_DICTIONARY").contains("PLAIN");
    assertFilters(file);
  }

  @Test
  void version2PagesReadOnlyTheRowsTheFilterKeeps() throws IOException {
    Path file = write("v2.parquet", WriterVersion.PARQUET_2_0, true, 160 * 1024L);
    assertFilters(file);
  }

  @Test
  void filtersTheScanCannotApplyStillHold() throws IOException {
    Path file = write("mixed.parquet", WriterVersion.PARQUET_1_0, true, 320 * 1024L);
    // Only k < 10 reaches the scan; the other conjunct runs above it.
    Dataset<Row> df = assertRows(file, "k < 10 AND id % 2 = 0", r -> r.getInt(1) < 10 && r.getInt(0) % 2 == 0);
    assertThat(PlanNodes.find(df.queryExecution().executedPlan(), FileSourceScanExec.class).metric("numOutputRows"))
        .isEqualTo(expectedCount(r -> r.getInt(1) < 10));
    Dataset<Row> counted = session.read().parquet(file.toString()).filter("k < 10 AND id % 2 = 0");
    assertThat(counted.count()).isEqualTo(expectedCount(r -> r.getInt(1) < 10 && r.getInt(0) % 2 == 0));
    // A projection that reads none of the filtered columns.
    assertThat(session.read().parquet(file.toString()).filter("k = 7").select("maybe_name").collectAsList())
        .hasSize((int) expectedCount(r -> r.getInt(1) == 7));
  }

  private static long expectedCount(Predicate<Row> keep) {
    long n = 0;
    for (int i = 0; i < ROWS; i++) {
      n += keep.test(expected(i)) ? 1 : 0;
    }
    return n;
  }
}
