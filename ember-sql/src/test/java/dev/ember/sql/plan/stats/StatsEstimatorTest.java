package dev.ember.sql.plan.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Count;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.IsNull;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Or;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cardinality estimates over hand-made statistics, each checked against the arithmetic in its comment. */
class StatsEstimatorTest {

  /** A scan with the statistics ANALYZE TABLE would have kept. */
  private record Scan(List<AttributeReference> output, RelationStatistics catalogStatistics)
      implements AnalyzedRelation {
    @Override
    public long sizeInBytes() {
      return Long.MAX_VALUE;
    }

    @Override
    public String simpleString() {
      return "Scan";
    }
  }

  private final AttributeReference k = AttributeReference.create("k", DataTypes.IntegerType, true);
  private final AttributeReference v = AttributeReference.create("v", DataTypes.IntegerType, true);
  private final AttributeReference dk = AttributeReference.create("dk", DataTypes.IntegerType, true);
  // 1000 rows; k has 50 values in [1, 50]; v has 1000 values in [0, 100] and 100 NULLs.
  private final Scan fact = new Scan(List.of(k, v), new RelationStatistics(1000L, Map.of(
      "k", new ColumnStat(50, 1.0, 50.0, 0), "v", new ColumnStat(900, 0.0, 100.0, 100))));
  // 200 rows, dk unique in [1, 200].
  private final Scan dim = new Scan(List.of(dk), new RelationStatistics(200L, Map.of(
      "dk", new ColumnStat(200, 1.0, 200.0, 0))));

  private static double rows(LogicalPlan plan) {
    return StatsEstimator.estimate(plan).rowCount();
  }

  private static Expression cmp(ComparisonOperator op, Expression l, Expression r) {
    return new BinaryComparison(op, l, r);
  }

  @Test
  void scansStartFromTheAnalyzedRowCount() {
    assertThat(rows(fact)).isEqualTo(1000);
    // 8 bytes of row overhead + 4 per int column.
    assertThat(StatsEstimator.estimate(fact).sizeInBytes()).isEqualTo(1000 * 16);
  }

  @Test
  void equalityKeepsOneDistinctValueAndNoneOutsideTheRange() {
    assertThat(rows(new Filter(cmp(ComparisonOperator.EQUAL, k, Literal.of(7)), fact))).isEqualTo(1000.0 / 50);
    assertThat(rows(new Filter(cmp(ComparisonOperator.EQUAL, k, Literal.of(99)), fact))).isZero();
    // The estimate of k after "k = 7" is one distinct value.
    PlanStats filtered = StatsEstimator.estimate(new Filter(cmp(ComparisonOperator.EQUAL, Literal.of(7), k), fact));
    assertThat(filtered.column(k.exprId()).distinctCount()).isEqualTo(1);
  }

  @Test
  void rangesKeepTheCoveredPartOfMinToMax() {
    // v < 25 over [0, 100]: a quarter.
    assertThat(rows(new Filter(cmp(ComparisonOperator.LESS_THAN, v, Literal.of(25)), fact))).isEqualTo(250);
    // 75 > v is the same predicate written the other way round.
    assertThat(rows(new Filter(cmp(ComparisonOperator.GREATER_THAN, Literal.of(75), v), fact))).isEqualTo(750);
    // k >= 40 and v < 25: (50 - 40) / 49 of the keys times a quarter.
    Expression both = new And(cmp(ComparisonOperator.GREATER_THAN_OR_EQUAL, k, Literal.of(40)),
        cmp(ComparisonOperator.LESS_THAN, v, Literal.of(25)));
    assertThat(rows(new Filter(both, fact))).isCloseTo(1000 * (10.0 / 49) * 0.25, within(1e-9));
    // k = 1 or k = 2: 1/50 + 1/50 - 1/2500.
    Expression either = new Or(cmp(ComparisonOperator.EQUAL, k, Literal.of(1)),
        cmp(ComparisonOperator.EQUAL, k, Literal.of(2)));
    assertThat(rows(new Filter(either, fact))).isCloseTo(1000 * (0.04 - 0.0004), within(1e-9));
  }

  @Test
  void isNullUsesTheNullCount() {
    assertThat(rows(new Filter(new IsNull(v), fact))).isEqualTo(100);
  }

  @Test
  void equiJoinsDivideByTheLargerDistinctCount() {
    Join join = new Join(fact, dim, JoinType.INNER, cmp(ComparisonOperator.EQUAL, k, dk));
    // 1000 * 200 / max(50, 200).
    assertThat(rows(join)).isEqualTo(1000);
    // The same join with dk = 3 first: 1000 * 1 / max(50, 1).
    Join filtered = new Join(fact, new Filter(cmp(ComparisonOperator.EQUAL, dk, Literal.of(3)), dim),
        JoinType.INNER, cmp(ComparisonOperator.EQUAL, k, dk));
    assertThat(rows(filtered)).isEqualTo(20);
    assertThat(rows(new Join(fact, dim, JoinType.LEFT_SEMI, cmp(ComparisonOperator.EQUAL, k, dk))))
        .isEqualTo(1000);
    // Without a key: the product.
    assertThat(rows(new Join(fact, dim, JoinType.CROSS, null))).isEqualTo(200_000);
  }

  @Test
  void aggregatesProduceAtMostTheGroupingDistinctCounts() {
    Alias count = new Alias(new Count(Literal.of(1)), "n");
    assertThat(rows(new Aggregate(List.of(k), List.of(k, count), fact))).isEqualTo(50);
    // v has NULLs: 900 values plus the NULL group, capped at the 1000 rows.
    assertThat(rows(new Aggregate(List.of(k, v), List.of(k, v, count), fact))).isEqualTo(1000);
    assertThat(rows(new Aggregate(List.of(), List.of(count), fact))).isEqualTo(1);
  }

  @Test
  void projectionsCarryStatisticsToAliasesAndUnknownRelationsUseTheirRows() {
    Alias renamed = new Alias(k, "key");
    Project project = new Project(List.of(renamed), fact);
    AttributeReference key = project.output().get(0);
    Filter filter = new Filter(cmp(ComparisonOperator.EQUAL, key, Literal.of(5)), project);
    assertThat(rows(filter)).isEqualTo(20);
    LocalRelation local = new LocalRelation(List.of(k), List.of(List.of(1), List.of(2), List.of(3)));
    // No statistics of k: an equality keeps every row.
    assertThat(rows(new Filter(cmp(ComparisonOperator.EQUAL, k, Literal.of(5)), local))).isEqualTo(3);
  }
}
