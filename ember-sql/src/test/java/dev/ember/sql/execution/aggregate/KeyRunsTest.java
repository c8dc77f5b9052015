package dev.ember.sql.execution.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.types.DataTypes;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs of equal keys over mixed columns, whichever column splits first. */
class KeyRunsTest {

  @Test
  void aStringColumnBeforeAnIntColumnSplitsWhereEitherChanges() {
    // Equal strings that are different objects continue a run; NULL continues a run of NULLs only.
    String a1 = new String("type a");
    String a2 = new String("type a");
    ColumnVector strings = ColumnVectors.of(DataTypes.StringType,
        Arrays.asList(a1, a2, a2, "type b", null, null, "type b"));
    ColumnVector ints = ColumnVectors.of(DataTypes.IntegerType, Arrays.asList(1, 1, 2, 2, 2, null, null));
    ColumnVector[] keys = {strings, ints};
    int[] ids = new int[7];
    assertThat(KeyRuns.runIds(keys, 7, 10, ids)).isEqualTo(6);
    assertThat(ids).containsExactly(10, 10, 11, 12, 13, 14, 15);
    assertThat(KeyRuns.count(keys, 7)).isEqualTo(6);
  }

  @Test
  void onlyRowsNoColumnSplitsStayInTheirRun() {
    ColumnVector ints = ColumnVectors.of(DataTypes.IntegerType, List.of(1, 2, 2, 2));
    ColumnVector longs = ColumnVectors.of(DataTypes.LongType, List.of(5L, 5L, 5L, 6L));
    ColumnVector strings = ColumnVectors.of(DataTypes.StringType, List.of("x", "x", "y", "y"));
    ColumnVector[] keys = {strings, ints, longs};
    int[] ids = new int[4];
    assertThat(KeyRuns.runIds(keys, 4, 0, ids)).isEqualTo(4);
    assertThat(ids).containsExactly(0, 1, 2, 3);
    assertThat(KeyRuns.count(new ColumnVector[] {strings}, 4)).isEqualTo(2);
    assertThat(KeyRuns.count(keys, 0)).isZero();
  }
}
