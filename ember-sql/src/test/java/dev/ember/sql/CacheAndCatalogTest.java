package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import dev.ember.storage.StorageLevel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CacheAndCatalogTest {

  private static EmberSession session;
  private static Dataset<Row> sales;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("CacheAndCatalogTest")
        .config("spark.sql.shuffle.partitions", "3").getOrCreate();
    StructType schema = new StructType().add("region", DataTypes.StringType).add("amount", DataTypes.IntegerType);
    sales = session.createDataFrame(List.of(RowFactory.create("north", 10), RowFactory.create("south", 5),
        RowFactory.create("north", 7), RowFactory.create(null, 1)), schema);
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @AfterEach
  void clear() {
    session.catalog().clearCache();
    for (String view : List.of("sales", "totals", "cached_totals")) {
      session.catalog().dropTempView(view);
    }
  }

  @Test
  void aCachedDataFrameIsReadFromMemoryByEveryQueryContainingIt() {
    Dataset<Row> totals = sales.groupBy("region").agg(sum("amount").as("total"));
    assertThat(totals.storageLevel()).isEqualTo(StorageLevel.NONE);
    totals.cache();
    assertThat(totals.storageLevel()).isEqualTo(StorageLevel.MEMORY_AND_DISK);
    Dataset<Row> big = totals.filter(col("total").gt(6)).orderBy("region");
    assertThat(big.queryExecution().explainString(false)).contains("InMemoryTableScan");
    // Twice: the first run computes and stores the batches, the second reads them.
    assertThat(big.collectAsList()).containsExactly(RowFactory.create("north", 17L));
    assertThat(big.collectAsList()).containsExactly(RowFactory.create("north", 17L));
    assertThat(totals.count()).isEqualTo(3);
    totals.unpersist();
    assertThat(totals.storageLevel()).isEqualTo(StorageLevel.NONE);
    assertThat(totals.filter(col("total").gt(6)).queryExecution().explainString(false))
        .doesNotContain("InMemoryTableScan");
  }

  @Test
  void persistAtASerializedLevelGivesTheSameRows() {
    Dataset<Row> north = sales.filter("region = 'north'").persist(StorageLevel.MEMORY_ONLY_SER);
    assertThat(north.storageLevel()).isEqualTo(StorageLevel.MEMORY_ONLY_SER);
    assertThat(north.orderBy("amount").collectAsList())
        .containsExactly(RowFactory.create("north", 7), RowFactory.create("north", 10));
    north.unpersist();
  }

  @Test
  void cacheTableIsSharedByEveryQueryOverTheView() {
    sales.createOrReplaceTempView("sales");
    session.sql("CACHE TABLE sales");
    assertThat(session.catalog().isCached("sales")).isTrue();
    Dataset<Row> query = session.sql("SELECT region, amount FROM sales WHERE amount > 6 ORDER BY amount");
    assertThat(query.queryExecution().explainString(false)).contains("InMemoryTableScan");
    assertThat(query.collectAsList()).containsExactly(RowFactory.create("north", 7), RowFactory.create("north", 10));
    assertThat(session.table("sales").queryExecution().explainString(false)).contains("InMemoryTableScan");
    session.sql("UNCACHE TABLE sales");
    assertThat(session.catalog().isCached("sales")).isFalse();
    session.catalog().cacheTable("sales");
    assertThat(session.catalog().isCached("sales")).isTrue();
    session.sql("CLEAR CACHE");
    assertThat(session.catalog().isCached("sales")).isFalse();
  }

  @Test
  void replacingACachedViewDropsItsCache() {
    sales.createOrReplaceTempView("sales");
    session.catalog().cacheTable("sales");
    Dataset<Row> old = session.table("sales");
    sales.filter("amount > 5").createOrReplaceTempView("sales");
    assertThat(session.catalog().isCached("sales")).isFalse();
    assertThat(old.queryExecution().explainString(false)).doesNotContain("InMemoryTableScan");
    assertThat(session.table("sales").count()).isEqualTo(2);
  }

  @Test
  void cacheTableAsSelectCreatesTheView() {
    session.sql("CACHE TABLE cached_totals AS SELECT region, sum(amount) AS total FROM VALUES ('a', 1), ('a', 2) "
        + "AS t(region, amount) GROUP BY region");
    assertThat(session.catalog().isCached("cached_totals")).isTrue();
    assertThat(session.sql("SELECT * FROM cached_totals").collectAsList()).containsExactly(RowFactory.create("a", 3L));
  }

  @Test
  void catalogListsViewsAndColumns() {
    sales.createOrReplaceTempView("sales");
    session.sql("CREATE TEMPORARY VIEW totals AS SELECT region, count(*) AS n FROM sales GROUP BY region");
    assertThat(session.catalog().currentDatabase()).isEqualTo("default");
    assertThat(session.catalog().tableExists("SALES")).isTrue();
    assertThat(session.catalog().tableExists("nope")).isFalse();
    assertThat(session.catalog().listTables().collectAsList()).containsExactly(
        RowFactory.create("sales", null, null, null, "TEMPORARY", true),
        RowFactory.create("totals", null, null, null, "TEMPORARY", true));
    assertThat(session.catalog().listColumns("totals").collectAsList()).containsExactly(
        RowFactory.create("region", null, "string", true, false, false),
        RowFactory.create("n", null, "bigint", false, false, false));
    assertThat(session.catalog().dropTempView("totals")).isTrue();
    assertThat(session.catalog().dropTempView("totals")).isFalse();
    assertThatThrownBy(() -> session.catalog().isCached("totals")).isInstanceOf(AnalysisException.class)
        .hasMessageStartingWith("[TABLE_OR_VIEW_NOT_FOUND]");
    assertThatThrownBy(() -> session.catalog().setCurrentDatabase("sales_db"))
        .hasMessageStartingWith("[SCHEMA_NOT_FOUND]");
  }

  @Test
  void setChangesTheShufflePartitionsOfTheNextQuery() {
    Dataset<Row> grouped = sales.groupBy("region").count();
    assertThat(grouped.queryExecution().explainString(false)).contains(", 3)");
    session.sql("SET spark.sql.shuffle.partitions=5");
    try {
      assertThat(session.conf().get("ember.sql.shuffle.partitions")).isEqualTo("5");
      Dataset<Row> again = sales.groupBy("region").count();
      assertThat(again.queryExecution().explainString(false)).contains(", 5)");
      assertThat(again.count()).isEqualTo(3);
    } finally {
      session.conf().set("spark.sql.shuffle.partitions", "3");
    }
    assertThatThrownBy(() -> session.conf().get("spark.sql.nothing"))
        .hasMessageStartingWith("[SQL_CONF_NOT_FOUND]");
  }

  @Test
  void explainModesPrintSparksSections() {
    sales.createOrReplaceTempView("sales");
    String extended = session.sql("EXPLAIN EXTENDED SELECT region FROM sales WHERE amount > 1").first().getString(0);
    assertThat(extended).startsWith("== Parsed Logical Plan ==\nProject ['region]\n+- Filter ('amount > 1)\n")
        .contains("\n\n== Analyzed Logical Plan ==\nregion: string\nProject [region#")
        .contains("\n\n== Optimized Logical Plan ==\n").contains("\n\n== Physical Plan ==\n");
    String formatted = sales.groupBy("region").count().queryExecution().explainString("formatted");
    assertThat(formatted).startsWith("== Physical Plan ==\nHashAggregate (5)\n+- AQEShuffleRead (4)\n"
        + "   +- Exchange (3)\n      +- HashAggregate (2)\n         +- LocalTableScan (1)\n\n\n(1) LocalTableScan\n"
        + "Output [1]: [region#");
    assertThat(formatted).contains("(5) HashAggregate\nOutput [2]: [region#");
    assertThatThrownBy(() -> sales.queryExecution().explainString("codegen"))
        .hasMessageStartingWith("[UNSUPPORTED_FEATURE]");
    assertThatThrownBy(() -> sales.queryExecution().explainString("fancy"))
        .hasMessageStartingWith("Unknown explain mode: fancy");
  }
}
