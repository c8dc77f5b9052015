package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.input_file_name;
import static dev.ember.sql.functions.monotonically_increasing_id;
import static dev.ember.sql.functions.spark_partition_id;
import static dev.ember.sql.functions.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The task-dependent functions: spark_partition_id(), monotonically_increasing_id(), input_file_name() (with
 * input_file_block_start/length) and uuid() take their values from the executor's task, its row count and
 * the file it scans, and are neither folded nor moved below a filter.
 */
class PartitionFunctionsTest {

  private static final int ROWS = 20_000;
  private static EmberSession session;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("PartitionFunctionsTest")
        .config("spark.sql.adaptive.enabled", "false").getOrCreate();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  /** {@code ROWS} rows 0.. in two local slices of 10 000 rows each, so more than two batches per slice. */
  private static Dataset<Row> numbers() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(RowFactory.create(i));
    }
    return session.createDataFrame(rows, new StructType().add("k", DataTypes.IntegerType));
  }

  @Test
  void sparkPartitionIdIsTheTasksPartition() {
    List<List<Row>> parts = numbers().repartition(3).select(col("k"), spark_partition_id().as("p"))
        .rdd().glom().collect();
    assertThat(parts).hasSize(3);
    int total = 0;
    for (int p = 0; p < 3; p++) {
      assertThat(parts.get(p)).isNotEmpty();
      for (Row row : parts.get(p)) {
        assertThat(row.getInt(1)).isEqualTo(p);
      }
      total += parts.get(p).size();
    }
    assertThat(total).isEqualTo(ROWS);
    assertThat(session.sql("SELECT typeof(spark_partition_id()), spark_partition_id()").collectAsList().get(0)
        .toString()).isEqualTo("[int,0]");
  }

  @Test
  void monotonicallyIncreasingIdPutsThePartitionInTheUpperBits() {
    List<List<Row>> parts = numbers().select(col("k"), monotonically_increasing_id().as("id")).rdd().glom()
        .collect();
    assertThat(parts).hasSize(2);
    for (int p = 0; p < parts.size(); p++) {
      List<Row> rows = parts.get(p);
      assertThat(rows.size()).isGreaterThan(2 * 4096);
      for (int i = 0; i < rows.size(); i++) {
        assertThat(rows.get(i).getLong(1)).isEqualTo(((long) p << 33) + i);
      }
    }
  }

  @Test
  void aFilterOnTheIdIsNotPushedBelowIt() {
    numbers().createOrReplaceTempView("nums");
    List<Row> rows = session.sql("SELECT id, k FROM (SELECT monotonically_increasing_id() AS id, k FROM nums) "
        + "WHERE id % 1000 = 999 ORDER BY id").collectAsList();
    // Slice 0 holds k 0..9999 and slice 1 holds 10000..19999, each numbered from 0 within its partition; as
    // 2^33 % 1000 = 592, the ids of slice 1 ending in 999 are those of its rows 407, 1407, ..., 9407.
    assertThat(rows).hasSize(20);
    assertThat(rows.get(0).getLong(0)).isEqualTo(999L);
    assertThat(rows.get(0).getInt(1)).isEqualTo(999);
    assertThat(rows.get(9).getLong(0)).isEqualTo(9999L);
    assertThat(rows.get(10).getLong(0)).isEqualTo((1L << 33) + 407);
    assertThat(rows.get(10).getInt(1)).isEqualTo(10_407);
    assertThat(rows.get(19).getInt(1)).isEqualTo(19_407);
  }

  @Test
  void inputFileNameNamesEachRowsFile(@TempDir Path dir) {
    for (String format : List.of("parquet", "csv")) {
      String path = dir.resolve(format).toString();
      numbers().repartition(2).write().format(format).save(path);
      Dataset<Row> read = session.read().format(format).schema("k INT").load(path);
      Set<String> expected = new TreeSet<>();
      for (File file : new File(path).listFiles()) {
        if (file.getName().startsWith("part-") && file.length() > 0) {
          expected.add(file.toURI().toString());
        }
      }
      assertThat(expected).as(format).hasSize(2);
      List<Row> counts = read.filter(col("k").geq(0)).select(input_file_name().as("f")).groupBy("f").count()
          .collectAsList();
      Set<String> names = new TreeSet<>();
      long total = 0;
      for (Row row : counts) {
        names.add(row.getString(0));
        total += row.getLong(1);
      }
      assertThat(names).as(format).isEqualTo(expected);
      assertThat(total).isEqualTo(ROWS);
      read.createOrReplaceTempView("files");
      Row block = session.sql("SELECT min(input_file_block_start()), max(input_file_block_length()) > 0 "
          + "FROM files").collectAsList().get(0);
      assertThat(block.getLong(0)).isEqualTo(0L);
      assertThat(block.getBoolean(1)).isTrue();
    }
    assertThat(session.sql("SELECT input_file_name(), input_file_block_start(), input_file_block_length() "
        + "FROM VALUES (1), (2) AS t(x)").collectAsList().toString()).isEqualTo("[[,-1,-1], [,-1,-1]]");
  }

  @Test
  void uuidIsDistinctPerRowAndNeverFolded() {
    List<Row> rows = numbers().limit(1000).select(uuid().as("u")).collectAsList();
    Set<String> seen = new HashSet<>();
    for (Row row : rows) {
      String u = row.getString(0);
      assertThat(u).hasSize(36).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      seen.add(u);
    }
    assertThat(seen).hasSize(1000);
    Row two = session.sql("SELECT uuid(), uuid()").collectAsList().get(0);
    assertThat(two.getString(0)).isNotEqualTo(two.getString(1));
  }

  @Test
  void argumentsAreRejectedWithTheirPosition() {
    for (String name : List.of("spark_partition_id", "monotonically_increasing_id", "input_file_name", "uuid")) {
      assertThatThrownBy(() -> session.sql("SELECT " + name + "(1)")).isInstanceOfSatisfying(
          AnalysisException.class, e -> {
            assertThat(e.getCondition()).isEqualTo("WRONG_NUM_ARGS.WITHOUT_SUGGESTION");
            assertThat(e.startPosition()).hasValue(7);
          });
    }
  }
}
