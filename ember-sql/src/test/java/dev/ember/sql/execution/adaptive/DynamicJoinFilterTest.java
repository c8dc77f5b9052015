package dev.ember.sql.execution.adaptive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.RowFactory;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.datasources.FileSourceScanExec;
import dev.ember.sql.execution.joinfilter.dynamic.DynamicJoinFilter;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build side materialized by the run-time broadcast switch filters the other side's Parquet scan by its keys.
 * facts (Parquet) has 20000 rows: id 0..19999 except that ids ending in 999 are NULL, k = id % 100. dims
 * (Parquet) has ids 5, 17, 999 (no fact has it: its fact is NULL), 30000 (beyond facts) and NULL tagged 'a', id
 * 12 tagged 'b', and ids 0..19999 tagged 'all'. Static runtime filters and static broadcasts are off, so the
 * joins are shuffled hash joins the switch converts, and only the dynamic filter acts (but in the test of a
 * static broadcast join).
 */
class DynamicJoinFilterTest {

  @TempDir
  Path dir;
  private EmberSession session;

  @BeforeEach
  void start() {
    session = EmberSession.builder().master("local[2]").appName("DynamicJoinFilterTest")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.autoBroadcastJoinThreshold", "-1")
        .config("spark.sql.optimizer.runtime.bloomFilter.enabled", "false")
        .config("spark.sql.adaptive.autoBroadcastJoinThreshold", "1m").getOrCreate();
    List<Row> facts = new ArrayList<>();
    for (long id = 0; id < 20000; id++) {
      facts.add(RowFactory.create(id % 1000 == 999 ? null : id, id % 100));
    }
    session.createDataFrame(facts, new StructType().add("id", DataTypes.LongType).add("k", DataTypes.LongType))
        .write().parquet(dir.resolve("facts").toString());
    List<Row> dims = new ArrayList<>();
    for (Long id : new Long[] {5L, 17L, 999L, 30000L, null}) {
      dims.add(RowFactory.create(id, "a"));
    }
    dims.add(RowFactory.create(12L, "b"));
    for (long id = 0; id < 20000; id++) {
      dims.add(RowFactory.create(id, "all"));
    }
    session.createDataFrame(dims, new StructType().add("id", DataTypes.LongType).add("tag", DataTypes.StringType))
        .write().parquet(dir.resolve("dims").toString());
    session.read().parquet(dir.resolve("facts").toString()).createOrReplaceTempView("facts");
    session.read().parquet(dir.resolve("dims").toString()).createOrReplaceTempView("dims");
  }

  @AfterEach
  void stop() {
    session.stop();
  }

  /** The query's sorted rows, its executed plan and the rows the facts scan returned, with the filter on or off. */
  private Result run(String sql, boolean filter) {
    session.conf().set("ember.sql.adaptive.runtimeFilter.enabled", Boolean.toString(filter));
    Dataset<Row> query = session.sql(sql);
    List<String> rows = query.collectAsList().stream().map(Row::toString).sorted().toList();
    PhysicalPlan plan = query.queryExecution().executedPlan();
    return new Result(rows, plan.treeString(), factRows(plan));
  }

  private static long factRows(PhysicalPlan plan) {
    if (plan instanceof FileSourceScanExec scan && scan.simpleString().contains("/facts]")) {
      return scan.metric("numOutputRows");
    }
    long rows = 0;
    for (PhysicalPlan child : plan.children()) {
      rows += factRows(child);
    }
    return rows;
  }

  private record Result(List<String> rows, String plan, long factRows) {}

  @Test
  void innerJoinFiltersTheProbeScanAndKeepsTheAnswer() {
    String sql = "SELECT f.id, f.k FROM facts f JOIN dims d ON f.id = d.id WHERE d.tag = 'a'";
    Result on = run(sql, true);
    Result off = run(sql, false);
    assertThat(on.rows()).containsExactly("[17,17]", "[5,5]").isEqualTo(off.rows());
    assertThat(on.plan()).contains("(adaptive, isFinalPlan=true)").contains("runtime_filter(id#")
        .contains("from [dynamic id#");
    assertThat(off.plan()).contains("(adaptive, isFinalPlan=true)").doesNotContain("runtime_filter");
    // The keys' range [5, 30000] skips nothing; the bitmap drops all but facts 5 and 17 while decoding.
    assertThat(off.factRows()).isEqualTo(20000);
    assertThat(on.factRows()).isEqualTo(2);
  }

  @Test
  void leftSemiJoinProbingItsLeftSideIsFiltered() {
    String sql = "SELECT id, k FROM facts WHERE id IN (SELECT id FROM dims WHERE tag = 'a')";
    Result on = run(sql, true);
    assertThat(on.rows()).containsExactly("[17,17]", "[5,5]").isEqualTo(run(sql, false).rows());
    assertThat(on.plan()).contains("from [dynamic id#");
    assertThat(on.factRows()).isEqualTo(2);
  }

