package dev.ember.sql.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Correlated scalar subqueries through a session: the domain join for non-equality correlation on a self-join
 * (hand-computed), and the errors of the forms not decorrelated, whose messages name columns qualified.
 */
class RewriteCorrelatedScalarSubqueryTest {

  private static EmberSession session;

  @BeforeAll
  static void createViews() {
    session = EmberSession.builder().master("local[1]").appName("RewriteCorrelatedScalarSubqueryTest")
        .getOrCreate();
    session.sql("CREATE TEMPORARY VIEW t AS SELECT * FROM (VALUES (1, 5), (2, 7), (3, 1), (NULL, 9)) AS t(a, b)");
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @Test
  void selfJoinWithLessThanCorrelationSeesTheEarlierRows() {
    List<Row> rows = session.sql("SELECT a, (SELECT max(b) FROM t t2 WHERE t2.a < t.a) AS m, "
        + "(SELECT count(*) FROM t t2 WHERE t2.a < t.a) AS n FROM t ORDER BY a NULLS LAST").collectAsList();
    // a=1: no earlier row; a=2: b 5; a=3: max(5, 7); NULL compares to nothing.
    assertThat(rows).extracting(Row::toString)
        .containsExactly("[1,null,0]", "[2,5,1]", "[3,7,2]", "[null,null,0]");
  }

  @Test
  void correlationInsideAJoinNamesTheQualifiedOuterColumn() {
    assertThatThrownBy(() -> session.sql("SELECT a, (SELECT max(t2.b) FROM t t2 JOIN t t3 ON t3.a = t.a) FROM t")
        .collectAsList())
        .isInstanceOfSatisfying(AnalysisException.class, e -> {
          assertThat(e.getCondition()).isEqualTo("UNSUPPORTED_FEATURE");
          assertThat(e.getMessage()).contains("outer references (t.a)");
        });
  }

  @Test
  void nonAggregatedSubqueryMustAggregate() {
    assertThatThrownBy(() -> session.sql("SELECT a, (SELECT b FROM t t2 WHERE t2.a < t.a) FROM t").collectAsList())
        .isInstanceOfSatisfying(AnalysisException.class, e -> assertThat(e.getCondition())
            .isEqualTo("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.MUST_AGGREGATE_CORRELATED_SCALAR_SUBQUERY"));
  }
}
