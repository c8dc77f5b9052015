package dev.ember.sql.execution.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gathering rows of each vector type: values, NULLs, repeats and wide decimals in the order named. */
class ColumnVectorGatherTest {

  private static List<Object> gathered(DataType type, List<?> values, int... rows) {
    ColumnVector out = ColumnVectors.of(type, values).gather(rows, rows.length);
    assertThat(out.dataType()).isEqualTo(type);
    assertThat(out.capacity()).isEqualTo(rows.length);
    List<Object> boxed = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      boxed.add(out.getBoxed(i));
    }
    return boxed;
  }

  @Test
  void everyTypedVectorGathersValuesAndNulls() {
    assertThat(gathered(DataTypes.IntegerType, Arrays.asList(1, null, 3), 2, 1, 0, 2))
        .containsExactly(3, null, 1, 3);
    assertThat(gathered(DataTypes.LongType, Arrays.asList(1L, null, 3L), 1, 2)).containsExactly(null, 3L);
    assertThat(gathered(DataTypes.DoubleType, Arrays.asList(1.5, null), 0, 1)).containsExactly(1.5, null);
    assertThat(gathered(DataTypes.StringType, Arrays.asList("a", null, "c"), 2, 1)).containsExactly("c", null);
    assertThat(gathered(DataTypes.BooleanType, Arrays.asList(true, null, false), 2, 0, 1))
        .containsExactly(false, true, null);
    assertThat(gathered(DataTypes.NullType, Arrays.asList(null, null), 1)).containsExactly((Object) null);
  }

  @Test
  void decimalsGatherCompactAndWideValues() {
    BigDecimal huge = new BigDecimal("123456789012345678901234567890");
    List<Object> out = gathered(new DecimalType(38, 0), Arrays.asList(BigDecimal.ONE, huge, null), 1, 0, 2, 1);
    assertThat(out).containsExactly(huge, BigDecimal.ONE, null, huge);
    DecimalColumnVector compact = (DecimalColumnVector) ColumnVectors.of(new DecimalType(38, 0),
        Arrays.asList(BigDecimal.ONE, huge)).gather(new int[] {0}, 1);
    assertThat(compact.hasWideValues()).isFalse();
    assertThat(compact.unscaled[0]).isEqualTo(1L);
  }
}