  @Test
  void antiJoinAndThePreservedSideOfAnOuterJoinAreNotFiltered() {
    String anti = "SELECT count(*), sum(id) FROM facts f WHERE NOT EXISTS (SELECT 1 FROM dims d WHERE d.id = f.id "
        + "AND d.tag = 'a')";
    Result on = run(anti, true);
    // 20000 facts but 5 and 17; NULL ids have no partner and stay. Sum of 0..19999 minus the 20 ids ending in
    // 999 (20 * 999 + 1000 * 190 = 209980) minus 22.
    assertThat(on.rows()).containsExactly("[19998," + (199990000L - 209980 - 22) + "]")
        .isEqualTo(run(anti, false).rows());
    assertThat(on.plan()).doesNotContain("runtime_filter");
    assertThat(on.factRows()).isEqualTo(20000);

    String outer = "SELECT count(*), count(d.id) FROM facts f LEFT JOIN (SELECT id FROM dims WHERE tag = 'a') d "
        + "ON f.id = d.id";
    Result outerOn = run(outer, true);
    assertThat(outerOn.rows()).containsExactly("[20000,2]").isEqualTo(run(outer, false).rows());
    assertThat(outerOn.plan()).doesNotContain("runtime_filter");
  }

  @Test
  void emptyBuildSideFiltersEveryRowOut() {
    String sql = "SELECT f.id FROM facts f JOIN dims d ON f.id = d.id WHERE d.tag = 'none'";
    Result on = run(sql, true);
    assertThat(on.rows()).isEmpty();
    assertThat(on.plan()).contains("from [dynamic id#");
    assertThat(on.factRows()).isZero();
  }

  @Test
  void nullKeysNeverPass() {
    // dims' NULL id 'a' and facts' NULL ids never meet; the filter holds only non-NULL keys.
    String sql = "SELECT count(*) FROM facts f JOIN dims d ON f.id = d.id WHERE d.tag = 'a' OR d.id IS NULL";
    Result on = run(sql, true);
    assertThat(on.rows()).containsExactly("[2]").isEqualTo(run(sql, false).rows());
    assertThat(on.factRows()).isEqualTo(2);
  }

  @Test
  void buildSideKeepingMostOfTheScanIsNotUsedAsAFilter() {
    String sql = "SELECT count(*) FROM facts f JOIN dims d ON f.id = d.id WHERE d.tag = 'all'";
    Result on = run(sql, true);
    assertThat(on.rows()).containsExactly("[19980]").isEqualTo(run(sql, false).rows());
    assertThat(on.plan()).contains("(adaptive, isFinalPlan=true)").doesNotContain("runtime_filter");
    assertThat(on.factRows()).isEqualTo(20000);
  }

  @Test
  void staticBroadcastJoinFiltersItsStreamScanWithTheBroadcastKeys() {
    session.conf().set("spark.sql.autoBroadcastJoinThreshold", "10m");
    String sql = "SELECT f.id, f.k FROM facts f JOIN dims d ON f.id = d.id WHERE d.tag = 'a'";
    Result on = run(sql, true);
    Result off = run(sql, false);
    assertThat(on.rows()).containsExactly("[17,17]", "[5,5]").isEqualTo(off.rows());
    assertThat(on.plan()).contains("BroadcastHashJoin").doesNotContain("adaptive")
        .contains("runtime_filter(id#").contains("from [dynamic id#");
    assertThat(off.plan()).doesNotContain("runtime_filter");
    assertThat(on.factRows()).isEqualTo(2);
    assertThat(off.factRows()).isEqualTo(20000);
    // A right outer join streams its preserved side, facts: never filtered.
    String outer = "SELECT count(*), count(d.id) FROM (SELECT id FROM dims WHERE tag = 'a') d RIGHT JOIN facts f "
        + "ON f.id = d.id";
    Result outerOn = run(outer, true);
    assertThat(outerOn.rows()).containsExactly("[20000,2]").isEqualTo(run(outer, false).rows());
    assertThat(outerOn.plan()).contains("BroadcastHashJoin").doesNotContain("runtime_filter");
    assertThat(outerOn.factRows()).isEqualTo(20000);
  }

  @Test
  void legalJoinTypes() {
    assertThat(DynamicJoinFilter.legal(JoinType.INNER, true)).isTrue();
    assertThat(DynamicJoinFilter.legal(JoinType.INNER, false)).isTrue();
    assertThat(DynamicJoinFilter.legal(JoinType.LEFT_SEMI, true)).isTrue();
    // Probing the right side (a build-left join): right rows without a left partner are never emitted.
    assertThat(DynamicJoinFilter.legal(JoinType.LEFT_SEMI, false)).isTrue();
    assertThat(DynamicJoinFilter.legal(JoinType.LEFT_ANTI, false)).isTrue();
    assertThat(DynamicJoinFilter.legal(JoinType.LEFT_OUTER, false)).isTrue();
    assertThat(DynamicJoinFilter.legal(JoinType.LEFT_ANTI, true)).isFalse();
    assertThat(DynamicJoinFilter.legal(JoinType.LEFT_OUTER, true)).isFalse();
    assertThat(DynamicJoinFilter.legal(JoinType.RIGHT_OUTER, false)).isFalse();
    assertThat(DynamicJoinFilter.legal(JoinType.FULL_OUTER, true)).isFalse();
    assertThat(DynamicJoinFilter.legal(JoinType.FULL_OUTER, false)).isFalse();
  }
}
