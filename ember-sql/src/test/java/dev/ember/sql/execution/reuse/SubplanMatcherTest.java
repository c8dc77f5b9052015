package dev.ember.sql.execution.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.EmberSession;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which optimized subplans compute the same rows, and how their columns pair up. */
class SubplanMatcherTest {

  @TempDir
  static Path warehouse;

  private static EmberSession session;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[1]").appName("SubplanMatcherTest")
        .config("spark.sql.warehouse.dir", warehouse.toString()).getOrCreate();
    session.sql("CREATE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 10), (2, 20), (NULL, 30) AS t(k, v)");
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static LogicalPlan plan(String sql) {
    return session.sql(sql).queryExecution().optimizedPlan();
  }

  @Test
  void equalPlansMatchColumnForColumn() {
    LogicalPlan target = plan("SELECT k, sum(v) AS s FROM t WHERE v > 5 GROUP BY k");
    LogicalPlan candidate = plan("SELECT k, sum(v) AS s FROM t WHERE v > 5 GROUP BY k");
    Optional<List<AttributeReference>> paired = SubplanMatcher.match(candidate, target);
    assertThat(paired).contains(target.output());
    assertThat(SubplanMatcher.expensive(target)).isTrue();
  }

  @Test
  void renamedColumnsMatchTheirTargetColumns() {
    LogicalPlan target = plan("SELECT k AS a, sum(v) AS s FROM t WHERE v > 5 GROUP BY k");
    LogicalPlan candidate = plan("SELECT sum(v) AS total, k AS b FROM t WHERE v > 5 GROUP BY k");
    Optional<List<AttributeReference>> paired = SubplanMatcher.match(candidate, target);
    assertThat(paired).isPresent();
    assertThat(paired.get()).containsExactly(target.output().get(1), target.output().get(0));
    LogicalPlan same = plan("SELECT k AS b, sum(v) AS total FROM t WHERE v > 5 GROUP BY k");
    assertThat(SubplanMatcher.match(same, target)).contains(target.output());
  }

  @Test
  void differentFiltersOrAggregatesDoNotMatch() {
    LogicalPlan target = plan("SELECT k, sum(v) AS s FROM t WHERE v > 5 GROUP BY k");
    assertThat(SubplanMatcher.match(plan("SELECT k, sum(v) AS s FROM t WHERE v > 6 GROUP BY k"), target)).isEmpty();
    assertThat(SubplanMatcher.match(plan("SELECT k, max(v) AS s FROM t WHERE v > 5 GROUP BY k"), target)).isEmpty();
    assertThat(SubplanMatcher.match(plan("SELECT v, sum(k) AS s FROM t WHERE v > 5 GROUP BY v"), target)).isEmpty();
  }

  @Test
  void nondeterministicPlansNeverMatch() {
    String sql = "SELECT k, sum(v) AS s FROM t WHERE rand() < 0.5 GROUP BY k";
    LogicalPlan target = plan(sql);
    assertThat(SubplanMatcher.deterministic(target)).isFalse();
    assertThat(SubplanMatcher.match(plan(sql), target)).isEmpty();
    assertThat(SubplanMatcher.match(target, target)).isEmpty();
  }

  @Test
  void prunedAggregateOfAViewReadTwiceMatches() {
    // Read twice in one query, the view's relation gets fresh column identities; the subquery drops k.
    session.sql("CREATE OR REPLACE TEMPORARY VIEW totals AS SELECT k, sum(v) AS s FROM t GROUP BY k");
    LogicalPlan target = plan("SELECT k, s FROM totals");
    LogicalPlan candidate = plan("SELECT s AS other FROM totals");
    assertThat(SubplanMatcher.match(candidate, target)).contains(List.of(target.output().get(1)));
    assertThat(SubplanMatcher.match(target, candidate)).isEmpty();
  }

  @Test
  void bareScanIsNotWorthSharing() {
    assertThat(SubplanMatcher.expensive(plan("SELECT k FROM t"))).isFalse();
  }
}
