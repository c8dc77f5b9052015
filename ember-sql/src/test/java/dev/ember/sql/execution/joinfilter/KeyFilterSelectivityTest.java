package dev.ember.sql.execution.joinfilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ember.sql.execution.datasources.ScanConjunctOrder;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A built filter's estimated pass fraction from the scan's column statistics, the order and the dropping. */
class KeyFilterSelectivityTest {

  private static KeyFilter range(long from, long to, long step) {
    long[] keys = new long[(int) ((to - from) / step + 1)];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = from + i * step;
    }
    return KeyFilters.build(keys, keys.length, true);
  }

  @Test
  void aFilterKeepsItsKeysOverTheColumnsDistinctValuesBoundedByRangeAndRows() {
    // 1,300 part keys of a column over [1, 200000] in 6M rows: 0.65% pass.
    KeyFilter parts = range(1, 195_000, 150);
    assertThat(parts.keyCount()).isEqualTo(1300);
    assertThat(KeyFilterSelectivity.passFraction(parts, new ColumnRange(1, 200_000, 6_000_000), 0))
        .isCloseTo(1300 / 200_000.0, within(1e-9));
    // 457k order keys over [1, 6000000] in 6M rows: the rows bound the distinct values, 7.6% pass.
    KeyFilter orders = range(1, 5_940_001, 13);
    assertThat(KeyFilterSelectivity.passFraction(orders, new ColumnRange(1, 6_000_000, 6_000_000), 0))
        .isCloseTo(orders.keyCount() / 6_000_000.0, within(1e-9));
    // A column of 100 rows over a wide range has at most 100 distinct values.
    assertThat(KeyFilterSelectivity.passFraction(range(0, 49, 1), new ColumnRange(0, 1_000_000, 100), 0))
        .isEqualTo(0.5);
  }

  @Test
  void onlyTheKeysWithinTheColumnsRangeCount() {
    // Keys 0..99 (spread evenly), column [50, 149] of 100 values: half the keys can match, half the rows pass.
    KeyFilter keys = range(0, 99, 1);
    assertThat(KeyFilterSelectivity.passFraction(keys, new ColumnRange(50, 149, 1000), 0)).isEqualTo(0.5);
    assertThat(KeyFilterSelectivity.passFraction(keys, new ColumnRange(200, 300, 1000), 0)).isZero();
  }

  @Test
  void withoutStatisticsTheKeysAreComparedWithTheScanRows() {
    KeyFilter keys = range(0, 9, 1);
    assertThat(KeyFilterSelectivity.passFraction(keys, null, 1000)).isEqualTo(0.01);
    assertThat(KeyFilterSelectivity.passFraction(keys, null, Long.MAX_VALUE))
        .isEqualTo(KeyFilterSelectivity.UNKNOWN);
    KeyFilter hashed = KeyFilters.build(new long[] {11, 12, 13, 14}, 4, false);
    assertThat(KeyFilterSelectivity.passFraction(hashed, new ColumnRange(0, 3, 4), 8)).isEqualTo(0.5);
    KeyFilter empty = KeyFilters.build(new long[0], 0, true);
    assertThat(KeyFilterSelectivity.passFraction(empty, new ColumnRange(0, 3, 4), 8)).isZero();
  }

  @Test
  void aFilterCoveringTheColumnsRangeAndNearlyAllItsValuesIsUseless() {
    ColumnRange column = new ColumnRange(1, 100, 10_000);
    KeyFilter all = range(1, 100, 1);
    double pass = KeyFilterSelectivity.passFraction(all, column, 0);
    assertThat(pass).isEqualTo(1.0);
    assertThat(KeyFilterSelectivity.useless(all, column, pass)).isTrue();
    // 91 of 100 values, covering the whole range: still useless.
    long[] most = new long[91];
    for (int i = 0; i < 90; i++) {
      most[i] = i + 1;
    }
    most[90] = 100;
    KeyFilter nearlyAll = KeyFilters.build(most, most.length, true);
    assertThat(KeyFilterSelectivity.useless(nearlyAll, column,
        KeyFilterSelectivity.passFraction(nearlyAll, column, 0))).isTrue();
    // 80 of 100 values filter a fifth of the rows: kept.
    KeyFilter fewer = range(1, 100, 1);
    assertThat(KeyFilterSelectivity.useless(fewer, column, 0.8)).isFalse();
    // All the values of half the range: row groups outside it are skipped, so the filter stays.
    KeyFilter half = range(1, 50, 1);
    assertThat(KeyFilterSelectivity.useless(half, new ColumnRange(1, 100, 50), 1.0)).isFalse();
    // Without statistics nothing is dropped.
    assertThat(KeyFilterSelectivity.useless(all, null, 1.0)).isFalse();
  }

  @Test
  void anEmptyColumnRangeIsRefused() {
    assertThatThrownBy(() -> new ColumnRange(5, 4, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new ColumnRange(Long.MIN_VALUE, Long.MAX_VALUE, 7).distinctBound()).isEqualTo(7);
  }

  @Test
  void aScanEvaluatesCheapConjunctsFirstThenTheMostSelectiveRuntimeFilter() {
    AttributeReference orderKey = AttributeReference.create("l_orderkey", DataTypes.LongType, true);
    AttributeReference partKey = AttributeReference.create("l_partkey", DataTypes.LongType, true);
    Expression orders = new RuntimeFilterPredicate(orderKey, range(1, 1000, 2), "o#1", 0.076);
    Expression parts = new RuntimeFilterPredicate(partKey, range(1, 1000, 100), "p#2", 0.0066);
    Expression unknown = new RuntimeFilterPredicate(partKey, range(1, 1000, 10), "s#3");
    Expression comparison = new BinaryComparison(ComparisonOperator.LESS_THAN, orderKey, new Literal(5L,
        DataTypes.LongType));
    List<Expression> conjuncts = ScanConjunctOrder.order(List.of(unknown, orders, comparison, parts), null);
    assertThat(conjuncts).containsExactly(comparison, parts, orders, unknown);
    assertThat(parts.sql()).endsWith("from [p#2], keeps about 0.7%)");
    assertThat(unknown.sql()).endsWith("from [s#3])");
    assertThat(orders.withNewChildren(List.of(partKey))).isEqualTo(
        new RuntimeFilterPredicate(partKey, ((RuntimeFilterPredicate) orders).filter(), "o#1", 0.076));
  }
}
