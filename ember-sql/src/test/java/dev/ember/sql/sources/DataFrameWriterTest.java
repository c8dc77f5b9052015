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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFrameWriterTest {

  private static EmberSession session;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("DataFrameWriterTest").getOrCreate();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static Dataset<Row> numbers(int from, int to) {
    return session.sql("SELECT * FROM VALUES " + String.join(", ",
        java.util.stream.IntStream.range(from, to).mapToObj(i -> "(" + i + ", 'v" + i + "')").toList())
        + " AS t(id, v)");
  }

  private static List<String> tree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.map(p -> root.relativize(p).toString()).filter(s -> !s.isEmpty()).sorted().toList();
    }
  }

  @Test
  void saveModesBehaveAsInSpark() {
    String out = dir.resolve("modes").toString();
    numbers(0, 3).write().parquet(out);
    assertThatThrownBy(() -> numbers(0, 1).write().parquet(out))
        .isInstanceOf(AnalysisException.class)
        .satisfies(e -> assertThat(((AnalysisException) e).getCondition()).isEqualTo("PATH_ALREADY_EXISTS"))
        .hasMessageContaining("Set mode as \"overwrite\"");
    assertThatThrownBy(() -> numbers(0, 1).write().mode("errorifexists").parquet(out))
        .isInstanceOf(AnalysisException.class);
    numbers(10, 12).write().mode("ignore").parquet(out);
    assertThat(session.read().parquet(out).count()).isEqualTo(3);
    numbers(10, 12).write().mode(SaveMode.Append).parquet(out);
    assertThat(session.read().parquet(out).count()).isEqualTo(5);
    numbers(20, 21).write().mode("overwrite").parquet(out);
    assertThat(session.read().parquet(out).collectAsList()).containsExactly(RowFactory.create(20, "v20"));
    assertThatThrownBy(() -> numbers(0, 1).write().mode("sometimes"))
        .hasMessageContaining("Unknown save mode: sometimes");
  }

  @Test
  void partitionByWritesKeyValueDirectoriesThatReadBackAsTypedColumns() throws IOException {
    Dataset<Row> df = session.createDataFrame(List.of(
        RowFactory.create(1, "a", LocalDate.of(2024, 1, 1), "x/y"),
        RowFactory.create(2, "b", LocalDate.of(2024, 1, 1), null),
        RowFactory.create(3, "c", LocalDate.of(2024, 1, 2), "x/y")),
        new StructType().add("id", DataTypes.IntegerType).add("v", DataTypes.StringType)
            .add("day", DataTypes.DateType).add("tag", DataTypes.StringType));
    Path out = dir.resolve("parts");
    df.write().partitionBy("day", "tag").parquet(out.toString());
    List<String> dirs = tree(out).stream().filter(p -> !p.endsWith(".parquet")).toList();
    assertThat(dirs).containsExactly("_SUCCESS", "day=2024-01-01", "day=2024-01-01/tag=__HIVE_DEFAULT_PARTITION__",
        "day=2024-01-01/tag=x%2Fy", "day=2024-01-02", "day=2024-01-02/tag=x%2Fy");
    Dataset<Row> back = session.read().parquet(out.toString());
    assertThat(back.schema()).isEqualTo(new StructType().add("id", DataTypes.IntegerType)
        .add("v", DataTypes.StringType).add("day", DataTypes.DateType, true).add("tag", DataTypes.StringType));
    assertThat(back.orderBy("id").collectAsList()).containsExactly(
        RowFactory.create(1, "a", LocalDate.of(2024, 1, 1), "x/y"),
        RowFactory.create(2, "b", LocalDate.of(2024, 1, 1), null),
        RowFactory.create(3, "c", LocalDate.of(2024, 1, 2), "x/y"));
  }

  @Test
  void partitionFiltersPruneDirectoriesBeforeReading() throws IOException {
    Path root = dir.resolve("events");
    for (int year = 2020; year <= 2023; year++) {
      numbers(year, year + 2).write().json(root.resolve("year=" + year).toString());
    }
    Files.delete(root.resolve("year=2020/_SUCCESS"));
    Dataset<Row> q = session.read().json(root.toString()).filter("year >= 2022 AND id > 2022").select("id", "year");
    String plan = q.queryExecution().explainString(false);
    assertThat(plan).contains("PartitionFilters: [(year#").contains("PushedFilters: [GreaterThan(id,2022)]");
    assertThat(q.orderBy("id").collectAsList()).containsExactly(RowFactory.create(2023L, 2022),
        RowFactory.create(2023L, 2023), RowFactory.create(2024L, 2023));
    Dataset<Row> all = session.read().json(root.toString());
    assertThat(all.schema().apply(all.schema().fieldIndex("year")).dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(all.count()).isEqualTo(8);
  }

  @Test
  void aFailedWriteLeavesNoOutputAndTheSessionStaysUsable() throws IOException {
    Dataset<Row> df = session.sql("SELECT * FROM VALUES (1, 'ok'), (2, 'fine'), (3, 'boom'), (4, 'late') AS t(id, v)");
    Path out = dir.resolve("failed");
    assertThatThrownBy(() -> df.write().format(FailingFormat.class.getName()).save(out.toString()))
        .hasMessageContaining("injected failure");
    assertThat(out).doesNotExist();

    Path existing = dir.resolve("kept");
    numbers(0, 2).write().csv(existing.toString());
    List<String> before = tree(existing);
    assertThatThrownBy(() -> df.write().mode("overwrite").format(FailingFormat.class.getName())
        .save(existing.toString())).hasMessageContaining("injected failure");
    assertThat(tree(existing)).isEqualTo(before).noneMatch(p -> p.contains("_temporary"));
    assertThat(session.read().schema("id INT, v STRING").csv(existing.toString()).count()).isEqualTo(2);
    assertThat(df.filter(col("id").lt(3)).count()).isEqualTo(2);
  }

  @Test
  void partitionByNeedsExistingColumnsAndAtLeastOneDataColumn() {
    assertThatThrownBy(() -> numbers(0, 2).write().partitionBy("nope").parquet(dir.resolve("p").toString()))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("`nope`");
    assertThatThrownBy(() -> numbers(0, 2).write().partitionBy("id", "v").parquet(dir.resolve("q").toString()))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("ALL_PARTITION_COLUMNS_NOT_ALLOWED");
  }
}
