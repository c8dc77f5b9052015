package dev.ember.sql.execution.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The column-by-column store of an aggregation table's group keys. */
class GroupKeyColumnsTest {

  @Test
  void keysKeepTheirValuesAndNullsAcrossChunks() {
    int rows = 2 * ColumnarBatch.MAX_ROWS + 7;
    LongColumnVector longs = new LongColumnVector(DataTypes.LongType, rows);
    StringColumnVector strings = new StringColumnVector(DataTypes.StringType, rows);
    for (int i = 0; i < rows; i++) {
      longs.values[i] = i * 3L;
      longs.nulls[i] = i % 5 == 0;
      strings.values[i] = "s" + i;
      strings.nulls[i] = i % 7 == 0;
    }
    GroupKeyColumns keys = new GroupKeyColumns(2);
    ColumnVector[] columns = {longs, strings};
    for (int i = 0; i < rows; i++) {
      assertThat(keys.add(columns, i)).isEqualTo(i);
    }
    assertThat(keys.size()).isEqualTo(rows);
    assertThat(keys.numChunks()).isEqualTo(3);
    for (int i : new int[] {0, 1, 4095, 4096, 4097, 8198}) {
      assertThat(keys.get(i, 0)).isEqualTo(i % 5 == 0 ? null : (Object) (i * 3L));
      assertThat(keys.get(i, 1)).isEqualTo(i % 7 == 0 ? null : "s" + i);
    }
    // Chunk 1 holds groups 4096.. at rows 0..: they are the output key columns as they are.
    ColumnVector[] chunk = keys.chunk(1);
    assertThat(((LongColumnVector) chunk[0]).values[1]).isEqualTo(4097 * 3L);
    assertThat(chunk[1].getBoxed(0)).isEqualTo("s4096");
  }

  @Test
  void negativeZeroIsStoredAsZero() {
    DoubleColumnVector doubles = new DoubleColumnVector(DataTypes.DoubleType, 2);
    doubles.values[0] = -0.0;
    doubles.values[1] = 1.5;
    GroupKeyColumns keys = new GroupKeyColumns(1);
    keys.add(new ColumnVector[] {doubles}, 0);
    keys.add(new ColumnVector[] {doubles}, 1);
    assertThat(Double.doubleToRawLongBits((Double) keys.get(0, 0))).isEqualTo(Double.doubleToRawLongBits(0.0));
    assertThat(keys.get(1, 0)).isEqualTo(1.5);
  }

  @Test
  void wideDecimalsAndLaterVectorsOfAnotherClassAreCopiedByValue() {
    DecimalType type = new DecimalType(38, 2);
    BigDecimal wide = new BigDecimal("123456789012345678901234567890.12");
    ColumnVector decimals = ColumnVectors.of(type, Arrays.asList(wide, new BigDecimal("1.50"), null));
    GroupKeyColumns keys = new GroupKeyColumns(1);
    for (int i = 0; i < 3; i++) {
      keys.add(new ColumnVector[] {decimals}, i);
    }
    assertThat(keys.get(0, 0)).isEqualTo(wide);
    assertThat(keys.get(1, 0)).isEqualTo(new BigDecimal("1.50"));
    assertThat(keys.get(2, 0)).isNull();
    // A NULL-typed column (a boolean vector standing in) is all NULL.
    GroupKeyColumns nullKeys = new GroupKeyColumns(1);
    nullKeys.add(new ColumnVector[] {ColumnVectors.allocate(DataTypes.NullType, 1)}, 0);
    assertThat(nullKeys.get(0, 0)).isNull();
  }
}
