package dev.ember.sql.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.In;
import dev.ember.sql.plan.expressions.IsNotNull;
import dev.ember.sql.plan.expressions.IsNull;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Not;
import dev.ember.sql.plan.expressions.Or;
import dev.ember.sql.types.DataTypes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScanFilterSelectivityTest {

  // 1000 rows: id 1..100 (no NULLs), d dates 2000-01-01..2000-12-31 (366 days, 100 NULLs),
  // price decimals 0.00..50.00, name strings without a range, k a column the footers do not describe.
  private static final int JAN_1 = (int) LocalDate.of(2000, 1, 1).toEpochDay();
  private static final FileStatistics FILES = new FileStatistics(1000, Map.of(
      "id", new FileColumnStatistics(1.0, 100.0, true, 0),
      "d", new FileColumnStatistics((double) JAN_1, JAN_1 + 365.0, true, 100),
      "price", new FileColumnStatistics(0.0, 50.0, false, 0),
      "name", new FileColumnStatistics(null, null, false, 250)));

  private final AttributeReference id = AttributeReference.create("id", DataTypes.LongType, false);
  private final AttributeReference d = AttributeReference.create("d", DataTypes.DateType, true);
  private final AttributeReference price = AttributeReference.create("price", DataTypes.createDecimalType(15, 2),
      false);
  private final AttributeReference name = AttributeReference.create("NAME", DataTypes.StringType, true);
  private final AttributeReference k = AttributeReference.create("k", DataTypes.IntegerType, true);

  private static Expression cmp(ComparisonOperator op, Expression l, Expression r) {
    return new BinaryComparison(op, l, r);
  }

  private static double expected(Expression e) {
    return ScanFilterSelectivity.of(e, FILES, true);
  }

  @Test
  void rangesKeepTheShareOfTheColumnRangeTheyCover() {
    // id <= 25 keeps 25 of 100 values; id > 90 keeps 10; 10 < id keeps 90; id < 1 and id > 100 keep none.
    assertThat(expected(cmp(ComparisonOperator.LESS_THAN_OR_EQUAL, id, Literal.of(25L)))).isEqualTo(0.25);
    assertThat(expected(cmp(ComparisonOperator.GREATER_THAN, id, Literal.of(90L)))).isEqualTo(0.1);
    assertThat(expected(cmp(ComparisonOperator.LESS_THAN, Literal.of(10L), id))).isEqualTo(0.9);
    assertThat(expected(cmp(ComparisonOperator.LESS_THAN, id, Literal.of(1L)))).isEqualTo(0);
    assertThat(expected(cmp(ComparisonOperator.GREATER_THAN, id, Literal.of(100L)))).isEqualTo(0);
    // Open ranges reaching past the column's range keep every row.
    assertThat(expected(cmp(ComparisonOperator.GREATER_THAN_OR_EQUAL, id, Literal.of(-5L)))).isEqualTo(1);
    // Overlapping: 50 <= id < 200 keeps 50..100, 51 values.
    assertThat(expected(new And(cmp(ComparisonOperator.GREATER_THAN_OR_EQUAL, id, Literal.of(50L)),
        cmp(ComparisonOperator.LESS_THAN, id, Literal.of(200L))))).isEqualTo(0.51);
  }

  @Test
  void boundsOfOneColumnFormOneIntervalNotAProductOfHalves() {
    // One quarter of the dates: [Apr 1, Jul 1) is 91 days of 366, of the 90% non-NULL rows.
    Expression quarter = new And(
        cmp(ComparisonOperator.GREATER_THAN_OR_EQUAL, d, Literal.of(LocalDate.of(2000, 4, 1))),
        cmp(ComparisonOperator.LESS_THAN, d, Literal.of(LocalDate.of(2000, 7, 1))));
    assertThat(expected(quarter)).isCloseTo(0.9 * 91 / 366, within(1e-9));
    // Disjoint bounds keep nothing.
    Expression empty = new And(cmp(ComparisonOperator.GREATER_THAN, id, Literal.of(60L)),
        cmp(ComparisonOperator.LESS_THAN, id, Literal.of(40L)));
    assertThat(expected(empty)).isEqualTo(0);
  }

  @Test
  void decimalsAreContinuous() {
    // price < 12.5 keeps a quarter of [0, 50]; price = 10 keeps the default share of an equality.
    assertThat(expected(cmp(ComparisonOperator.LESS_THAN, price, Literal.of(new BigDecimal("12.50")))))
        .isEqualTo(0.25);
    assertThat(expected(cmp(ComparisonOperator.EQUAL, price, Literal.of(new BigDecimal("10.00")))))
        .isEqualTo(ScanFilterSelectivity.DEFAULT_EQUALITY);
    assertThat(expected(cmp(ComparisonOperator.EQUAL, price, Literal.of(new BigDecimal("99.00"))))).isEqualTo(0);
  }

  @Test
  void equalityKeepsOneDistinctValueBoundedByTheRangeAndNoneOutsideIt() {
    assertThat(expected(cmp(ComparisonOperator.EQUAL, id, Literal.of(7L)))).isEqualTo(0.01);
    assertThat(expected(cmp(ComparisonOperator.EQUAL, Literal.of(7L), id))).isEqualTo(0.01);
    assertThat(expected(cmp(ComparisonOperator.EQUAL, id, Literal.of(500L)))).isEqualTo(0);
    assertThat(expected(cmp(ComparisonOperator.NOT_EQUAL, id, Literal.of(7L)))).isEqualTo(0.99);
    // A date: 0.9 non-NULL over 366 days.
    assertThat(expected(cmp(ComparisonOperator.EQUAL, d, Literal.of(LocalDate.of(2000, 2, 2)))))
        .isCloseTo(0.9 / 366, within(1e-12));
    // Comparing with NULL keeps nothing.
    assertThat(expected(cmp(ComparisonOperator.EQUAL, id, new Literal(null, DataTypes.LongType)))).isEqualTo(0);
  }

  @Test
  void inListsAddTheirValuesUpToAll() {
    assertThat(expected(new In(id, List.of(Literal.of(1L), Literal.of(2L), Literal.of(1000L))))).isEqualTo(0.02);
    assertThat(expected(new In(name, List.of(Literal.of("a"), Literal.of("b")))))
        .isEqualTo(2 * ScanFilterSelectivity.DEFAULT_EQUALITY);
    // A non-literal item leaves the IN unknown: half the rows.
    assertThat(expected(new In(id, List.of(Literal.of(1L), k)))).isEqualTo(0.5);
  }

  @Test
  void andMultipliesOrAddsCappedAndNotComplements() {
    Expression low = cmp(ComparisonOperator.LESS_THAN_OR_EQUAL, id, Literal.of(20L));
    Expression high = cmp(ComparisonOperator.GREATER_THAN, id, Literal.of(70L));
    Expression cheap = cmp(ComparisonOperator.LESS_THAN, price, Literal.of(new BigDecimal("5"))); // 0.1
    assertThat(expected(new And(low, cheap))).isCloseTo(0.02, within(1e-12));
    assertThat(expected(new Or(low, high))).isCloseTo(0.5, within(1e-12));
    assertThat(expected(new Or(new Or(low, high), new Not(low)))).isEqualTo(1);
    assertThat(expected(new Not(low))).isCloseTo(0.8, within(1e-12));
    assertThat(expected(new Not(new And(low, cheap)))).isCloseTo(0.98, within(1e-12));
    // An OR with an unknown side is unknown.
    assertThat(expected(new Or(low, cmp(ComparisonOperator.EQUAL, k, Literal.of(1))))).isEqualTo(0.5);
  }

  @Test
  void nullTestsUseTheNullCounts() {
    assertThat(expected(new IsNull(d))).isEqualTo(0.1);
    assertThat(expected(new IsNotNull(d))).isEqualTo(0.9);
    assertThat(expected(new IsNotNull(id))).isEqualTo(1);
    assertThat(expected(new IsNull(name))).isEqualTo(0.25);
    assertThat(expected(new IsNotNull(k))).isEqualTo(0.5);
  }

  @Test
  void stringsWithoutARangeUseDefaultsAndUnknownConjunctsHalveOnlyExpectedRows() {
    // A range over a string column is unknown; so is a comparison of two columns.
    Expression stringRange = cmp(ComparisonOperator.GREATER_THAN, name, Literal.of("m"));
    Expression twoColumns = cmp(ComparisonOperator.LESS_THAN, id, k);
    Expression eq = cmp(ComparisonOperator.EQUAL, name, Literal.of("x"));
    assertThat(expected(stringRange)).isEqualTo(0.5);
    assertThat(expected(new And(stringRange, twoColumns))).isEqualTo(0.25);
    assertThat(expected(eq)).isEqualTo(ScanFilterSelectivity.DEFAULT_EQUALITY);
    assertThat(ScanFilterSelectivity.of(new And(eq, twoColumns), FILES, false))
        .isEqualTo(ScanFilterSelectivity.DEFAULT_EQUALITY);
    assertThat(ScanFilterSelectivity.of(twoColumns, FILES, false)).isEqualTo(1);
    // At most three halvings, as without statistics.
    Expression four = new And(new And(stringRange, twoColumns), new And(cmp(ComparisonOperator.LESS_THAN, k,
        Literal.of(3)), cmp(ComparisonOperator.GREATER_THAN, k, Literal.of(0))));
    assertThat(expected(four)).isEqualTo(0.125);
  }

  @Test
  void filtersOverScansWithFileStatisticsScaleRowsAndBytes() {
    // 1000 rows of 20 bytes (8 of overhead, 8 for id, 4 for d).
    LogicalPlan scan = new StatisticsScan(List.of(id, d), 20_000, FILES);
    Expression tenth = cmp(ComparisonOperator.LESS_THAN_OR_EQUAL, id, Literal.of(10L));
    Expression unknown = cmp(ComparisonOperator.LESS_THAN, id, k);
    assertThat(Statistics.expectedRowCount(new Filter(tenth, scan))).isEqualTo(100);
    assertThat(Statistics.rowCount(new Filter(tenth, scan))).isEqualTo(100);
    assertThat(Statistics.sizeInBytes(new Filter(tenth, scan))).isEqualTo(2000);
    assertThat(Statistics.expectedRowCount(new Filter(new And(tenth, unknown), scan))).isEqualTo(50);
    assertThat(Statistics.sizeInBytes(new Filter(new And(tenth, unknown), scan))).isEqualTo(2000);
    // Without statistics a filter halves the expected rows per conjunct and keeps the bound.
    LogicalPlan plain = new StatisticsScan(List.of(id, d), 20_000, null);
    assertThat(Statistics.expectedRowCount(new Filter(tenth, plain))).isEqualTo(500);
    assertThat(Statistics.sizeInBytes(new Filter(tenth, plain))).isEqualTo(20_000);
  }

  /** A sized scan with the given footer statistics. */
  private record StatisticsScan(List<AttributeReference> output, long sizeInBytes, FileStatistics fileStatistics)
      implements SizedRelation, FileStatisticsRelation {
    @Override
    public String simpleString() {
      return "StatisticsScan";
    }
  }
}
