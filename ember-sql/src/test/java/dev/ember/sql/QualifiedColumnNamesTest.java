package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Columns of a catalog table named through the DataFrame API as {@code db.t.c}, {@code t.c} and {@code c}. */
class QualifiedColumnNamesTest {

  @TempDir
  static Path warehouse;

  private static EmberSession session;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("QualifiedColumnNamesTest")
        .config("spark.sql.shuffle.partitions", "2").config("spark.sql.warehouse.dir", warehouse.toString())
        .getOrCreate();
    session.sql("CREATE DATABASE shop");
    session.sql("CREATE TABLE shop.items (id INT, price INT) USING parquet");
    session.sql("INSERT INTO shop.items VALUES (1, 10), (2, 20), (3, 30)");
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @Test
  void columnsOfATableAreNamedByDatabaseAndTable() {
    Dataset<Row> items = session.table("shop.items");
    List<Row> rows = items.where(col("shop.items.price").gt(15)).select(col("shop.items.id"), col("items.price"),
        items.col("spark_catalog.shop.items.id")).orderBy(col("shop.items.id")).collectAsList();
    assertThat(rows).extracting(Row::toString).containsExactly("[2,20,2]", "[3,30,3]");
  }

  @Test
  void aWrongDatabaseIsAnUnresolvedColumn() {
    Dataset<Row> items = session.table("shop.items");
    assertThatThrownBy(() -> items.select(col("other.items.id")).collectAsList())
        .isInstanceOf(AnalysisException.class)
        .satisfies(e -> assertThat(((AnalysisException) e).getCondition())
            .isEqualTo("UNRESOLVED_COLUMN.WITH_SUGGESTION"))
        .hasMessageContaining("`other`.`items`.`id`").hasMessageContaining("`id`");
  }
}
