package dev.ember.sql.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.joinfilter.RuntimeFilter;
import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.Limit;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.In;
import dev.ember.sql.plan.expressions.IsNotNull;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where InjectRuntimeFilter places runtime join filters, and where it must not. */
class InjectRuntimeFilterTest {

  private static final long MB = 1L << 20;
  private final AttributeReference factKey = column("f_key");
  private final AttributeReference factValue = column("f_value");
  private final AttributeReference dimKey = column("d_key");
  private final AttributeReference dimCategory = AttributeReference.create("d_cat", DataTypes.StringType, true);
  private final FakeScan fact = new FakeScan("fact", List.of(factKey, factValue), 100 * MB, List.of());
  private final FakeScan dim = new FakeScan("dim", List.of(dimKey, dimCategory), MB, List.of());
  private final Expression selective = new BinaryComparison(ComparisonOperator.EQUAL, dimCategory,
      Literal.of("a"));
  private final LogicalPlan filteredDim = new Filter(selective, dim);
  private final RuntimeFilterSettings settings = new RuntimeFilterSettings(true, 10 * MB, 8 * MB, 10, 4_000_000);
  private final Rule rule = new InjectRuntimeFilter(settings);

  private static AttributeReference column(String name) {
    return AttributeReference.create(name, DataTypes.IntegerType, true);
  }

  private static Expression eq(Expression left, Expression right) {
    return new BinaryComparison(ComparisonOperator.EQUAL, left, right);
  }

  private static List<RuntimeFilter> filters(LogicalPlan plan) {
    List<RuntimeFilter> found = new ArrayList<>();
    plan.transformAllExpressions(e -> {
      if (e instanceof RuntimeFilter f) {
        found.add(f);
      }
      return e;
    });
    return found;
  }

  @Test
  void anInnerJoinFiltersTheLargeScanByTheSelectiveSidesKeysDirectlyAboveIt() {
    Join join = new Join(fact, filteredDim, JoinType.INNER, eq(factKey, dimKey));
    LogicalPlan result = rule.apply(join);
    RuntimeFilter expected = new RuntimeFilter(factKey, filteredDim, dimKey, fact.sizeInBytes()
        / dev.ember.sql.plan.Statistics.rowWidth(fact.output()));
    assertThat(result).isEqualTo(new Join(new Filter(expected, fact), filteredDim, JoinType.INNER,
        eq(factKey, dimKey)));
    assertThat(expected.sql()).isEqualTo("runtime_filter(f_key, from [" + dimKey + "])");
  }

  @Test
  void anExistingFilterAboveTheScanGetsTheRuntimeFilterAsOneMoreConjunct() {
    Expression own = new BinaryComparison(ComparisonOperator.GREATER_THAN, factValue, Literal.of(3));
    Join join = new Join(new Filter(own, fact), filteredDim, JoinType.INNER, eq(factKey, dimKey));
    LogicalPlan result = rule.apply(join);
    Filter above = (Filter) ((Join) result).left();
    assertThat(above.child()).isEqualTo(fact);
    assertThat(above.condition()).isInstanceOf(And.class);
    assertThat(((And) above.condition()).left()).isEqualTo(own);
    assertThat(((And) above.condition()).right()).isInstanceOf(RuntimeFilter.class);
  }

  @Test
  void theKeyIsTracedThroughAliasesGroupingColumnsAndInnerJoins() {
    AttributeReference renamed = column("k");
    AttributeReference otherKey = column("o_key");
    FakeScan other = new FakeScan("other", List.of(otherKey), 50 * MB, List.of());
    LogicalPlan inner = new Join(fact, other, JoinType.INNER, eq(factKey, otherKey));
    LogicalPlan grouped = new Aggregate(List.of(factKey), List.of(factKey), inner);
    LogicalPlan projected = new Project(List.of(new Alias(factKey, "k", renamed.exprId())), grouped);
    LogicalPlan result = rule.apply(new Join(filteredDim, projected, JoinType.LEFT_OUTER, eq(dimKey, renamed)));
    List<RuntimeFilter> placed = filters(result);
    assertThat(placed).hasSize(1);
    assertThat(placed.get(0).child()).isEqualTo(factKey);
    assertThat(placed.get(0).creationPlan()).isEqualTo(filteredDim);
  }

