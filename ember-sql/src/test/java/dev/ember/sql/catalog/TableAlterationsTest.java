package dev.ember.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ALTER TABLE's properties and columns as DESCRIBE EXTENDED and the files beside the table show them. */
class TableAlterationsTest {

  @TempDir
  static Path warehouse;

  private static EmberSession session;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[1]").appName("TableAlterationsTest")
        .config("spark.sql.warehouse.dir", warehouse.toString()).getOrCreate();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @Test
  void describeExtendedListsTheTablePropertiesAfterTheProvider() {
    session.sql("CREATE TABLE props (id INT) USING parquet");
    session.sql("ALTER TABLE props SET TBLPROPERTIES ('b' = '2', 'a' = '1')");
    List<String> rows = session.sql("DESCRIBE EXTENDED props").collectAsList().stream()
        .map(r -> r.getString(0) + "=" + r.getString(1)).toList();
    int provider = rows.indexOf("Provider=parquet");
    assertThat(rows.get(provider + 1)).isEqualTo("Table Properties=[a=1, b=2]");
  }

  @Test
  void propertiesSurviveTruncateAndAreNotReadAsData() {
    session.sql("CREATE TABLE kept (id INT) USING parquet");
    session.sql("INSERT INTO kept VALUES (1)");
    session.sql("ALTER TABLE kept SET TBLPROPERTIES ('owner' = 'ops')");
    session.sql("TRUNCATE TABLE kept");
    assertThat(session.sql("SELECT count(*) FROM kept").collectAsList()).extracting(r -> r.getLong(0))
        .containsExactly(0L);
    assertThat(Files.isRegularFile(warehouse.resolve("kept").resolve(TableProperties.PROPERTIES_FILE))).isTrue();
    assertThat(session.sql("SHOW TBLPROPERTIES kept").collectAsList()).extracting(Row::toString)
        .containsExactly("[owner,ops]");
  }

  @Test
  void partitionDirectoriesWrittenOutsideEmberAreListedAfterRepair() {
    session.sql("CREATE TABLE events (id INT, note STRING, day STRING) USING parquet PARTITIONED BY (day)");
    session.sql("INSERT INTO events VALUES (1, 'a', 'mon')");
    session.sql("SELECT 5 AS id, 'x' AS note").write().parquet(warehouse.resolve("events").resolve("day=fri")
        .toString());
    session.sql("MSCK REPAIR TABLE events");
    assertThat(session.sql("SHOW PARTITIONS events").collectAsList()).extracting(r -> r.getString(0))
        .containsExactly("day=fri", "day=mon");
    assertThat(session.sql("SELECT id, note FROM events WHERE day = 'fri'").collectAsList())
        .extracting(Row::toString).containsExactly("[5,x]");
  }

  @Test
  void addingAColumnTwiceInOneStatementFails() {
    session.sql("CREATE TABLE twice (id INT) USING parquet");
    assertThatThrownBy(() -> session.sql("ALTER TABLE twice ADD COLUMNS (x INT, X STRING)"))
        .isInstanceOf(AnalysisException.class)
        .satisfies(e -> assertThat(((AnalysisException) e).getCondition()).isEqualTo("COLUMN_ALREADY_EXISTS"))
        .hasMessageContaining("`X`");
    assertThat(session.table("twice").columns()).containsExactly("id");
  }
}
