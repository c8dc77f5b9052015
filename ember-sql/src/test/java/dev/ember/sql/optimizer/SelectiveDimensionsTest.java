package dev.ember.sql.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.analysis.Analyzer;
import dev.ember.sql.analysis.SessionCatalog;
import dev.ember.sql.parser.SqlParser;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * ReorderJoin's folding of selective small relations into the one relation they join: chains, stars,
 * snowflakes, a dimension joined to two relations, conditions and cross joins kept, and the FROM order kept
 * when nothing is selective or the relation is too big.
 */
class SelectiveDimensionsTest {

  private final SessionCatalog catalog = new SessionCatalog();

  SelectiveDimensionsTest() {
    // A fact table f and dimensions a, b, c (c's crk references r), all empty: 0 estimated bytes.
    table("f", List.of("fa", "fb", "fc", "fv"), List.of());
    table("a", List.of("ak", "av"), List.of());
    table("b", List.of("bk", "bv"), List.of());
    table("c", List.of("ck", "crk", "cv"), List.of());
    table("r", List.of("rk", "rv"), List.of());
    // Two rows of 16 bytes each: 32 estimated bytes.
    table("big", List.of("gk", "gv"), List.of(List.of(1, 1), List.of(2, 2)));
  }

  private void table(String name, List<String> columns, List<List<Object>> rows) {
    List<AttributeReference> output = new ArrayList<>();
    for (String column : columns) {
      output.add(AttributeReference.create(column, DataTypes.IntegerType, true));
    }
    catalog.createTempView(name, new LocalRelation(output, rows), false);
  }

  private LogicalPlan analyzed(String sql) {
    return new EliminateSubqueryAliases().apply(new Analyzer(catalog).analyze(new SqlParser().parsePlan(sql)));
  }

  private LogicalPlan reordered(String sql) {
    return new ReorderJoin().apply(analyzed(sql));
  }

  /** The joins bottom-up (post-order: a join's inputs before it). */
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

  /** Every conjunct of every join condition and filter in {@code plan}, as SQL. */
  private static Set<String> conjuncts(LogicalPlan plan) {
    Set<String> out = new TreeSet<>();
    plan.transformUp(node -> {
      Expression condition = node instanceof Join join ? join.condition()
          : node instanceof Filter filter ? filter.condition() : null;
      if (condition != null) {
        Predicates.conjuncts(condition).forEach(c -> out.add(c.sql()));
      }
      return node;
    });
    return out;
  }

  @Test
  void aFilteredDimensionLastInFromIsJoinedToItsFactFirst() {
    LogicalPlan plan = reordered("SELECT * FROM a, f, b WHERE fa = ak AND fb = bk AND bv = 3");
    List<Join> joins = joins(plan);
    assertThat(joins).hasSize(2);
    Join lower = joins.get(0);
    assertThat(lower.condition().sql()).isEqualTo("(fb = bk)");
    assertThat(lower.left().output().get(0).name()).isEqualTo("fa");
    assertThat(((Filter) lower.right()).condition().sql()).isEqualTo("(bv = 3)");
    assertThat(joins.get(1).condition().sql()).isEqualTo("(fa = ak)");
    assertThat(joins).allSatisfy(j -> assertThat(j.joinType()).isEqualTo(JoinType.INNER));
    // The output keeps the FROM order.
    assertThat(plan.output().stream().map(AttributeReference::name).toList())
        .containsExactly("ak", "av", "fa", "fb", "fc", "fv", "bk", "bv");
  }

  @Test
  void aStarFoldsEverySelectiveDimensionIntoTheFact() {
    LogicalPlan plan = reordered(
        "SELECT * FROM a, b, f, c WHERE fa = ak AND fb = bk AND fc = ck AND av IN (1, 2) AND cv < 5");
    List<Join> joins = joins(plan);
    assertThat(joins).extracting(j -> j.condition().sql())
        .containsExactly("(fa = ak)", "(fc = ck)", "(fb = bk)");
  }

  @Test
  void aSnowflakeChainFoldsRegionIntoItsDimensionAndThatIntoTheFact() {
    // r is filtered and joins only c; c joined to r is then selective and joins only f.
    LogicalPlan plan = reordered(
        "SELECT * FROM a, f, c, r WHERE fa = ak AND fc = ck AND crk = rk AND rv = 7");
    List<Join> joins = joins(plan);
    assertThat(joins).extracting(j -> j.condition().sql())
        .containsExactly("(crk = rk)", "(fc = ck)", "(fa = ak)");
    Join middle = joins.get(1);
    assertThat(middle.right()).isEqualTo(joins.get(0));
  }

