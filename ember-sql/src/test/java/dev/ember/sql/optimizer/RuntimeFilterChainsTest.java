package dev.ember.sql.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.joinfilter.RuntimeFilter;
import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runtime filters whose creation side holds a filter placed in an earlier round (chains), and the refusal of a
 * filter whose creation plan reads the scan it would filter.
 */
class RuntimeFilterChainsTest {

  private static final long MB = 1L << 20;
  private final AttributeReference partKey = column("p_partkey");
  private final AttributeReference partName = AttributeReference.create("p_name", DataTypes.StringType, true);
  private final AttributeReference psPartKey = column("ps_partkey");
  private final AttributeReference psSuppKey = column("ps_suppkey");
  private final AttributeReference liPartKey = column("l_partkey");
  private final AttributeReference liSuppKey = column("l_suppkey");
  private final FakeScan part = new FakeScan("part", List.of(partKey, partName), MB, List.of());
  private final FakeScan partsupp = new FakeScan("partsupp", List.of(psPartKey, psSuppKey), 10 * MB, List.of());
  private final FakeScan lineitem = new FakeScan("lineitem", List.of(liPartKey, liSuppKey), 400 * MB, List.of());
  private final LogicalPlan forestParts = new Filter(new BinaryComparison(ComparisonOperator.EQUAL, partName,
      Literal.of("forest")), part);
  private final InjectRuntimeFilter rule =
      new InjectRuntimeFilter(new RuntimeFilterSettings(true, 10 * MB, 8 * MB, 10, 4_000_000));

  private static AttributeReference column(String name) {
    return AttributeReference.create(name, DataTypes.IntegerType, true);
  }

  private static Expression eq(Expression left, Expression right) {
    return new BinaryComparison(ComparisonOperator.EQUAL, left, right);
  }

  /** Q20's shape: partsupp left outer joined with lineitem grouped by part and supplier, semi joined with part. */
  private LogicalPlan q20Shape(FakeScan lines) {
    LogicalPlan grouped = new Aggregate(List.of(liPartKey, liSuppKey), List.of(liPartKey, liSuppKey), lines);
    LogicalPlan outer = new Join(partsupp, grouped, JoinType.LEFT_OUTER,
        new And(eq(psPartKey, liPartKey), eq(psSuppKey, liSuppKey)));
    return new Join(outer, forestParts, JoinType.LEFT_SEMI, eq(psPartKey, partKey));
  }

  @Test
  void aSideFilteredAtRunTimeFiltersTheOtherSideOfAnOuterJoinAboveIt() {
    List<RuntimeFilter> placed = RuntimeFilterChains.runtimeFilters(rule.apply(q20Shape(lineitem)));
    RuntimeFilter onPartsupp = new RuntimeFilter(psPartKey, forestParts, partKey,
        partsupp.sizeInBytes() / dev.ember.sql.plan.Statistics.rowWidth(partsupp.output()));
    LogicalPlan filteredPartsupp = new Filter(onPartsupp, partsupp);
    // Round one: partsupp by the forest parts. Round two: lineitem by the partsupp rows that filter keeps,
    // which are the rows the outer join sees on its preserved side.
    assertThat(placed).contains(onPartsupp);
    assertThat(placed).filteredOn(f -> f.child().equals(liPartKey))
        .extracting(RuntimeFilter::creationPlan, RuntimeFilter::creationKey)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(filteredPartsupp, psPartKey));
    assertThat(placed).filteredOn(f -> f.child().equals(liSuppKey))
        .extracting(RuntimeFilter::creationPlan).containsExactly(filteredPartsupp);
    assertThat(placed).hasSize(3);
    assertThat(RuntimeFilterChains.chained(filteredPartsupp)).isTrue();
    assertThat(RuntimeFilterChains.chained(partsupp)).isFalse();
  }

  @Test
  void aChainedCreationSideMustReadLessThanTheScanItFilters() {
    FakeScan smallLines = new FakeScan("lineitem", List.of(liPartKey, liSuppKey), 10 * MB, List.of());
    List<RuntimeFilter> placed = RuntimeFilterChains.runtimeFilters(rule.apply(q20Shape(smallLines)));
    assertThat(placed).extracting(RuntimeFilter::child).containsExactly(psPartKey);
  }

  @Test
  void aScanIsNeverFilteredByACreationPlanThatReadsItEvenThroughAnotherFilter() {
    RuntimeFilter fromPart = new RuntimeFilter(psPartKey, forestParts, partKey, 1000);
    LogicalPlan chained = new Filter(fromPart, partsupp);
    // partsupp's filter is built from part: a filter on part built from that partsupp would wait on itself.
    assertThat(RuntimeFilterChains.reads(chained, part)).isTrue();
    assertThat(RuntimeFilterChains.reads(chained, partsupp)).isTrue();
    assertThat(RuntimeFilterChains.reads(chained, lineitem)).isFalse();
    assertThat(RuntimeFilterChains.reads(forestParts, partsupp)).isFalse();
    // The same table read again under fresh attributes is another scan.
    FakeScan partAgain = new FakeScan("part", List.of(column("p_partkey"), partName), MB, List.of());
    assertThat(RuntimeFilterChains.reads(chained, partAgain)).isTrue();
    FakeScan freshPart = new FakeScan("part", List.of(column("p_partkey")), MB, List.of());
    assertThat(RuntimeFilterChains.reads(chained, freshPart)).isFalse();
  }

  @Test
  void aKeyFilteredInAnEarlierRoundIsNotFilteredAgain() {
    LogicalPlan once = rule.apply(new Join(partsupp, forestParts, JoinType.INNER, eq(psPartKey, partKey)));
    assertThat(RuntimeFilterChains.runtimeFilters(once)).hasSize(1);
    assertThat(RuntimeFilterChains.filtersKey(once, psPartKey)).isTrue();
    assertThat(RuntimeFilterChains.filtersKey(once, partKey)).isFalse();
    assertThat(rule.apply(once)).isEqualTo(once);
  }
}
