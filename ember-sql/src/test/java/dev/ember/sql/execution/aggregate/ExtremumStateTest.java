package dev.ember.sql.execution.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** min/max and avg states: primitive updates, merges and column-at-a-time output. */
class ExtremumStateTest {

  private static final DecimalType PRICE = new DecimalType(38, 2);

  /** Groups 0, 1, 0, 1, 2 over {@code values}: group 2 gets only the last value. */
  private static final int[] GROUPS = {0, 1, 0, 1, 2};

  private static GroupedState run(GroupedState state, DataType type, Object... values) {
    state.ensureCapacity(3);
    state.update(GROUPS, ColumnVectors.of(type, Arrays.asList(values)), values.length);
    return state;
  }

  /** The results of groups 0..2 both one by one and written as a column of {@code type}. */
  private static List<Object> results(GroupedState state, DataType type) {
    ColumnVector out = ColumnVectors.allocate(type, 3);
    state.writeResults(0, 3, out);
    List<Object> column = new ArrayList<>();
    for (int g = 0; g < 3; g++) {
      assertThat(out.getBoxed(g)).isEqualTo(state.result(g));
      column.add(out.getBoxed(g));
    }
    return column;
  }

  @Test
  void intsAndDatesKeepTheirBoxedTypeAndNullGroupsStayNull() {
    GroupedState max = run(new ExtremumState(true), DataTypes.IntegerType, -5, 7, -2, 3, null);
    assertThat(results(max, DataTypes.IntegerType)).containsExactly(-2, 7, null);
    GroupedState min = run(new ExtremumState(false), DataTypes.IntegerType, -5, 7, null, 3, Integer.MIN_VALUE);
    assertThat(results(min, DataTypes.IntegerType)).containsExactly(-5, 3, Integer.MIN_VALUE);
    Object[] row = new Object[1];
    min.writeBuffer(1, row, 0);
    assertThat(row[0]).isEqualTo(3);
  }

  @Test
  void bigintsAndDoublesFollowSparkOrderingWithNanOnTop() {
    GroupedState max = run(new ExtremumState(true), DataTypes.LongType, Long.MIN_VALUE, 1L, Long.MIN_VALUE, null,
        9_000_000_000L);
    assertThat(results(max, DataTypes.LongType)).containsExactly(Long.MIN_VALUE, 1L, 9_000_000_000L);
    GroupedState dmax = run(new ExtremumState(true), DataTypes.DoubleType, 1.5, -0.0, Double.NaN, 0.0, null);
    assertThat(results(dmax, DataTypes.DoubleType)).containsExactly(Double.NaN, 0.0, null);
    GroupedState dmin = run(new ExtremumState(false), DataTypes.DoubleType, 1.5, -0.0, Double.NaN, 0.0, -1e300);
    assertThat(results(dmin, DataTypes.DoubleType)).containsExactly(1.5, -0.0, -1e300);
  }

  @Test
  void decimalsCompareUnscaledUntilAWideValueArrivesThenExactly() {
    GroupedState min = run(new ExtremumState(false), PRICE, new BigDecimal("3.10"), new BigDecimal("-0.01"),
        new BigDecimal("3.05"), null, null);
    assertThat(results(min, PRICE)).containsExactly(new BigDecimal("3.05"), new BigDecimal("-0.01"), null);
    BigDecimal wide = new BigDecimal("-123456789012345678901234.00");
    min.update(GROUPS, ColumnVectors.of(PRICE, Arrays.asList(new BigDecimal("4.00"), wide, null, null,
        new BigDecimal("8.00"))), 5);
    assertThat(results(min, PRICE)).containsExactly(new BigDecimal("3.05"), wide, new BigDecimal("8.00"));
  }

  @Test
  void partialBuffersMergeIntoTheExtremeOfTheirGroup() {
    GroupedState partial = run(new ExtremumState(true), PRICE, new BigDecimal("1.00"), null,
        new BigDecimal("2.50"), null, new BigDecimal("-7.00"));
    ColumnVector buffers = ColumnVectors.allocate(PRICE, 3);
    partial.writeBuffers(0, 3, new ColumnVector[] {buffers}, 0, 1);
    GroupedState merged = new ExtremumState(true);
    merged.ensureCapacity(1);
    merged.merge(new int[] {0, 0, 0}, new ColumnarBatch(new ColumnVector[] {buffers}, 3), 0, 3);
    assertThat(merged.result(0)).isEqualTo(new BigDecimal("2.50"));
  }

