package dev.ember.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.RowFactory;
import dev.ember.sql.sources.FailingFormat;
import dev.ember.sql.sources.SaveMode;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistentTablesTest {

  @TempDir
  Path warehouse;

  private void withSession(Consumer<EmberSession> body) {
    EmberSession session = EmberSession.builder().master("local[2]").appName("PersistentTablesTest")
        .config("spark.sql.warehouse.dir", warehouse.toString()).getOrCreate();
    try {
      body.accept(session);
    } finally {
      session.stop();
    }
  }

  private static List<Row> rows(EmberSession session, String sql) {
    return session.sql(sql).collectAsList();
  }

  @Test
  void aNewSessionSeesTheTablesOfAnExistingWarehouse() {
    withSession(session -> {
      session.sql("CREATE TABLE sales (region STRING, amount INT) USING parquet PARTITIONED BY (region)");
      session.sql("INSERT INTO sales VALUES (10, 'north'), (5, 'south'), (7, 'north')");
      session.sql("SELECT 1 AS id, 'a' AS tag UNION ALL SELECT 2, 'b'").write().saveAsTable("tags");
    });
    assertThat(warehouse.resolve("sales").resolve(TableMetadataFile.FILE_NAME)).isRegularFile();
    assertThat(warehouse.resolve("sales").resolve("region=north")).isDirectory();
    withSession(session -> {
      assertThat(tableNames(session)).containsExactly("sales", "tags");
      Dataset<Row> sales = session.table("sales");
      assertThat(sales.schema()).isEqualTo(new StructType().add("amount", DataTypes.IntegerType)
          .add("region", DataTypes.StringType));
      assertThat(rows(session, "SELECT region, sum(amount) FROM sales GROUP BY region ORDER BY region"))
          .containsExactly(RowFactory.create("north", 17L), RowFactory.create("south", 5L));
      assertThat(session.table("default.tags").orderBy("id").collectAsList())
          .containsExactly(RowFactory.create(1, "a"), RowFactory.create(2, "b"));
    });
  }

  @Test
  void saveAsTableFollowsTheSaveMode() {
    withSession(session -> {
      Dataset<Row> first = session.sql("SELECT 1 AS id, 'x' AS name");
      first.write().saveAsTable("t");
      assertThatThrownBy(() -> first.write().saveAsTable("t")).isInstanceOf(AnalysisException.class)
          .extracting(e -> ((AnalysisException) e).getCondition()).isEqualTo("TABLE_OR_VIEW_ALREADY_EXISTS");
      session.sql("SELECT 9 AS id, 'ignored' AS name").write().mode(SaveMode.Ignore).saveAsTable("t");
      // Append matches columns by name, whatever their order in the DataFrame.
      session.sql("SELECT 'y' AS name, 2 AS id").write().mode("append").saveAsTable("t");
      assertThat(session.table("t").orderBy("id").collectAsList())
          .containsExactly(RowFactory.create(1, "x"), RowFactory.create(2, "y"));
      assertThatThrownBy(() -> session.table("t").write().mode("overwrite").saveAsTable("t"))
          .extracting(e -> ((AnalysisException) e).getCondition()).isEqualTo("UNSUPPORTED_OVERWRITE.TABLE");
      session.sql("SELECT 1.5D AS score, 'p' AS part").write().mode("overwrite").format("json")
          .partitionBy("part").saveAsTable("t");
      assertThat(session.table("t").schema()).isEqualTo(new StructType().add("score", DataTypes.DoubleType)
          .add("part", DataTypes.StringType));
      assertThat(session.table("t").collectAsList()).containsExactly(RowFactory.create(1.5, "p"));
      assertThat(warehouse.resolve("t").resolve("part=p")).isDirectory();
    });
  }

  @Test
  void insertIntoGoesByPositionAndOverwrites() {
    withSession(session -> {
      session.sql("CREATE TABLE t (a BIGINT, b STRING) USING csv");
      session.sql("SELECT 1 AS x, 'one' AS y").write().insertInto("t");
      session.sql("SELECT 2 AS y, 'two' AS x").write().insertInto("t");
      assertThat(session.table("t").orderBy("a").collectAsList())
          .containsExactly(RowFactory.create(1L, "one"), RowFactory.create(2L, "two"));
      session.sql("SELECT 3, 'three'").write().mode("overwrite").insertInto("t");
      assertThat(session.table("t").collectAsList()).containsExactly(RowFactory.create(3L, "three"));
      assertThatThrownBy(() -> session.sql("SELECT 1").write().insertInto("missing"))
          .extracting(e -> ((AnalysisException) e).getCondition()).isEqualTo("TABLE_OR_VIEW_NOT_FOUND");
    });
  }

  @Test
  void aFailedInsertLeavesTheTableAsItWas() {
    withSession(session -> {
      session.sql("CREATE TABLE t (id INT, word STRING) USING " + FailingFormat.class.getName());
      session.sql("INSERT INTO t VALUES (1, 'fine'), (2, 'good')");
      assertThatThrownBy(() -> session.sql("INSERT INTO t VALUES (3, 'ok'), (4, 'boom')"));
      assertThatThrownBy(() -> session.sql("INSERT OVERWRITE t VALUES (5, 'ok'), (6, 'boom')"));
      assertThat(session.table("t").orderBy("id").collectAsList())
          .containsExactly(RowFactory.create(1, "fine"), RowFactory.create(2, "good"));
      // A CTAS whose write fails leaves no table behind.
      assertThatThrownBy(() -> session.sql("CREATE TABLE u USING " + FailingFormat.class.getName()
          + " AS SELECT 'boom' AS w"));
      assertThat(tableNames(session)).containsExactly("t");
      assertThat(warehouse.resolve("u")).doesNotExist();
    });
  }

  @Test
  void anExternalTableReadsItsLocationAndDropKeepsTheFiles(@TempDir Path data) throws IOException {
    Files.writeString(data.resolve("part-0.csv"), "1,ann\n2,bob\n");
    withSession(session -> {
      session.sql("CREATE TABLE people (id INT, name STRING) USING csv LOCATION '" + data + "'");
      session.sql("INSERT INTO people SELECT 3, 'cat'");
      assertThat(rows(session, "SELECT name FROM people ORDER BY id")).containsExactly(
          RowFactory.create("ann"), RowFactory.create("bob"), RowFactory.create("cat"));
      session.sql("DROP TABLE people");
      assertThat(tableNames(session)).isEmpty();
      // Without a column list the schema is inferred from the files at the location.
      session.sql("CREATE TABLE again USING csv LOCATION '" + data + "'");
      assertThat(rows(session, "SELECT count(*) FROM again")).containsExactly(RowFactory.create(3L));
    });
    try (Stream<Path> files = Files.list(data)) {
      assertThat(files.filter(p -> p.getFileName().toString().endsWith(".csv")).count()).isEqualTo(2);
    }
  }

  @Test
  void aManagedTableCannotTakeOverAnExistingDirectory() throws IOException {
    Files.createDirectories(warehouse.resolve("t"));
    Files.writeString(warehouse.resolve("t").resolve("stray.txt"), "x");
    withSession(session -> assertThatThrownBy(() -> session.sql("CREATE TABLE t (a INT) USING parquet"))
        .extracting(e -> ((AnalysisException) e).getCondition()).isEqualTo("LOCATION_ALREADY_EXISTS"));
  }

  private static java.util.List<String> tableNames(EmberSession session) {
    return session.catalog().listTables().collectAsList().stream().map(row -> row.getString(0)).toList();
  }
}
