package dev.ember.sql.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.expressions.ScalarSubquery;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Correlated scalar subqueries in the output of an aggregate: computed once per group in a project above it, the
 * subquery's join running over the aggregated rows, and the error for one reading a column not grouped.
 */
class AggregateSubqueryPullUpTest {

  private static EmberSession session;

  @BeforeAll
  static void createViews() {
    session = EmberSession.builder().master("local[1]").appName("AggregateSubqueryPullUpTest").getOrCreate();
    session.sql("CREATE TEMPORARY VIEW t AS SELECT * FROM (VALUES (1, 10), (1, 20), (2, 30), (3, 40)) AS t(g, v)");
    session.sql("CREATE TEMPORARY VIEW u AS SELECT * FROM (VALUES (1), (1), (2)) AS u(x)");
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @Test
  void subqueryIsJoinedAboveTheAggregate() {
    String query = "SELECT g, count(*) * 10 + (SELECT count(*) FROM u WHERE u.x = t.g) AS n FROM t GROUP BY g";
    LogicalPlan optimized = session.sql(query).queryExecution().optimizedPlan();
    assertThat(find(optimized, p -> p.expressions().stream()
        .anyMatch(e -> e.exists(x -> x instanceof ScalarSubquery)))).isNull();
    // The left outer join's outer side is the aggregate of t, so the subquery runs once per group.
    Join join = (Join) find(optimized, p -> p instanceof Join j && j.joinType() == JoinType.LEFT_OUTER);
    assertThat(find(join.left(), p -> p instanceof Aggregate)).isNotNull();
    assertThat(optimized).isInstanceOf(Project.class);
    List<Row> rows = session.sql(query + " ORDER BY g").collectAsList();
    // g=1: two rows, two matches; g=2: one row, one match; g=3: one row, no match (count 0, not NULL).
    assertThat(rows).extracting(Row::toString).containsExactly("[1,22]", "[2,11]", "[3,10]");
  }

  @Test
  void readingAColumnNotGroupedNamesTheSubqueryAndItsPosition() {
    assertThatThrownBy(() -> session.sql("SELECT g, (SELECT count(*) FROM u WHERE u.x = t.v) FROM t GROUP BY g")
        .collectAsList())
        .isInstanceOfSatisfying(AnalysisException.class, e -> {
          assertThat(e.getCondition()).isEqualTo("SCALAR_SUBQUERY_IS_IN_GROUP_BY_OR_AGGREGATE_FUNCTION");
          assertThat(e.getMessage()).contains("'\"scalarsubquery(v)\"'").contains("line 1 pos 10");
        });
  }

  private static LogicalPlan find(LogicalPlan plan, Predicate<LogicalPlan> test) {
    if (test.test(plan)) {
      return plan;
    }
    for (LogicalPlan child : plan.children()) {
      LogicalPlan found = find(child, test);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