  @Test
  void stringsCompareBoxed() {
    GroupedState max = run(new ExtremumState(true), DataTypes.StringType, "ab", "b", "abc", null, "");
    assertThat(results(max, DataTypes.StringType)).containsExactly("abc", "b", "");
  }

  @Test
  void averagesWriteSumsCountsAndQuotientsAsColumns() {
    GroupedState avg = run(new AverageState(), DataTypes.DoubleType, 1.0, null, 2.0, null, -4.0);
    assertThat(results(avg, DataTypes.DoubleType)).containsExactly(1.5, null, -4.0);
    ColumnVector[] buffers = {ColumnVectors.allocate(DataTypes.DoubleType, 3),
        ColumnVectors.allocate(DataTypes.LongType, 3)};
    avg.writeBuffers(0, 3, buffers, 0, 2);
    assertThat(buffers[0].getBoxed(0)).isEqualTo(3.0);
    assertThat(buffers[1].getBoxed(0)).isEqualTo(2L);
    assertThat(buffers[1].getBoxed(1)).isEqualTo(0L);
    GroupedState merged = new AverageState();
    merged.ensureCapacity(1);
    merged.merge(new int[] {0, 0, 0}, new ColumnarBatch(buffers, 3), 0, 3);
    assertThat(merged.result(0)).isEqualTo(-1.0 / 3);
  }

  @Test
  void decimalAveragesRoundHalfUpInLongsAsBigDecimalDoes() {
    DecimalType input = new DecimalType(10, 2);
    DecimalType result = new DecimalType(14, 6);
    GroupedState avg = new DecimalAverageState(new DecimalType(20, 2), result);
    avg.ensureCapacity(4);
    List<Object> values = new ArrayList<>();
    int[] groups = new int[3 + 32 + 32 + 1];
    // Group 0: 1, 2, 2 (5/3); group 1: 0.01 and 31 zeros (0.0003125, a half); group 2: -0.01 and 31 zeros.
    for (String v : new String[] {"1.00", "2.00", "2.00"}) {
      values.add(new BigDecimal(v));
    }
    for (int i = 0; i < 32; i++) {
      groups[3 + i] = 1;
      values.add(new BigDecimal(i == 0 ? "0.01" : "0.00"));
    }
    for (int i = 0; i < 32; i++) {
      groups[35 + i] = 2;
      values.add(new BigDecimal(i == 0 ? "-0.01" : "0.00"));
    }
    groups[67] = 3;
    values.add(null);
    avg.update(groups, ColumnVectors.of(input, values), groups.length);
    ColumnVector out = ColumnVectors.allocate(result, 4);
    avg.writeResults(0, 4, out);
    assertThat(out.getBoxed(0)).isEqualTo(new BigDecimal("1.666667")).isEqualTo(avg.result(0));
    assertThat(out.getBoxed(1)).isEqualTo(new BigDecimal("0.000313")).isEqualTo(avg.result(1));
    assertThat(out.getBoxed(2)).isEqualTo(new BigDecimal("-0.000313")).isEqualTo(avg.result(2));
    assertThat(out.getBoxed(3)).isNull();
    ColumnVector[] buffers = {ColumnVectors.allocate(new DecimalType(20, 2), 4),
        ColumnVectors.allocate(DataTypes.LongType, 4)};
    avg.writeBuffers(0, 4, buffers, 0, 2);
    assertThat(buffers[0].getBoxed(0)).isEqualTo(new BigDecimal("5.00"));
    assertThat(buffers[0].getBoxed(2)).isEqualTo(new BigDecimal("-0.01"));
    assertThat(buffers[1].getBoxed(1)).isEqualTo(32L);
    assertThat(buffers[0].getBoxed(3)).isNull();
    assertThat(buffers[1].getBoxed(3)).isEqualTo(0L);
  }
}
