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

/** Copying a range of rows into the middle of a vector: values and NULLs land where asked, the rest untouched. */
class ColumnVectorCopyRangeTest {

  /** Rows 1 and 2 of {@code values} copied to rows 2 and 3 of a vector of {@code filler} x 5. */
  private static List<Object> copied(DataType type, List<?> values, Object filler) {
    ColumnVector target = ColumnVectors.of(type, Arrays.asList(filler, filler, filler, filler, filler));
    target.copyRange(2, ColumnVectors.of(type, values), 1, 2);
    List<Object> boxed = new ArrayList<>();
    for (int i = 0; i < target.capacity(); i++) {
      boxed.add(target.getBoxed(i));
    }
    return boxed;
  }

  @Test
  void everyTypedVectorCopiesValuesAndNulls() {
    assertThat(copied(DataTypes.IntegerType, Arrays.asList(1, null, 3, 4), 9)).containsExactly(9, 9, null, 3, 9);
    assertThat(copied(DataTypes.LongType, Arrays.asList(1L, 2L, null), 9L)).containsExactly(9L, 9L, 2L, null, 9L);
    assertThat(copied(DataTypes.DoubleType, Arrays.asList(1.5, null, 2.5), 0.0))
        .containsExactly(0.0, 0.0, null, 2.5, 0.0);
    assertThat(copied(DataTypes.StringType, Arrays.asList("a", "b", null), "z"))
        .containsExactly("z", "z", "b", null, "z");
    assertThat(copied(DataTypes.BooleanType, Arrays.asList(true, false, true), null))
        .containsExactly(null, null, false, true, null);
  }

  @Test
  void otherVectorsCopyRowByRow() {
    BigDecimal huge = new BigDecimal("123456789012345678901234567890");
    assertThat(copied(new DecimalType(38, 0), Arrays.asList(BigDecimal.ONE, huge, null), BigDecimal.TEN))
        .containsExactly(BigDecimal.TEN, BigDecimal.TEN, huge, null, BigDecimal.TEN);
  }
}
