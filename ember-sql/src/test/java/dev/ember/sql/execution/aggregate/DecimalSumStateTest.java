package dev.ember.sql.execution.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.Arrays;
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
}
