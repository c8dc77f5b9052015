package dev.ember.sql.execution.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecimalSumStateTest {

  private static final DecimalType INPUT = new DecimalType(18, 2);
  private static final DecimalType SUM = new DecimalType(28, 2);

  private static DecimalColumnVector vector(String... values) {
    return (DecimalColumnVector) ColumnVectors.of(INPUT, Arrays.stream(values)
        .map(v -> v == null ? null : new BigDecimal(v)).toList());
  }

  @Test
  void sumsPerGroupSkipNullsAndCountValues() {
    DecimalSumState state = new DecimalSumState(SUM);
    state.ensureCapacity(2);
    state.update(new int[] {0, 1, 0, 1}, vector("1.25", null, "-0.25", "3.00"), 4);
    assertThat(state.result(0)).isEqualTo(new BigDecimal("1.00"));
    assertThat(state.result(1)).isEqualTo(new BigDecimal("3.00"));
    assertThat(state.count(0)).isEqualTo(2);
    assertThat(state.count(1)).isEqualTo(1);
  }

  @Test
  void aSumThatOverflowsALongContinuesExactlyInLaterBatches() {
    DecimalSumState state = new DecimalSumState(SUM);
    state.ensureCapacity(2);
    String big = "9999999999999999.99";
    // Group 0 passes Long.MAX_VALUE (about 9.2e18 unscaled) at its tenth value, in the first batch; group 1
    // stays small across both batches.
    String[] first = new String[12];
    int[] firstGroups = new int[12];
    Arrays.fill(first, big);
    first[4] = "1.00";
    firstGroups[4] = 1;
    state.update(firstGroups, vector(first), 12);
    state.update(new int[] {1, 0, 0}, vector("2.00", big, "-0.99"), 3);
    assertThat(state.result(0)).isEqualTo(new BigDecimal(big).multiply(BigDecimal.valueOf(12))
        .subtract(new BigDecimal("0.99")));
    assertThat(state.result(1)).isEqualTo(new BigDecimal("3.00"));
    assertThat(state.count(0)).isEqualTo(13);
  }

  @Test
  void writtenResultsMatchResultIncludingSumsTooWideForTheType() {
    DecimalType narrow = new DecimalType(4, 2);
    DecimalSumState state = new DecimalSumState(narrow);
    state.ensureCapacity(4);
    // 99.99 fits decimal(4,2); 100.00 does not and is NULL; group 2 has no value; group 3 is negative.
    state.update(new int[] {0, 1, 1, 3}, vector("99.99", "60.00", "40.00", "-99.99"), 4);
    DecimalColumnVector out = new DecimalColumnVector(narrow, 4);
    state.writeResults(0, 4, out);
    assertThat(out.getBoxed(0)).isEqualTo(new BigDecimal("99.99"));
    assertThat(out.getBoxed(1)).isNull();
    assertThat(out.getBoxed(2)).isNull();
    assertThat(out.getBoxed(3)).isEqualTo(new BigDecimal("-99.99"));
    DecimalColumnVector tail = new DecimalColumnVector(narrow, 2);
    state.writeResults(2, 2, tail);
    assertThat(tail.getBoxed(1)).isEqualTo(state.result(3));
  }

  @Test
  void sumStateWritesLongAndDoubleResultsWithNullForEmptyGroups() {
    SumState longs = new SumState(dev.ember.sql.types.DataTypes.LongType);
    longs.ensureCapacity(3);
    longs.update(new int[] {0, 2, 0}, ColumnVectors.of(dev.ember.sql.types.DataTypes.LongType,
        Arrays.asList(5L, 7L, -1L)), 3);
    dev.ember.sql.execution.vector.LongColumnVector out =
        new dev.ember.sql.execution.vector.LongColumnVector(dev.ember.sql.types.DataTypes.LongType, 3);
    longs.writeResults(0, 3, out);
    assertThat(Arrays.asList(out.getBoxed(0), out.getBoxed(1), out.getBoxed(2))).containsExactly(4L, null, 7L);
    SumState doubles = new SumState(dev.ember.sql.types.DataTypes.DoubleType);
    doubles.ensureCapacity(2);
    doubles.update(new int[] {1}, ColumnVectors.of(dev.ember.sql.types.DataTypes.DoubleType, List.of(2.5)), 1);
    dev.ember.sql.execution.vector.DoubleColumnVector d =
        new dev.ember.sql.execution.vector.DoubleColumnVector(dev.ember.sql.types.DataTypes.DoubleType, 2);
    doubles.writeResults(0, 2, d);
    assertThat(Arrays.asList(d.getBoxed(0), d.getBoxed(1))).containsExactly(null, 2.5);
  }
}
