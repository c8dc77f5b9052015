package dev.ember.sql.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.analysis.Analyzer;
import dev.ember.sql.analysis.SessionCatalog;
import dev.ember.sql.parser.SqlParser;
import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptimizerTest {

  private final SessionCatalog catalog = new SessionCatalog();
  private final AttributeReference a = AttributeReference.create("a", DataTypes.IntegerType, true);
  private final AttributeReference b = AttributeReference.create("b", DataTypes.StringType, true);

  OptimizerTest() {
    catalog.createTempView("t", new LocalRelation(List.of(a, b), List.of()), false);
  }

  private LogicalPlan optimize(String sql, Set<String> excluded) {
    LogicalPlan analyzed = new Analyzer(catalog).analyze(new SqlParser().parsePlan(sql));
    return new Optimizer(excluded).optimize(analyzed);
  }

  @Test
  void constantFoldingComputesConstantSubtreesOnce() {
    Project project = (Project) optimize("SELECT a + (1 + 2) * 3, CAST('5' AS INT) FROM t", Set.of());
    assertThat(project.projectList().get(0).sql()).isEqualTo("(a + 9) AS `(a + ((1 + 2) * 3))`");
    assertThat(((dev.ember.sql.plan.expressions.Alias) project.projectList().get(1)).child())
        .isEqualTo(Literal.of(5));
  }

  @Test
  void filtersArePushedBelowProjectsAndCombined() {
    LogicalPlan plan = optimize("SELECT x FROM (SELECT a + 1 AS x FROM t WHERE b = 'k') s WHERE x > 2", Set.of());
    Project project = (Project) plan;
    assertThat(project.projectList().get(0).sql()).isEqualTo("(a + 1) AS `x`");
    Filter filter = (Filter) project.child();
    assertThat(filter.condition().sql()).isEqualTo("((b = 'k') AND ((a + 1) > 2))");
    assertThat(filter.child()).isInstanceOf(LocalRelation.class);
  }

  @Test
  void excludedRulesDoNotRunAndAcceptSparkNames() {
    Set<String> excluded = Set.of("org.apache.spark.sql.catalyst.optimizer.CombineFilters", "ConstantFolding");
    Optimizer optimizer = new Optimizer(excluded);
    assertThat(optimizer.activeRules()).containsExactly("PushFilterThroughProject", "FactorCommonConjuncts",
        "ReorderJoin", "PushPredicateThroughJoin", "PushLeftSemiLeftAntiThroughJoin", "CollapseProject",
        "RemoveRedundantProject", "PruneColumns", "PushDownIntoScans");
    assertThat(new Optimizer(Set.of("PushLeftSemiLeftAntiThroughJoin")).activeRules())
        .doesNotContain("PushLeftSemiLeftAntiThroughJoin");
    LogicalPlan plan = optimize("SELECT x FROM (SELECT a AS x FROM t WHERE a > 1 + 1) s WHERE x < 9", excluded);
    Filter outer = (Filter) ((Project) plan).child();
    assertThat(outer.child()).isInstanceOf(Filter.class);
    assertThat(((Filter) outer.child()).condition().sql()).isEqualTo("(a > (1 + 1))");
  }

  @Test
  void distinctBecomesAnAggregate() {
    LogicalPlan plan = optimize("SELECT DISTINCT a FROM t", Set.of());
    assertThat(plan).isInstanceOf(Aggregate.class);
    assertThat(((Aggregate) plan).grouping()).containsExactly(a);
  }

  @Test
  void optimizingIsIdempotent() {
    LogicalPlan once = optimize("SELECT a FROM t WHERE a > 1 AND 2 > 1", Set.of());
    assertThat(new Optimizer(Set.of()).optimize(once)).isEqualTo(once);
  }

  @Test
  void pruneColumnsKeepsOnlyWhatTheQueryReads() {
    catalog.createTempView("v", new SqlParserBacked().values(), true);
    LogicalPlan plan = optimize("SELECT count(*) FROM v WHERE x > 1", Set.of());
    // The view's SELECT * is removed as a no-op; count(*) reads no column, the filter reads x.
    LocalRelation relation = (LocalRelation) ((Filter) ((Aggregate) plan).child()).child();
    assertThat(relation.output()).extracting(AttributeReference::name).containsExactly("x");
    assertThat(relation.rows()).containsExactly(List.of(1), List.of(2));
    LogicalPlan all = optimize("SELECT * FROM v", Set.of());
    assertThat(((LocalRelation) all).output()).hasSize(2);
    Project renamed = (Project) optimize("SELECT x AS z, y FROM v", Set.of());
    assertThat(renamed.output()).extracting(AttributeReference::name).containsExactly("z", "y");
  }

  /** Analyzes VALUES into a relation with two columns, as the catalog would hold it. */
  private final class SqlParserBacked {
    LogicalPlan values() {
      return new Analyzer(catalog).analyze(new SqlParser().parsePlan(
          "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(x, y)"));
    }
  }
}
