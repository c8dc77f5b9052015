package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Dataset.repartitionByRange} and the REPARTITION_BY_RANGE hint range-partition as Spark's do: each of the
 * n partitions holds a contiguous range of the keys (NULLs first ascending, last descending), through the same
 * range exchange as ORDER BY.
 */
class RangeRepartitionTest {

  private static EmberSession session;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("RangeRepartitionTest")
        .config("spark.sql.shuffle.partitions", "3").config("spark.sql.adaptive.enabled", "false").getOrCreate();
    // 40 keys 0..39 spread over the input out of order, plus three NULLs.
    StringBuilder values = new StringBuilder("(NULL), (NULL), (NULL)");
    for (int i = 0; i < 40; i++) {
      values.append(", (").append((i * 17) % 40).append(')');
    }
    session.sql("CREATE OR REPLACE TEMP VIEW r AS SELECT * FROM VALUES " + values + " AS r(k)");
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  /** The keys of each output partition, in partition order. */
  private static List<List<Integer>> partitions(Dataset<Row> df) {
    List<List<Integer>> out = new ArrayList<>();
    for (List<Row> rows : df.rdd().glom().collect()) {
      List<Integer> keys = new ArrayList<>();
      rows.forEach(row -> keys.add(row.isNullAt(0) ? null : row.getInt(0)));
      out.add(keys);
    }
    return out;
  }

  /** Checks every key of partition i sorts at or before every key of partition i+1, NULLs where given. */
  private static void assertContiguous(List<List<Integer>> parts, boolean ascending, boolean nullsFirst) {
    List<Integer> flat = new ArrayList<>();
    for (List<Integer> part : parts) {
      assertThat(part).as("every partition gets rows: %s", parts).isNotEmpty();
      flat.addAll(part);
    }
    assertThat(flat).hasSize(43);
    for (int p = 0; p + 1 < parts.size(); p++) {
      for (Integer x : parts.get(p)) {
        for (Integer y : parts.get(p + 1)) {
          assertThat(compare(x, y, ascending, nullsFirst)).as("%s then %s in %s", x, y, parts).isLessThanOrEqualTo(0);
        }
      }
    }
    List<Integer> nulls = nullsFirst ? parts.get(0) : parts.get(parts.size() - 1);
    assertThat(nulls.stream().filter(k -> k == null).count()).isEqualTo(3);
  }

  private static int compare(Integer x, Integer y, boolean ascending, boolean nullsFirst) {
    if (x == null || y == null) {
      return x == y ? 0 : (x == null) == nullsFirst ? -1 : 1;
    }
    return ascending ? Integer.compare(x, y) : Integer.compare(y, x);
  }

  @Test
  void repartitionByRangeGivesContiguousAscendingRangesNullsFirst() {
    Dataset<Row> df = session.table("r").repartitionByRange(4, functions.col("k"));
    assertThat(df.queryExecution().executedPlan().treeString()).contains("Exchange rangepartitioning(k")
        .doesNotContain("hashpartitioning");
    List<List<Integer>> parts = partitions(df);
    assertThat(parts).hasSize(4);
    assertContiguous(parts, true, true);
  }

  @Test
  void descendingSortOrdersAreKept() {
    List<List<Integer>> desc = partitions(session.table("r").repartitionByRange(3, functions.col("k").desc()));
    assertThat(desc).hasSize(3);
    assertContiguous(desc, false, false);
    List<List<Integer>> ascLast = partitions(session.table("r")
        .repartitionByRange(2, functions.col("k").asc_nulls_last()));
    assertContiguous(ascLast, true, false);
  }

  @Test
  void defaultPartitionCountIsShufflePartitions() {
    List<List<Integer>> parts = partitions(session.table("r").repartitionByRange(functions.col("k")));
    assertThat(parts).hasSize(3);
    assertContiguous(parts, true, true);
  }

  @Test
  void sqlHintRangePartitions() {
    Dataset<Row> df = session.sql("SELECT /*+ REPARTITION_BY_RANGE(4, k) */ k FROM r");
    assertThat(df.queryExecution().analyzed().treeString()).contains("RepartitionByRange");
    assertThat(df.queryExecution().executedPlan().treeString()).contains("Exchange rangepartitioning(k");
    assertContiguous(partitions(df), true, true);
    Dataset<Row> counted = session.sql("SELECT /*+ REPARTITION_BY_RANGE(k) */ k FROM r");
    assertThat(partitions(counted)).hasSize(3);
    assertContiguous(partitions(counted), true, true);
    Dataset<Row> viaHint = session.table("r").hint("repartition_by_range", 2, "k");
    assertContiguous(partitions(viaHint), true, true);
  }

  @Test
  void repartitionStillHashesAndWrongUsageFails() {
    assertThat(session.table("r").repartition(4, functions.col("k")).queryExecution().executedPlan().treeString())
        .contains("hashpartitioning(k");
    assertThatThrownBy(() -> session.table("r").repartitionByRange(2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("At least one partition-by expression must be specified.");
    assertThatThrownBy(() -> session.sql("SELECT /*+ REPARTITION_BY_RANGE(2) */ k FROM r"))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("INVALID_HINT_PARAMETERS")
        .hasMessageContaining("REPARTITION_BY_RANGE");
  }
}
