package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runtime filter whose creation side is filtered at run time itself (Q20's shape): the outer join's
 * NULL-extended rows and NULL keys come out as without runtime filters.
 */
class RuntimeFilterChainExecutionTest {

  private static final String QUERY = "SELECT ps_partkey, ps_suppkey, ps_availqty, q FROM ps LEFT JOIN "
      + "(SELECT l_partkey, l_suppkey, sum(l_qty) AS q FROM li GROUP BY l_partkey, l_suppkey) agg "
      + "ON ps_partkey = l_partkey AND ps_suppkey = l_suppkey "
      + "WHERE ps_availqty + coalesce(q, 0) >= 0 "
      + "AND ps_partkey IN (SELECT p_partkey FROM part WHERE p_name LIKE 'forest%') ORDER BY 1, 2";

  private static final int LINES = 30_000;

  @TempDir
  static Path warehouse;

  private static EmberSession session;

  @BeforeAll
  static void createTables() {
    session = EmberSession.builder().master("local[2]").appName("RuntimeFilterChainExecutionTest")
        .config("spark.sql.warehouse.dir", warehouse.toString()).config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.optimizer.runtime.bloomFilter.applicationSideScanSizeThreshold", "0")
        .getOrCreate();
    StringJoiner parts = new StringJoiner(", ");
    for (int p = 0; p < 20; p++) {
      parts.add("(" + p + ", '" + (p < 5 ? "forest " : "other ") + p + "')");
    }
    session.sql("CREATE TABLE part (p_partkey INT, p_name STRING) USING parquet");
    session.sql("INSERT INTO part VALUES " + parts);
    StringJoiner partsupp = new StringJoiner(", ");
    for (int p = 0; p < 50; p++) {
      for (int s = 0; s < 4; s++) {
        partsupp.add("(" + p + ", " + s + ", " + (p * 10 + s) + ")");
      }
    }
    partsupp.add("(NULL, 1, 5)");
    session.sql("CREATE TABLE ps (ps_partkey INT, ps_suppkey INT, ps_availqty INT) USING parquet");
    session.sql("INSERT INTO ps VALUES " + partsupp);
    session.sql("CREATE TABLE li (l_partkey INT, l_suppkey INT, l_qty BIGINT) USING parquet");
    // Enough rows, with a quantity of distinct values, that re-reading partsupp costs less than reading
    // lineitem.
    StringJoiner numbers = new StringJoiner(", ");
    for (int v = 0; v < LINES / 100; v++) {
      numbers.add("(" + v + ")");
    }
    session.sql("CREATE TABLE n (v INT) USING parquet");
    session.sql("INSERT INTO n VALUES " + numbers);
    session.sql("INSERT INTO li SELECT (a.v * 100 + b.v) % 60, (a.v * 100 + b.v) % 3, a.v * 100 + b.v "
        + "FROM n a CROSS JOIN n b WHERE b.v < 100");
    session.sql("INSERT INTO li VALUES (NULL, 1, 100)");
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @Test
  void theLineitemSideIsFilteredByPartsuppFilteredByPartAndTheOuterJoinStillExtendsWithNulls() {
    Dataset<Row> result = session.sql(QUERY);
    String explain = result.queryExecution().explainString(false);
    assertThat(explain).contains("runtime_filter(ps_partkey#").contains("runtime_filter(l_partkey#");
    List<Row> rows = result.collectAsList();
    assertThat(rows).hasSize(20);
    for (Row row : rows) {
      int p = row.getInt(0);
      int s = row.getInt(1);
      assertThat(p).isBetween(0, 4);
      assertThat(row.getInt(2)).isEqualTo(p * 10 + s);
      // Line i has part i % 60 and supplier i % 3 = part % 3: other suppliers (3 among them) have no lines, and
      // the outer join extends their rows with NULL.
      if (s != p % 3) {
        assertThat(row.isNullAt(3)).as("part %d supplier %d", p, s).isTrue();
      } else {
        long sum = 0;
        for (int i = p; i < LINES; i += 60) {
          sum += i;
        }
        assertThat(row.getLong(3)).as("part %d supplier %d", p, s).isEqualTo(sum);
      }
    }
    assertThat(rows.stream().filter(r -> r.isNullAt(3)).count()).isEqualTo(15);
  }

  @Test
  void answersAreTheSameWithRuntimeFiltersOff() {
    List<Row> on = session.sql(QUERY).collectAsList();
    List<Row> onWithoutPart = session.sql(QUERY.replace("AND ps_partkey IN", "AND ps_partkey NOT IN"))
        .collectAsList();
    session.conf().set("spark.sql.optimizer.runtime.bloomFilter.enabled", "false");
    try {
      assertThat(session.sql(QUERY).collectAsList()).isEqualTo(on);
      assertThat(session.sql(QUERY.replace("AND ps_partkey IN", "AND ps_partkey NOT IN")).collectAsList())
          .isEqualTo(onWithoutPart);
    } finally {
      session.conf().unset("spark.sql.optimizer.runtime.bloomFilter.enabled");
    }
  }
}
