package dev.ember.sql.execution.adaptive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.RowFactory;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.datasources.FileSourceScanExec;
import dev.ember.sql.execution.join.JoinSelection;
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
 * A semi or anti join building its small left side is never broadcast, but its left side, materialized first,
 * filters the right side's Parquet scan by its keys; a right side that then turns out small is broadcast, the
 * left side streamed. facts (Parquet): ids 0..19999, those ending in 999 NULL, k = id % 100 (200 facts per k).
 * few (Parquet): ids 5, 17, 999 (whose fact is NULL), 30000 (beyond facts) and NULL. The run-time broadcast
 * threshold is 1 KB unless a test raises it: few fits, 400 facts of two k values do not.
 */
class SemiAntiBuildLeftFilterTest {

  @TempDir
  Path dir;
  private EmberSession session;

  @BeforeEach
  void start() {
    session = EmberSession.builder().master("local[2]").appName("SemiAntiBuildLeftFilterTest")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.autoBroadcastJoinThreshold", "-1")
        .config("spark.sql.optimizer.runtime.bloomFilter.enabled", "false")
        .config("spark.sql.adaptive.autoBroadcastJoinThreshold", "1k").getOrCreate();
    List<Row> facts = new ArrayList<>();
    for (long id = 0; id < 20000; id++) {
      facts.add(RowFactory.create(id % 1000 == 999 ? null : id, id % 100));
    }
    session.createDataFrame(facts, new StructType().add("id", DataTypes.LongType).add("k", DataTypes.LongType))
        .write().parquet(dir.resolve("facts").toString());
    List<Row> few = new ArrayList<>();
    for (Long id : new Long[] {5L, 17L, 999L, 30000L, null}) {
      few.add(RowFactory.create(id, "a"));
    }
    session.createDataFrame(few, new StructType().add("id", DataTypes.LongType).add("tag", DataTypes.StringType))
        .write().parquet(dir.resolve("few").toString());
    session.read().parquet(dir.resolve("facts").toString()).createOrReplaceTempView("facts");
    session.read().parquet(dir.resolve("few").toString()).createOrReplaceTempView("few");
  }

  @AfterEach
  void stop() {
    session.stop();
  }

  private record Result(List<String> rows, String plan, long factRows) {}

  private Result run(String sql, boolean buildLeft) {
    session.conf().set(JoinSelection.SEMI_ANTI_BUILD_LEFT_KEY, Boolean.toString(buildLeft));
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

  @Test
  void semiJoinBuildingItsLeftSideFiltersTheRightScan() {
    String sql = "SELECT id, tag FROM few WHERE EXISTS (SELECT 1 FROM facts WHERE facts.k = few.id)";
    Result left = run(sql, true);
    assertThat(left.rows()).containsExactly("[17,a]", "[5,a]").isEqualTo(run(sql, false).rows());
    assertThat(left.plan()).contains("LeftSemi, BuildLeft (adaptive, isFinalPlan=true)")
        .contains("runtime_filter(k#").doesNotContain("BroadcastHashJoin");
    // Only the 200 facts of k = 5 and the 200 of k = 17 pass the scan.
    assertThat(left.factRows()).isEqualTo(400);
  }

  @Test
  void antiJoinBuildingItsLeftSideFiltersTheRightScan() {
    String sql = "SELECT id FROM few WHERE NOT EXISTS (SELECT 1 FROM facts WHERE facts.k = few.id "
        + "AND facts.id > few.id * 1000)";
    Result left = run(sql, true);
    // k = 5 has fact 19905 over 5000 and k = 17 fact 19917 over 17000; 999, 30000 and NULL meet no fact.
    assertThat(left.rows()).containsExactly("[30000]", "[999]", "[null]").isEqualTo(run(sql, false).rows());
    assertThat(left.plan()).contains("LeftAnti, BuildLeft").contains("runtime_filter(k#");
  }

  @Test
  void smallRightSideIsBroadcastAndTheLeftStreamed() {
    session.conf().set("spark.sql.adaptive.autoBroadcastJoinThreshold", "1m");
    String sql = "SELECT id FROM few WHERE NOT EXISTS (SELECT 1 FROM facts WHERE facts.id = few.id AND k < 10)";
    Result left = run(sql, true);
    // 5 and 17 have facts with k = 5 and 17; only 5 passes k < 10. 999, 30000 and NULL meet none.
    assertThat(left.rows()).containsExactly("[17]", "[30000]", "[999]", "[null]")
        .isEqualTo(run(sql, false).rows());
    assertThat(left.plan()).contains("BroadcastHashJoin [id#").contains("LeftAnti, BuildRight")
        .contains("(adaptive, isFinalPlan=true)").contains("runtime_filter(id#").doesNotContain("BuildLeft");
    assertThat(left.factRows()).isLessThanOrEqualTo(2);
  }

  @Test
  void semiJoinWhoseOutputIsZippedFiltersWithinItsStage() {
    // The inner join zips the semi join's output with facts g in one stage: the three exchanges are coalesced
    // together, and the semi join's left keys filter facts f before the stage's map stages run.
    String sql = "SELECT s.id, count(*) FROM (SELECT id FROM few WHERE EXISTS (SELECT 1 FROM facts f "
        + "WHERE f.k = few.id)) s JOIN facts g ON s.id = g.k GROUP BY s.id";
    Result left = run(sql, true);
    assertThat(left.rows()).containsExactly("[17,200]", "[5,200]").isEqualTo(run(sql, false).rows());
    assertThat(left.plan()).contains("LeftSemi, BuildLeft").contains("AQEShuffleRead")
        .containsPattern("runtime_filter\\(k#\\d+, .* from \\[dynamic id#");
    // 400 rows of f pass the semi join's filter, 400 of g the inner join's.
    assertThat(left.factRows()).isEqualTo(800);
  }

  @Test
  void noFilterWhenRuntimeFiltersAreOff() {
    session.conf().set(AdaptiveJoinSettings.RUNTIME_FILTER_KEY, "false");
    String sql = "SELECT id FROM few WHERE EXISTS (SELECT 1 FROM facts WHERE facts.k = few.id)";
    Result left = run(sql, true);
    assertThat(left.rows()).containsExactly("[17]", "[5]");
    assertThat(left.plan()).contains("LeftSemi, BuildLeft").doesNotContain("runtime_filter");
    assertThat(left.factRows()).isEqualTo(20000);
  }
}
