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

/** A candidate whose file scans read fewer of a table's columns than the target's matches only where rows agree. */
class WidenedScanMatchTest {

  @TempDir
  static Path warehouse;

  private static EmberSession session;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[1]").appName("WidenedScanMatchTest")
        .config("spark.sql.warehouse.dir", warehouse.toString()).getOrCreate();
    session.sql("CREATE TABLE w (k INT, g INT, v INT) USING parquet");
    session.sql("INSERT INTO w VALUES (1, 10, 5), (1, 20, 7), (2, 10, 12), (NULL, 20, 9)");
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static LogicalPlan plan(String sql) {
    return session.sql(sql).queryExecution().optimizedPlan();
  }

  @Test
  void filteredScanReadingFewerColumnsMatchesItsColumns() {
    LogicalPlan target = plan("SELECT k, g, v FROM w WHERE v > 6");
    LogicalPlan candidate = plan("SELECT v, k FROM w WHERE v > 6");
    Optional<List<AttributeReference>> paired = SubplanMatcher.match(candidate, target);
    assertThat(paired).isPresent();
    assertThat(paired.get()).extracting(AttributeReference::name).containsExactly("v", "k");
    assertThat(paired.get()).allMatch(column -> target.output().contains(column));
  }

  @Test
  void joinOverNarrowerScansMatches() {
    LogicalPlan target = plan("SELECT a.k, a.g, b.v FROM w a JOIN w b ON a.k = b.k WHERE a.v > 6");
    LogicalPlan candidate = plan("SELECT b.v FROM w a JOIN w b ON a.k = b.k WHERE a.v > 6");
    assertThat(SubplanMatcher.match(candidate, target)).isPresent();
  }

  @Test
  void targetReadingFewerColumnsThanTheCandidateDoesNotMatch() {
    LogicalPlan target = plan("SELECT k FROM w WHERE v > 6");
    LogicalPlan candidate = plan("SELECT k, g FROM w WHERE v > 6");
    assertThat(SubplanMatcher.match(candidate, target)).isEmpty();
  }

  @Test
  void unionOverNarrowerScansIsNotMatched() {
    // A node that does not name the columns its rows depend on is never matched over a widened scan.
    LogicalPlan target = plan("SELECT k, g FROM w WHERE v > 6 UNION ALL SELECT k, g FROM w WHERE v > 8");
    LogicalPlan candidate = plan("SELECT k FROM w WHERE v > 6 UNION ALL SELECT k FROM w WHERE v > 8");
    assertThat(SubplanMatcher.match(candidate, target)).isEmpty();
  }

  @Test
  void differentFiltersDoNotMatchEvenWhenNarrower() {
    LogicalPlan target = plan("SELECT k, g, v FROM w WHERE v > 6");
    assertThat(SubplanMatcher.match(plan("SELECT k FROM w WHERE v > 7"), target)).isEmpty();
  }
}