  @Test
  void theCreationSideIsCutDownToItsSelectivePartTheKeyComesFrom() {
    AttributeReference bigKey = column("b_key");
    FakeScan big = new FakeScan("big", List.of(bigKey), 100 * MB, List.of());
    LogicalPlan creation = new Join(big, filteredDim, JoinType.INNER, eq(bigKey, dimKey));
    LogicalPlan result = rule.apply(new Join(fact, creation, JoinType.INNER, eq(factKey, dimKey)));
    assertThat(filters(result)).extracting(RuntimeFilter::creationPlan).contains(filteredDim);
  }

  @Test
  void theCreationKeyCrossesAnInnerJoinsEqualityToTheSelectiveSide() {
    AttributeReference bigKey = column("b_key");
    FakeScan big = new FakeScan("big", List.of(bigKey), 100 * MB, List.of());
    // The key is big's column, but the join keeps only big rows whose key is among the filtered dimension's.
    LogicalPlan creation = new Join(big, filteredDim, JoinType.INNER, eq(bigKey, dimKey));
    LogicalPlan result = rule.apply(new Join(fact, creation, JoinType.INNER, eq(factKey, bigKey)));
    assertThat(filters(result)).filteredOn(f -> f.child().equals(factKey))
        .extracting(RuntimeFilter::creationPlan, RuntimeFilter::creationKey)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(filteredDim, dimKey));
  }

  @Test
  void legalDirectionsFollowTheJoinType() {
    // Left semi: the fact (left) side may be filtered by the dimension's keys.
    assertThat(filters(rule.apply(new Join(fact, filteredDim, JoinType.LEFT_SEMI, eq(factKey, dimKey)))))
        .extracting(RuntimeFilter::child).containsExactly(factKey);
    // Left anti and left outer: only the right side; a large left side is never filtered.
    for (JoinType type : List.of(JoinType.LEFT_ANTI, JoinType.LEFT_OUTER)) {
      assertThat(filters(rule.apply(new Join(fact, filteredDim, type, eq(factKey, dimKey))))).isEmpty();
      assertThat(filters(rule.apply(new Join(filteredDim, fact, type, eq(dimKey, factKey)))))
          .extracting(RuntimeFilter::child).containsExactly(factKey);
    }
    // Right outer: only the left side.
    assertThat(filters(rule.apply(new Join(filteredDim, fact, JoinType.RIGHT_OUTER, eq(dimKey, factKey)))))
        .isEmpty();
    assertThat(filters(rule.apply(new Join(fact, filteredDim, JoinType.RIGHT_OUTER, eq(factKey, dimKey)))))
        .extracting(RuntimeFilter::child).containsExactly(factKey);
    // Full outer: none.
    Join full = new Join(fact, filteredDim, JoinType.FULL_OUTER, eq(factKey, dimKey));
    assertThat(rule.apply(full)).isSameAs(full);
  }

  @Test
  void nullSafeAndNonEquiConditionsAreNotKeys() {
    Join nullSafe = new Join(fact, filteredDim, JoinType.INNER,
        new BinaryComparison(ComparisonOperator.NULL_SAFE_EQUAL, factKey, dimKey));
    assertThat(rule.apply(nullSafe)).isSameAs(nullSafe);
    Join range = new Join(fact, filteredDim, JoinType.INNER,
        new BinaryComparison(ComparisonOperator.LESS_THAN, factKey, dimKey));
    assertThat(rule.apply(range)).isSameAs(range);
  }

  @Test
  void smallApplicationSidesNonSelectiveOrLargeCreationSidesGetNoFilter() {
    FakeScan smallFact = new FakeScan("fact", List.of(factKey, factValue), MB, List.of());
    Join small = new Join(smallFact, filteredDim, JoinType.INNER, eq(factKey, dimKey));
    assertThat(rule.apply(small)).isSameAs(small);
    Join unfiltered = new Join(fact, new Filter(new IsNotNull(dimKey), dim), JoinType.INNER, eq(factKey, dimKey));
    assertThat(rule.apply(unfiltered)).isSameAs(unfiltered);
    FakeScan hugeDim = new FakeScan("dim", List.of(dimKey, dimCategory), 10_000 * MB, List.of());
    Join huge = new Join(fact, new Filter(selective, hugeDim), JoinType.INNER, eq(factKey, dimKey));
    assertThat(filters(rule.apply(huge))).extracting(RuntimeFilter::child).doesNotContain(factKey);
    // A creation side reading more than the scan it would filter: its keys cost more than they save.
    FakeScan wideDim = new FakeScan("dim", List.of(dimKey, dimCategory), 200 * MB, List.of());
    Join wide = new Join(fact, new Filter(new And(selective, new BinaryComparison(ComparisonOperator.LESS_THAN,
        dimKey, Literal.of(5))), wideDim), JoinType.INNER, eq(factKey, dimKey));
    assertThat(rule.apply(wide)).isSameAs(wide);
  }

  @Test
  void aCreationSideRunForAnotherFilterMayFilterAScanSmallerThanWhatItReads() {
    AttributeReference orderKey = column("o_key");
    AttributeReference orderCustomer = column("o_cust");
    AttributeReference orderDate = column("o_date");
    AttributeReference customerKey = column("c_key");
    FakeScan orders = new FakeScan("orders", List.of(orderKey, orderCustomer, orderDate), 24 * MB, List.of());
    LogicalPlan filteredOrders = new Filter(new And(
        new BinaryComparison(ComparisonOperator.GREATER_THAN, orderDate, Literal.of(1)),
        new BinaryComparison(ComparisonOperator.LESS_THAN, orderDate, Literal.of(5))), orders);
    FakeScan customers = new FakeScan("customers", List.of(customerKey, dimCategory), 16 * MB, List.of());
    // The orders run for the fact scan's filter; their customer keys then filter the customers too.
    LogicalPlan inner = new Join(filteredOrders, fact, JoinType.INNER, eq(orderKey, factKey));
    List<RuntimeFilter> placed = filters(rule.apply(new Join(customers, inner, JoinType.INNER,
        eq(customerKey, orderCustomer))));
    assertThat(placed).extracting(RuntimeFilter::child).containsExactlyInAnyOrder(factKey, customerKey);
    assertThat(placed).extracting(RuntimeFilter::creationPlan).containsOnly(filteredOrders);
    // Alone, the orders would run only for the customers' filter, reading more than the customers are.
    Join alone = new Join(customers, filteredOrders, JoinType.INNER, eq(customerKey, orderCustomer));
    assertThat(rule.apply(alone)).isSameAs(alone);
  }

  @Test
  void limitsAndKeysAlreadyFixedByLiteralsStopTheTrace() {
    LogicalPlan limited = new Limit(Literal.of(10), fact);
    Join throughLimit = new Join(limited, filteredDim, JoinType.INNER, eq(factKey, dimKey));
    assertThat(rule.apply(throughLimit)).isSameAs(throughLimit);
    FakeScan fixed = new FakeScan("fact", List.of(factKey, factValue), 100 * MB,
        List.of(new In(factKey, List.of(Literal.of(1), Literal.of(2)))));
    Join alreadyFiltered = new Join(fixed, filteredDim, JoinType.INNER, eq(factKey, dimKey));
    assertThat(rule.apply(alreadyFiltered)).isSameAs(alreadyFiltered);
  }

  @Test
  void onlyTheOccurrenceOfATableReadTwiceThatTheKeyWasTracedToIsFiltered() {
    Join inner = new Join(fact, filteredDim, JoinType.INNER, eq(factKey, dimKey));
    Join twice = new Join(inner, fact, JoinType.LEFT_OUTER, eq(factValue, factValue));
    Join result = (Join) rule.apply(twice);
    assertThat(result.right()).isSameAs(fact);
    assertThat(((Join) result.left()).left()).isInstanceOf(Filter.class);
    assertThat(filters(result)).hasSize(1);
  }

  @Test
  void switchedOffByItsSettingOrExcludedByName() {
    Join join = new Join(fact, filteredDim, JoinType.INNER, eq(factKey, dimKey));
    RuntimeFilterSettings off = new RuntimeFilterSettings(false, 10 * MB, 8 * MB, 10, 4_000_000);
    assertThat(new InjectRuntimeFilter(off).apply(join)).isSameAs(join);
    RuntimeFilterSettings none = new RuntimeFilterSettings(true, 10 * MB, 8 * MB, 0, 4_000_000);
    assertThat(new InjectRuntimeFilter(none).apply(join)).isSameAs(join);
    LogicalPlan excluded = new Optimizer(Set.of("InjectRuntimeFilter"))
        .optimize(join, JoinReorderSettings.DISABLED, settings);
    assertThat(filters(excluded)).isEmpty();
    assertThat(filters(new Optimizer(Set.of()).optimize(join, JoinReorderSettings.DISABLED, settings)))
        .hasSize(1);
  }
}
