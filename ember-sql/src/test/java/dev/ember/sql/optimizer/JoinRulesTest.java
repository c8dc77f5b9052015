package dev.ember.sql.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.analysis.Analyzer;
import dev.ember.sql.analysis.SessionCatalog;
import dev.ember.sql.parser.SqlParser;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The join rules one at a time, on analyzed plans over three small tables: the shape each rule produces. */
class JoinRulesTest {

  private final SessionCatalog catalog = new SessionCatalog();

  JoinRulesTest() {
    for (String table : List.of("a", "b", "c")) {
      AttributeReference k = AttributeReference.create(table + "k", DataTypes.IntegerType, true);
      AttributeReference v = AttributeReference.create(table + "v", DataTypes.IntegerType, true);
      catalog.createTempView(table, new LocalRelation(List.of(k, v), List.of()), false);
    }
  }

  private LogicalPlan analyzed(String sql) {
    return new EliminateSubqueryAliases().apply(new Analyzer(catalog).analyze(new SqlParser().parsePlan(sql)));
  }

  private static List<Join> joins(LogicalPlan plan) {
    List<Join> out = new ArrayList<>();
    plan.transformUp(node -> {
      if (node instanceof Join join) {
        out.add(join);
      }
      return node;
    });
    return out;
  }

  @Test
  void reorderJoinAvoidsTheCartesianProductOfAFromList() {
    // FROM a, c, b joins a with c first as written, though only b connects to both. Folding off: the filtered a
    // would otherwise be folded into b first.
    LogicalPlan plan = new ReorderJoin(-1).apply(analyzed(
        "SELECT * FROM a, c, b WHERE ak = bk AND bv = cv AND av > 1"));
    List<Join> joins = joins(plan);
    assertThat(joins).hasSize(2).allSatisfy(j -> assertThat(j.joinType()).isEqualTo(JoinType.INNER));
    Join lower = joins.get(0);
    assertThat(lower.condition().sql()).isEqualTo("(ak = bk)");
    assertThat(lower.left()).isInstanceOf(Filter.class);
    assertThat(((Filter) lower.left()).condition().sql()).isEqualTo("(av > 1)");
    assertThat(joins.get(1).condition().sql()).isEqualTo("(bv = cv)");
    // The output keeps the FROM order.
    assertThat(plan.output().stream().map(AttributeReference::name).toList())
        .containsExactly("ak", "av", "ck", "cv", "bk", "bv");
  }

  @Test
  void reorderJoinKeepsACrossJoinOnlyWhenNothingConnects() {
    List<Join> joins = joins(new ReorderJoin().apply(analyzed("SELECT * FROM a, b, c WHERE ak = ck")));
    assertThat(joins.get(0).condition().sql()).isEqualTo("(ak = ck)");
    assertThat(joins.get(1).joinType()).isEqualTo(JoinType.CROSS);
  }

  @Test
  void filtersArePushedIntoTheSideTheyRead() {
    LogicalPlan plan = new PushPredicateThroughJoin().apply(analyzed(
        "SELECT * FROM a JOIN b ON ak = bk WHERE av = 1 AND bv = 2 AND av < bv"));
    Join join = joins(plan).get(0);
    assertThat(((Filter) join.left()).condition().sql()).isEqualTo("(av = 1)");
    assertThat(((Filter) join.right()).condition().sql()).isEqualTo("(bv = 2)");
    assertThat(join.condition().sql()).isEqualTo("((ak = bk) AND (av < bv))");
  }

  @Test
  void filtersStayAboveTheNullPaddedSideOfAnOuterJoin() {
    LogicalPlan plan = new PushPredicateThroughJoin().apply(analyzed(
        "SELECT * FROM a LEFT JOIN b ON ak = bk WHERE av = 1 AND bv IS NULL"));
    Filter top = (Filter) ((dev.ember.sql.plan.Project) plan).child();
    assertThat(top.condition().sql()).isEqualTo("(bv IS NULL)");
    Join join = (Join) top.child();
    assertThat(((Filter) join.left()).condition().sql()).isEqualTo("(av = 1)");
    assertThat(join.right()).isInstanceOf(LocalRelation.class);
  }

  @Test
  void outerJoinConditionsOnlyMoveIntoThePaddedSide() {
    Join join = joins(new PushPredicateThroughJoin().apply(analyzed(
        "SELECT * FROM a LEFT JOIN b ON ak = bk AND av = 1 AND bv = 2"))).get(0);
    // av = 1 must stay: left rows failing it are still emitted, NULL-padded.
    assertThat(join.condition().sql()).isEqualTo("((ak = bk) AND (av = 1))");
    assertThat(((Filter) join.right()).condition().sql()).isEqualTo("(bv = 2)");
  }

