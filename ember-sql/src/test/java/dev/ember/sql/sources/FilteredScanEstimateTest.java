package dev.ember.sql.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.EmberSession;
import dev.ember.sql.execution.datasources.LogicalRelation;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Statistics;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filter over a Parquet scan is estimated from the footers' column statistics: a narrow date range over a
 * large table keeps a few percent of its rows, so the join builds (or broadcasts) that side rather than a
 * smaller table of wide rows that the old halving per conjunct took for the smaller side.
 */
class FilteredScanEstimateTest {

  @TempDir
  static Path dir;

  @BeforeAll
  static void writeTables() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      // 2000 customers with three long strings; 200000 orders, 100 a customer, dated over 2000 days.
      s.execute("COPY (SELECT range AS c_custkey, md5(range::VARCHAR) || md5((range + 1)::VARCHAR) AS c_name, "
          + "md5((range + 2)::VARCHAR) AS c_address, md5((range + 3)::VARCHAR) AS c_comment FROM range(2000)) TO '"
          + dir.resolve("customer.parquet") + "' (FORMAT PARQUET)");
      s.execute("COPY (SELECT range AS o_orderkey, range % 2000 AS o_custkey, "
          + "(DATE '2000-01-01' + (range % 2000)::INTEGER) AS o_orderdate FROM range(200000)) TO '"
          + dir.resolve("orders.parquet") + "' (FORMAT PARQUET)");
    }
  }

  private static EmberSession session(String threshold) {
    EmberSession session = EmberSession.builder().master("local[2]").appName("FilteredScanEstimateTest")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.autoBroadcastJoinThreshold", threshold).getOrCreate();
    for (String table : List.of("customer", "orders")) {
      session.read().parquet(dir.resolve(table + ".parquet").toString()).createOrReplaceTempView(table);
    }
    return session;
  }

  // 40 of the 2000 days (days 366 to 405): 2% of the orders, 4000 rows, 100 for each of customers 366 to 405,
  // whose keys sum to 100 * 15420; every name is two md5 digests, 64 characters.
  private static final String QUERY = "SELECT count(*), sum(c_custkey), min(length(c_name)) FROM customer JOIN orders "
      + "ON c_custkey = o_custkey WHERE o_orderdate >= DATE '2001-01-01' AND o_orderdate < DATE '2001-02-10'";

  private static <T extends LogicalPlan> List<T> find(LogicalPlan plan, Class<T> type) {
    List<T> found = new ArrayList<>();
    if (type.isInstance(plan)) {
      found.add(type.cast(plan));
    }
    for (LogicalPlan child : plan.children()) {
      found.addAll(find(child, type));
    }
    return found;
  }

  @Test
  void aNarrowDateRangeMakesTheFilteredSideTheBuildSide() {
    EmberSession session = session("-1");
    try {
      LogicalPlan optimized = session.sql(QUERY).queryExecution().optimizedPlan();
      Filter orders = find(optimized, Filter.class).stream()
          .filter(f -> f.child() instanceof LogicalRelation r && r.relation().location().toString().contains("orders"))
          .findFirst().orElseThrow();
      LogicalRelation customer = find(optimized, LogicalRelation.class).stream()
          .filter(r -> r.relation().location().toString().contains("customer")).findFirst().orElseThrow();
      long ordersScan = Statistics.expectedRowCount(orders.child());
      long customers = Statistics.expectedRowCount(customer);
      // Halving per conjunct would have kept a quarter of orders, more than the customers: customer was built.
      assertThat(ordersScan / 4).isGreaterThan(customers);
      // The footers say 40 of 2000 days.
      assertThat(Statistics.expectedRowCount(orders)).isEqualTo((long) Math.ceil(ordersScan * 0.02))
          .isLessThan(customers);
      String plan = session.sql(QUERY).queryExecution().explainString(false);
      assertThat(plan).containsPattern("ShuffledHashJoin \\[c_custkey#\\d+], \\[o_custkey#\\d+], Inner, BuildRight"
          + "|ShuffledHashJoin \\[o_custkey#\\d+], \\[c_custkey#\\d+], Inner, BuildLeft");
      assertThat(session.sql(QUERY).collectAsList().get(0).toString()).isEqualTo("[4000,1542000,64]");
    } finally {
      session.stop();
    }
  }

  @Test
  void theFilteredSideFitsTheBroadcastThresholdItsWholeScanExceeds() {
    EmberSession probe = session("-1");
    long scanBytes;
    long filteredBytes;
    long customerBytes;
    try {
      LogicalPlan optimized = probe.sql(QUERY).queryExecution().optimizedPlan();
      Filter orders = find(optimized, Filter.class).stream()
          .filter(f -> f.child() instanceof LogicalRelation).findFirst().orElseThrow();
      scanBytes = Statistics.sizeInBytes(orders.child());
      filteredBytes = Statistics.sizeInBytes(orders);
      customerBytes = find(optimized, LogicalRelation.class).stream()
          .filter(r -> r.relation().location().toString().contains("customer")).findFirst().orElseThrow()
          .sizeInBytes();
    } finally {
      probe.stop();
    }
    long threshold = Math.min(scanBytes, customerBytes) - 1;
    assertThat(filteredBytes).isLessThanOrEqualTo(threshold);
    EmberSession session = session(String.valueOf(threshold));
    try {
      String plan = session.sql(QUERY).queryExecution().explainString(false);
      assertThat(plan).containsPattern("BroadcastHashJoin \\[c_custkey#\\d+], \\[o_custkey#\\d+], Inner, BuildRight"
          + "|BroadcastHashJoin \\[o_custkey#\\d+], \\[c_custkey#\\d+], Inner, BuildLeft");
      assertThat(session.sql(QUERY).collectAsList().get(0).toString()).isEqualTo("[4000,1542000,64]");
    } finally {
      session.stop();
    }
  }
}
