package dev.ember.sql.execution.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The long-only update loop of {@link DecimalSumState}: NULLs, an overflow mid-batch, groups that stay long. */
class DecimalSumStateLongPathTest {

  private static final DecimalType INPUT = new DecimalType(18, 0);
  private static final DecimalType SUM = new DecimalType(38, 0);

  private static DecimalColumnVector vector(String... values) {
    return (DecimalColumnVector) ColumnVectors.of(INPUT, Arrays.stream(values)
        .map(v -> v == null ? null : new BigDecimal(v)).toList());
  }

  @Test
  void aNullRowsSlotIsNeitherAddedNorCounted() {
    DecimalSumState state = new DecimalSumState(SUM);
    state.ensureCapacity(1);
    DecimalColumnVector v = vector("5", null, "7");
    v.unscaled[1] = Long.MAX_VALUE;
    state.update(new int[] {0, 0, 0}, v, 3);
    assertThat(state.result(0)).isEqualTo(new BigDecimal("12"));
    assertThat(state.count(0)).isEqualTo(2);
  }

  @Test
  void anOverflowMidBatchPromotesOnlyItsGroupAndTheRestOfTheBatchIsExact() {
    DecimalSumState state = new DecimalSumState(SUM);
    state.ensureCapacity(3);
    String big = "900000000000000000";
    // Group 0 has eleven values of 9e17 and overflows a long at the eleventh (row 11); row 12 (group 1) and
    // row 13 (a NULL of group 2) come after the overflow and take the general loop.
    String[] values = new String[14];
    int[] groups = new int[14];
    Arrays.fill(values, big);
    values[5] = "1";
    groups[5] = 1;
    values[12] = "2";
    groups[12] = 1;
    values[13] = null;
    groups[13] = 2;
    state.update(groups, vector(values), 14);
    state.update(new int[] {0, 1, 2}, vector("-3", "4", "6"), 3);
    assertThat(state.result(0)).isEqualTo(new BigDecimal(big).multiply(BigDecimal.valueOf(11))
        .subtract(BigDecimal.valueOf(3)));
    assertThat(state.count(0)).isEqualTo(12);
    assertThat(state.result(1)).isEqualTo(new BigDecimal("7"));
    assertThat(state.hasLongSum(1)).isTrue();
    assertThat(state.result(2)).isEqualTo(new BigDecimal("6"));
    assertThat(state.count(2)).isEqualTo(1);
  }

  @Test
  void negativeOverflowAndGrowth() {
    DecimalSumState state = new DecimalSumState(SUM);
    state.ensureCapacity(1);
    String low = "-900000000000000000";
    String[] values = new String[11];
    Arrays.fill(values, low);
    state.update(new int[11], vector(values), 11);
    state.ensureCapacity(100);
    int[] groups = new int[] {0, 99};
    state.update(groups, vector("-1", "8"), 2);
    assertThat(state.result(0)).isEqualTo(new BigDecimal(low).multiply(BigDecimal.valueOf(11))
        .subtract(BigDecimal.ONE));
    assertThat(state.result(99)).isEqualTo(new BigDecimal("8"));
  }
}