  @Test
  void inAndExistsBecomeSemiAndAntiJoins() {
    LogicalPlan plan = new RewritePredicateSubquery().apply(analyzed(
        "SELECT * FROM a WHERE ak IN (SELECT bk FROM b) AND NOT EXISTS (SELECT * FROM c WHERE ck = av) "
            + "AND av > 0"));
    List<Join> joins = joins(plan);
    assertThat(joins).extracting(Join::joinType).containsExactly(JoinType.LEFT_SEMI, JoinType.LEFT_ANTI);
    assertThat(joins.get(0).condition().sql()).isEqualTo("(ak = bk)");
    assertThat(joins.get(1).condition().sql()).isEqualTo("(ck = av)");
    assertThat(((Filter) joins.get(0).left()).condition().sql()).isEqualTo("(av > 0)");
  }

  @Test
  void notInIsANullAwareAntiJoin() {
    Join join = joins(new RewritePredicateSubquery().apply(analyzed(
        "SELECT * FROM a WHERE ak NOT IN (SELECT bk FROM b)"))).get(0);
    assertThat(join.joinType()).isEqualTo(JoinType.LEFT_ANTI);
    assertThat(join.condition().sql()).isEqualTo("((ak = bk) OR ((ak = bk) IS NULL))");
  }

  @Test
  void correlatedScalarAggregateBecomesAGroupedLeftOuterJoin() {
    LogicalPlan plan = new RewriteCorrelatedScalarSubquery().apply(analyzed(
        "SELECT * FROM a WHERE av > (SELECT max(bv) FROM b WHERE bk = ak)"));
    Join join = joins(plan).get(0);
    assertThat(join.joinType()).isEqualTo(JoinType.LEFT_OUTER);
    assertThat(join.condition().sql()).isEqualTo("(bk = ak)");
    dev.ember.sql.plan.Aggregate aggregate = (dev.ember.sql.plan.Aggregate) join.right();
    assertThat(aggregate.grouping()).extracting(e -> e.sql()).containsExactly("bk");
    assertThat(plan.output()).extracting(AttributeReference::name).containsExactly("ak", "av");
  }

  @Test
  void correlationUnderAnAggregateOfAnExistsIsUnsupported() {
    assertThatThrownBy(() -> new RewritePredicateSubquery().apply(analyzed(
        "SELECT * FROM a WHERE EXISTS (SELECT max(bv) FROM b WHERE bk = ak GROUP BY bk)")))
        .isInstanceOfSatisfying(AnalysisException.class,
            e -> assertThat(e.getCondition()).isEqualTo("UNSUPPORTED_FEATURE"));
  }

  @Test
  void intersectAndExceptBecomeNullSafeSemiAndAntiJoins() {
    Join intersect = joins(new ReplaceIntersectWithJoin().apply(analyzed(
        "SELECT ak FROM a INTERSECT SELECT bk FROM b"))).get(0);
    assertThat(intersect.joinType()).isEqualTo(JoinType.LEFT_SEMI);
    assertThat(intersect.condition().sql()).isEqualTo("(ak <=> bk)");
    Join except = joins(new ReplaceExceptWithJoin().apply(analyzed(
        "SELECT ak FROM a EXCEPT SELECT bk FROM b"))).get(0);
    assertThat(except.joinType()).isEqualTo(JoinType.LEFT_ANTI);
  }

  @Test
  void conjunctsSharedByEveryBranchOfAnOrAreTakenOut() {
    Filter filter = (Filter) ((dev.ember.sql.plan.Project) new FactorCommonConjuncts().apply(analyzed(
        "SELECT * FROM a, b WHERE (ak = bk AND av = 1) OR (ak = bk AND bv = 2) OR (bv = 3 AND ak = bk)")))
        .child();
    assertThat(filter.condition().sql()).isEqualTo("((ak = bk) AND (((av = 1) OR (bv = 2)) OR (bv = 3)))");
    Filter implied = (Filter) ((dev.ember.sql.plan.Project) new FactorCommonConjuncts().apply(analyzed(
        "SELECT * FROM a WHERE (ak = 1 AND av = 2) OR ak = 1"))).child();
    assertThat(implied.condition().sql()).isEqualTo("(ak = 1)");
  }

  @Test
  void predicatesWithAnUncorrelatedScalarSubqueryArePushedLikeConstants() {
    LogicalPlan plan = new ReorderJoin().apply(analyzed(
        "SELECT * FROM a, b WHERE ak = bk AND bv = (SELECT max(cv) FROM c)"));
    Join join = joins(plan).get(0);
    assertThat(join.condition().sql()).isEqualTo("(ak = bk)");
    assertThat(((Filter) join.right()).condition().sql()).isEqualTo("(bv = scalarsubquery())");
  }
}
