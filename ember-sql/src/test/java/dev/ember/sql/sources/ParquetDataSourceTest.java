package dev.ember.sql.sources;

import static dev.ember.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.RowFactory;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.datasources.FileSourceScanExec;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetDataSourceTest {

  private static EmberSession session;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("ParquetDataSourceTest").getOrCreate();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static Dataset<Row> sample() {
    return session.createDataFrame(List.of(
        RowFactory.create(1, 10L, 1.5, "one", true, LocalDate.of(2024, 1, 1)),
        RowFactory.create(2, null, -2.0, "two", false, null),
        RowFactory.create(null, 30L, null, null, null, LocalDate.of(1970, 1, 1))),
        new StructType().add("i", DataTypes.IntegerType).add("l", DataTypes.LongType)
            .add("d", DataTypes.DoubleType).add("s", DataTypes.StringType).add("b", DataTypes.BooleanType)
            .add("dt", DataTypes.DateType));
  }

  private static FileSourceScanExec scanOf(Dataset<Row> df) {
    return find(df.queryExecution().executedPlan());
  }

  private static FileSourceScanExec find(PhysicalPlan plan) {
    if (plan instanceof FileSourceScanExec scan) {
      return scan;
    }
    for (PhysicalPlan child : plan.children()) {
      FileSourceScanExec found = find(child);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  @Test
  void everyTypeRoundTripsThroughSnappyFilesSparkCanName() throws IOException {
    String out = dir.resolve("t").toString();
    sample().write().parquet(out);
    try (Stream<Path> files = Files.list(Path.of(out))) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names).contains("_SUCCESS");
      assertThat(names).allSatisfy(n -> assertThat(n)
          .matches("_SUCCESS|part-\\d{5}-[0-9a-f-]{36}\\.c000\\.snappy\\.parquet"));
    }
    Dataset<Row> back = session.read().parquet(out);
    assertThat(back.schema()).isEqualTo(sample().schema());
    assertThat(back.orderBy(col("i").asc_nulls_last()).collectAsList())
        .containsExactlyElementsOf(sample().collectAsList());
  }

  @Test
  void compressionOptionChoosesTheCodec() {
    for (String codec : List.of("none", "gzip", "zstd", "lz4", "snappy")) {
      String out = dir.resolve("c-" + codec).toString();
      sample().write().option("compression", codec).parquet(out);
      assertThat(session.read().parquet(out).count()).as(codec).isEqualTo(3);
    }
    assertThatThrownBy(() -> sample().write().option("compression", "brotli9").parquet(dir.resolve("x").toString()))
        .hasMessageContaining("brotli9");
  }

  @Test
  void readsOnlyTheRowGroupsTheFiltersAllow() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      rows.add(RowFactory.create(i, "v" + i));
    }
    Dataset<Row> df = session.createDataFrame(rows, new StructType().add("id", DataTypes.IntegerType)
        .add("v", DataTypes.StringType));
    String out = dir.resolve("groups").toString();
    // One partition and tiny row groups: ids ascend, so each row group covers its own id range.
    df.orderBy("id").limit(3000).write().option("parquet.block.size", "4096").parquet(out);
    Dataset<Row> all = session.read().parquet(out);
    assertThat(all.count()).isEqualTo(3000);
    Dataset<Row> values = all.select("v");
    assertThat(values.collectAsList()).hasSize(3000);
    long groups = scanOf(values).metric("numRowGroups");
    assertThat(groups).isGreaterThan(3);
    Dataset<Row> few = session.read().parquet(out).filter(col("id").lt(10)).select("v");
    assertThat(few.collectAsList()).hasSize(10);
    FileSourceScanExec scan = scanOf(few);
    assertThat(scan.simpleString()).contains("PushedFilters: [LessThan(id,10)]")
        .contains("ReadSchema: struct<id:int,v:string>");
    assertThat(scan.metric("numRowGroups")).isEqualTo(1);
    assertThat(scan.metric("numOutputRows")).isLessThan(3000);

    // Split into byte ranges, each row group is read by the split holding its midpoint: all rows, once.
    Dataset<Row> split = session.read().option("spark.sql.files.maxPartitionBytes", "2000")
        .option("spark.sql.files.openCostInBytes", "0").parquet(out);
    assertThat(split.queryExecution().executedPlan().outputPartitioning().numPartitions()).isGreaterThan(2);
    split.createOrReplaceTempView("split_groups");
    assertThat(session.sql("SELECT count(*), sum(id) FROM split_groups").collectAsList())
        .containsExactly(RowFactory.create(3000L, 4498500L));
    assertThat(session.sql("SELECT count(DISTINCT id) FROM split_groups").collectAsList())
        .containsExactly(RowFactory.create(3000L));
  }

  @Test
  void anEmptyDataFrameWritesOneFileThatKeepsTheSchema() {
    String out = dir.resolve("empty-out").toString();
    sample().filter("i > 100").write().parquet(out);
    Dataset<Row> back = session.read().parquet(out);
    assertThat(back.schema()).isEqualTo(sample().schema());
    assertThat(back.collectAsList()).isEmpty();
  }

  @Test
  void explainShowsPrunedColumnsAndPushedFilters() {
    String out = dir.resolve("e").toString();
    sample().write().parquet(out);
    Dataset<Row> q = session.read().parquet(out).filter("i > 1 AND s IN ('two', 'three')").select("s");
    String plan = q.queryExecution().explainString(false);
    assertThat(plan).contains("FileScan parquet [i#", "PushedFilters: [GreaterThan(i,1), In(s, [two,three])]",
        "ReadSchema: struct<i:int,s:string>", "Format: Parquet");
    assertThat(q.collectAsList()).containsExactly(RowFactory.create("two"));
  }

  @Test
  void readsAFileWrittenByDuckDb() throws SQLException {
    Path file = dir.resolve("duck.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("COPY (SELECT range::INTEGER AS id, range * 2 AS twice, 'n' || range AS name, "
          + "(range / 4)::DOUBLE AS quarter, range % 2 = 0 AS even, DATE '2024-01-01' + range::INTEGER AS day, "
          + "CASE WHEN range % 3 = 0 THEN NULL ELSE range::INTEGER END AS sparse "
          + "FROM range(100)) TO '" + file + "' (FORMAT PARQUET)");
    }
    Dataset<Row> df = session.read().parquet(file.toString());
    assertThat(df.schema()).isEqualTo(new StructType().add("id", DataTypes.IntegerType)
        .add("twice", DataTypes.LongType).add("name", DataTypes.StringType).add("quarter", DataTypes.DoubleType)
        .add("even", DataTypes.BooleanType).add("day", DataTypes.DateType).add("sparse", DataTypes.IntegerType));
    df.createOrReplaceTempView("duck");
    assertThat(session.sql("SELECT count(*), sum(twice), count(sparse), max(day), min(name) FROM duck")
        .collectAsList()).containsExactly(RowFactory.create(100L, 9900L, 66L, LocalDate.of(2024, 4, 9), "n0"));
    assertThat(session.sql("SELECT id, quarter, even FROM duck WHERE id = 6").collectAsList())
        .containsExactly(RowFactory.create(6, 1.5, true));
  }

  @Test
  void duckDbReadsWhatEmberWrites() throws SQLException {
    String out = dir.resolve("for-duck").toString();
    sample().write().option("compression", "zstd").parquet(out);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*), sum(i), sum(l), max(s), min(dt), count(b) FROM read_parquet('"
            + out + "/*.parquet')")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(3);
      assertThat(rs.getLong(2)).isEqualTo(3);
      assertThat(rs.getLong(3)).isEqualTo(40);
      assertThat(rs.getString(4)).isEqualTo("two");
      assertThat(rs.getObject(5).toString()).isEqualTo("1970-01-01");
      assertThat(rs.getLong(6)).isEqualTo(2);
    }
  }

  @Test
  void unsupportedParquetTypesNameTheColumn() throws SQLException {
    Path file = dir.resolve("dec.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("COPY (SELECT 1 AS ok, TIME '10:11:12' AS at) TO '" + file + "' (FORMAT PARQUET)");
    }
    assertThatThrownBy(() -> session.read().parquet(file.toString()))
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("UNSUPPORTED_FEATURE")
        .hasMessageContaining("`at`")
        .hasMessageContaining("TIME");
  }

  @Test
  void emptyDirectoryCannotInferASchema() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> session.read().parquet(empty.toString()))
        .isInstanceOf(AnalysisException.class)
        .satisfies(e -> assertThat(((AnalysisException) e).getCondition()).isEqualTo("UNABLE_TO_INFER_SCHEMA"))
        .hasMessageContaining("Parquet");
    Dataset<Row> withSchema = session.read().schema("a INT").parquet(empty.toString());
    assertThat(withSchema.collectAsList()).isEmpty();
  }
}
