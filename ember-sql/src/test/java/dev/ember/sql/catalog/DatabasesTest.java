package dev.ember.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.RowFactory;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabasesTest {

  @TempDir
  Path warehouse;

  @TempDir
  Path elsewhere;

  private void withSession(Consumer<EmberSession> body) {
    EmberSession session = EmberSession.builder().master("local[2]").appName("DatabasesTest")
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

  private static List<String> column(List<Row> rows) {
    return rows.stream().map(row -> row.getString(0)).toList();
  }

  @Test
  void databasesAndTheirTablesPersistAcrossSessionsInSparksLayout() {
    withSession(session -> {
      session.sql("CREATE DATABASE sales COMMENT 'EU sales'");
      session.sql("CREATE TABLE sales.orders (id INT, amount DOUBLE) USING parquet");
      session.sql("INSERT INTO sales.orders VALUES (1, 2.5)");
      session.sql("USE sales");
      session.sql("CREATE TABLE refunds USING parquet AS SELECT id FROM orders");
    });
    assertThat(warehouse.resolve("sales.db").resolve("orders").resolve(TableMetadataFile.FILE_NAME)).isRegularFile();
    assertThat(warehouse.resolve("sales.db").resolve("refunds")).isDirectory();
    withSession(session -> {
      assertThat(session.catalog().currentDatabase()).isEqualTo("default");
      assertThat(column(session.catalog().listDatabases().collectAsList())).containsExactly("default", "sales");
      assertThat(session.catalog().databaseExists("SALES")).isTrue();
      assertThat(rows(session, "SELECT id, amount FROM spark_catalog.sales.orders"))
          .containsExactly(RowFactory.create(1, 2.5));
      assertThat(session.table("sales.refunds").collectAsList()).containsExactly(RowFactory.create(1));
      assertThat(rows(session, "SHOW TABLES")).isEmpty();
      assertThat(rows(session, "SHOW TABLES IN sales")).containsExactly(RowFactory.create("sales", "orders", false),
          RowFactory.create("sales", "refunds", false));
      List<Row> description = rows(session, "DESCRIBE DATABASE sales");
      assertThat(description.get(0)).isEqualTo(RowFactory.create("Catalog Name", "spark_catalog"));
      assertThat(description.get(1)).isEqualTo(RowFactory.create("Namespace Name", "sales"));
      assertThat(description.get(2)).isEqualTo(RowFactory.create("Comment", "EU sales"));
      assertThat(description.get(3)).isEqualTo(RowFactory.create("Location", "file:" + warehouse.resolve("sales.db")));
      session.sql("DROP DATABASE sales CASCADE");
    });
    assertThat(warehouse.resolve("sales.db")).doesNotExist();
    withSession(session -> assertThat(session.catalog().databaseExists("sales")).isFalse());
  }

  @Test
  void theCatalogApiSwitchesListsAndCreatesTablesInADatabase() {
    withSession(session -> {
      session.sql("CREATE DATABASE hr");
      assertThatThrownBy(() -> session.catalog().setCurrentDatabase("nope"))
          .isInstanceOf(AnalysisException.class).hasMessageContaining("SCHEMA_NOT_FOUND");
      StructType schema = new StructType().add("name", DataTypes.StringType).add("age", DataTypes.IntegerType);
      session.catalog().createTable("hr.people", "parquet", schema, Map.of());
      session.catalog().setCurrentDatabase("hr");
      assertThat(session.catalog().currentDatabase()).isEqualTo("hr");
      session.sql("INSERT INTO people VALUES ('ann', 41)");
      assertThat(rows(session, "SELECT current_database(), name FROM people"))
          .containsExactly(RowFactory.create("hr", "ann"));
      assertThat(session.catalog().tableExists("people")).isTrue();
      assertThat(session.catalog().tableExists("hr", "people")).isTrue();
      assertThat(session.catalog().tableExists("default.people")).isFalse();
      assertThat(session.catalog().listTables().collectAsList())
          .containsExactly(RowFactory.create("people", "spark_catalog", "hr", null, "MANAGED", false));
      assertThat(session.catalog().listTables("default").collectAsList()).isEmpty();
      assertThat(session.table("people").select(dev.ember.sql.functions.current_schema()).first().getString(0))
          .isEqualTo("hr");
      session.sql("SELECT 'bob' AS name, 30 AS age").write().mode("append").saveAsTable("people");
      assertThat(session.table("hr.people").count()).isEqualTo(2);
    });
  }

  @Test
  void aDatabaseWithALocationKeepsItsTablesThere() {
    Path location = elsewhere.resolve("finance");
    withSession(session -> {
      session.sql("CREATE DATABASE finance LOCATION '" + location + "'");
      session.sql("CREATE TABLE finance.ledger USING parquet AS SELECT 1 AS entry");
      assertThat(location.resolve("ledger").resolve(TableMetadataFile.FILE_NAME)).isRegularFile();
    });
    withSession(session -> {
      assertThat(rows(session, "SELECT entry FROM finance.ledger")).containsExactly(RowFactory.create(1));
      session.sql("DROP TABLE finance.ledger");
      session.sql("DROP DATABASE finance");
      assertThat(session.catalog().databaseExists("finance")).isFalse();
    });
  }

  @Test
  void droppingTheCurrentDatabaseReturnsTheSessionToDefault() {
    withSession(session -> {
      session.sql("CREATE DATABASE scratch");
      session.sql("USE DATABASE scratch");
      session.sql("DROP DATABASE scratch");
      assertThat(session.catalog().currentDatabase()).isEqualTo("default");
    });
  }

  @Test
  void errorsNameTheSchemaAndPointAtIt() {
    withSession(session -> {
      session.sql("CREATE DATABASE busy");
      session.sql("CREATE TABLE busy.t (a INT) USING parquet");
      assertThatThrownBy(() -> session.sql("DROP DATABASE busy"))
          .isInstanceOf(AnalysisException.class)
          .hasMessageContaining("[SCHEMA_NOT_EMPTY] Cannot drop a schema `spark_catalog`.`busy`")
          .hasMessageContaining("line 1 pos 14");
      assertThatThrownBy(() -> session.sql("CREATE SCHEMA busy"))
          .hasMessageContaining("[SCHEMA_ALREADY_EXISTS] Cannot create schema `spark_catalog`.`busy`");
      assertThatThrownBy(() -> session.sql("USE nowhere"))
          .hasMessageContaining("[SCHEMA_NOT_FOUND] The schema `spark_catalog`.`nowhere` cannot be found")
          .hasMessageContaining("line 1 pos 4");
      assertThatThrownBy(() -> session.catalog().listTables("nowhere")).hasMessageContaining("SCHEMA_NOT_FOUND");
    });
  }
}
