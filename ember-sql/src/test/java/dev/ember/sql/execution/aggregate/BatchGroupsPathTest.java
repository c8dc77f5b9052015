package dev.ember.sql.execution.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The batch update path of sums, averages and counts: counts from the groups' row counts, sums without a
 * test per row while no sum can overflow, and the fall back to the checked loops.
 */
class BatchGroupsPathTest {

  private static final DecimalType INPUT = new DecimalType(18, 0);
  private static final DecimalType SUM = new DecimalType(38, 0);

  private static DecimalColumnVector vector(String... values) {
    return (DecimalColumnVector) ColumnVectors.of(INPUT, Arrays.stream(values)
        .map(v -> v == null ? null : new BigDecimal(v)).toList());
  }

  private static BatchGroups batch(int groups, int... ids) {
    BatchGroups batch = new BatchGroups();
    batch.reset(ids, ids.length, groups);
    return batch;
  }

  @Test
  void rowsPerGroupCountsEachGroupAndIsNullWhenThereAreMoreGroupsThanRows() {
    assertThat(batch(3, 0, 2, 2, 0, 2).rowsPerGroup()).startsWith(2, 0, 3);
    assertThat(batch(4, 0, 3).rowsPerGroup()).isNull();
    // Refilled for the next batch: the counts start again from zero.
    BatchGroups reused = batch(2, 1, 1, 1);
    reused.rowsPerGroup();
    reused.reset(new int[] {0, 1}, 2, 2);
    assertThat(reused.rowsPerGroup()).startsWith(1, 1);
  }

  @Test
  void countsSkipNullRowsWithAndWithoutGroupRowCounts() {
    boolean[] nulls = {false, true, false, true, false};
    long[] fewGroups = new long[2];
    batch(2, 0, 0, 1, 1, 1).addNonNullCounts(fewGroups, nulls);
    assertThat(fewGroups).containsExactly(1, 2);
    long[] manyGroups = new long[8];
    batch(8, 7, 7, 3, 3, 0).addNonNullCounts(manyGroups, nulls);
    assertThat(manyGroups).containsExactly(1, 0, 0, 1, 0, 0, 0, 1);
  }

  @Test
  void sumWithoutPerRowTestsSkipsNullSlotsAndCountsPerGroup() {
    DecimalSumState state = new DecimalSumState(SUM);
    state.ensureCapacity(2);
    DecimalColumnVector v = vector("5", null, "7", "-4", null);
    v.unscaled[1] = 123;
    state.update(batch(2, 0, 0, 1, 1, 1), v);
    state.update(batch(2, 1, 0), vector("10", "1"));
    assertThat(state.result(0)).isEqualTo(new BigDecimal("6"));
    assertThat(state.count(0)).isEqualTo(2);
    assertThat(state.result(1)).isEqualTo(new BigDecimal("13"));
    assertThat(state.count(1)).isEqualTo(3);
  }

  @Test
  void aBatchThatCouldOverflowTakesTheCheckedLoopAndPromotesMidBatch() {
    DecimalSumState state = new DecimalSumState(SUM);
    state.ensureCapacity(2);
    state.update(batch(2, 0, 1), vector("1", "2"));
    String big = "900000000000000000";
    // Eleven values of 9e17 in group 0 overflow a long at the eleventh; group 1 stays a long.
    String[] values = new String[12];
    int[] ids = new int[12];
    Arrays.fill(values, big);
    values[3] = "5";
    ids[3] = 1;
    state.update(batch(2, ids), vector(values));
    state.update(batch(2, 0, 1), vector("-1", "1"));
    assertThat(state.result(0)).isEqualTo(new BigDecimal(big).multiply(BigDecimal.valueOf(11)));
    assertThat(state.count(0)).isEqualTo(13);
    assertThat(state.result(1)).isEqualTo(new BigDecimal("8"));
    assertThat(state.hasLongSum(1)).isTrue();
  }

  @Test
  void sumsStayExactAcrossTheSwitchToTheCheckedLoopWithManyGroups() {
    DecimalSumState state = new DecimalSumState(SUM);
    int groups = 100;
    state.ensureCapacity(groups);
    BigDecimal[] expected = new BigDecimal[groups];
    Arrays.fill(expected, BigDecimal.ZERO);
    // 50 values below 2^50 a batch: the unchecked loop until the bound of 2^62 is near (about 80 batches),
    // then the checked one.
    String value = "1000000000000000";
    for (int b = 0; b < 100; b++) {
      int n = 50;
      int[] ids = new int[n];
      List<BigDecimal> values = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ids[i] = (b * 7 + i * 3) % groups;
        BigDecimal x = new BigDecimal(i % 2 == 0 ? value : "-" + value);
        values.add(x);
        expected[ids[i]] = expected[ids[i]].add(x);
      }
      state.update(batch(groups, ids), ColumnVectors.of(INPUT, values));
    }
    for (int g = 0; g < groups; g++) {
      assertThat(state.result(g)).as("group %d", g).isEqualTo(expected[g]);
    }
  }

  @Test
  void averageUsesTheBatchPathForItsSumAndCount() {
    DecimalAverageState avg = new DecimalAverageState(new DecimalType(28, 0), new DecimalType(22, 4));
    avg.ensureCapacity(2);
    avg.update(batch(2, 0, 1, 0, 1), vector("1", null, "2", "5"));
    assertThat(avg.result(0)).isEqualTo(new BigDecimal("1.5000"));
    assertThat(avg.result(1)).isEqualTo(new BigDecimal("5.0000"));
  }

  @Test
  void countOfAColumnSkipsNullsAndCountOfRowsCountsAll() {
    CountState count = new CountState();
    count.ensureCapacity(2);
    count.update(batch(2, 0, 1, 1), ColumnVectors.of(DataTypes.LongType, Arrays.asList(1L, null, 3L)));
    count.addRows(batch(2, 1, 1, 0));
    LongColumnVector out = new LongColumnVector(DataTypes.LongType, 2);
    count.writeResults(0, 2, out);
    assertThat(out.values).containsExactly(2, 3);
  }
}