  @Test
  void aDimensionJoinedToTwoRelationsIsNotFolded() {
    String sql = "SELECT * FROM a, f, b WHERE fa = ak AND fb = bk AND bv = av AND bk = 1";
    LogicalPlan plan = reordered(sql);
    assertThat(plan).isEqualTo(new ReorderJoin(-1).apply(analyzed(sql)));
    assertThat(joins(plan).get(0).condition().sql()).isEqualTo("(fa = ak)");
  }

  @Test
  void foldingKeepsEveryConditionAndAddsNoCrossJoin() {
    String sql = "SELECT * FROM a, f, c, r WHERE fa = ak AND fc = ck AND crk = rk AND rv = 7 AND av + cv > rv "
        + "AND fv = 1";
    LogicalPlan analyzed = analyzed(sql);
    LogicalPlan plan = new ReorderJoin().apply(analyzed);
    assertThat(conjuncts(plan)).isEqualTo(conjuncts(analyzed.children().get(0)));
    assertThat(joins(plan)).noneSatisfy(j -> assertThat(j.joinType()).isEqualTo(JoinType.CROSS));
  }

  @Test
  void aCrossJoinOfTheFromListStaysTheOnlyOne() {
    // a connects to nothing: b folds into f, and a is crossed with them, as before.
    LogicalPlan plan = reordered("SELECT * FROM a, f, b WHERE fb = bk AND bv = 1");
    List<Join> joins = joins(plan);
    assertThat(joins).extracting(Join::joinType).containsExactly(JoinType.INNER, JoinType.CROSS);
    assertThat(joins.get(0).condition().sql()).isEqualTo("(fb = bk)");
  }

  @Test
  void theFromOrderStaysWhenNothingIsSelective() {
    for (String sql : List.of(
        "SELECT * FROM a, f, b WHERE fa = ak AND fb = bk AND bk IS NOT NULL",
        "SELECT * FROM a, f, b WHERE fa = ak AND fb = bk AND bv > bk",
        "SELECT * FROM a, f, b WHERE fa = ak AND fb = bk AND bv != 3")) {
      LogicalPlan plan = reordered(sql);
      assertThat(plan).as(sql).isEqualTo(new ReorderJoin(-1).apply(analyzed(sql)));
      assertThat(joins(plan).get(0).condition().sql()).as(sql).isEqualTo("(fa = ak)");
    }
  }

  @Test
  void aRelationOverTheThresholdIsNotFolded() {
    String sql = "SELECT * FROM a, f, big WHERE fa = ak AND fb = gk AND gv = 3";
    assertThat(joins(new ReorderJoin(31).apply(analyzed(sql))).get(0).condition().sql()).isEqualTo("(fa = ak)");
    assertThat(joins(new ReorderJoin(32).apply(analyzed(sql))).get(0).condition().sql()).isEqualTo("(fb = gk)");
  }

  @Test
  void aPredicateImpliedByAConditionOverTwoRelationsMakesEachSelective() {
    // Q7's nation pair: neither a nor b has a filter of its own, but the OR implies one over each.
    LogicalPlan plan = reordered("SELECT * FROM f, a, b WHERE fa = ak AND fb = bk "
        + "AND ((av = 1 AND bv = 2) OR (av = 2 AND bv = 1)) AND fv > 0");
    List<Join> joins = joins(plan);
    assertThat(joins).hasSize(2);
    assertThat(joins.get(0).condition().sql()).isEqualTo("(fa = ak)");
    assertThat(joins.get(1).condition().sql())
        .isEqualTo("((fb = bk) AND (((av = 1) AND (bv = 2)) OR ((av = 2) AND (bv = 1))))");
  }

  @Test
  void theOptimizerWithReorderJoinExcludedKeepsTheFromOrder() {
    String sql = "SELECT * FROM a, f, b WHERE fa = ak AND fb = bk AND bv = 3";
    LogicalPlan optimized = new Optimizer(Set.of("ReorderJoin")).optimize(analyzed(sql));
    assertThat(joins(optimized)).extracting(j -> j.condition().sql()).containsExactly("(fa = ak)", "(fb = bk)");
    LogicalPlan folded = new Optimizer(Set.of()).optimize(analyzed(sql));
    assertThat(joins(folded).get(0).condition().sql()).isEqualTo("(fb = bk)");
  }

  @Test
  void selectivePredicatesCompareAColumnWithConstants() {
    LogicalPlan plan = analyzed("SELECT * FROM a WHERE av = 1 AND av IN (1, 2) AND CAST(av AS STRING) LIKE '1%' "
        + "AND av < 3 AND (av = 1 OR av > 5) AND av IS NOT NULL AND av != 2 AND av > ak AND (av = 1 OR ak > av)");
    List<Expression> conjuncts = Predicates.conjuncts(((Filter) plan.children().get(0)).condition());
    assertThat(conjuncts).extracting(SelectiveDimensions::isSelective)
        .containsExactly(true, true, true, true, true, false, false, false, false);
  }
}
