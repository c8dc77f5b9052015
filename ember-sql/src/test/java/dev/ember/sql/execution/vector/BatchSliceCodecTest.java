package dev.ember.sql.execution.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchSliceCodecTest {

  /** The slice's bytes must equal those of the gathered batch, and read back as the gathered rows. */
  private static ColumnarBatch assertSliceEqualsGather(ColumnarBatch batch, int[] rows, int count) {
    BatchBytesWriter slice = new BatchBytesWriter(16);
    BatchSliceCodec.write(batch, rows, count, slice);
    ColumnarBatch gathered = batch.gather(rows, count);
    BatchBytesWriter expected = new BatchBytesWriter(16);
    ColumnarBatchCodec.write(gathered, expected);
    assertThat(Arrays.copyOf(slice.array(), slice.position()))
        .isEqualTo(Arrays.copyOf(expected.array(), expected.position()));
    BatchBytesReader in = new BatchBytesReader(slice.array(), 0, slice.position());
    ColumnarBatch read = ColumnarBatchCodec.read(in);
    assertThat(in.position()).isEqualTo(slice.position());
    assertThat(read.numRows()).isEqualTo(count);
    for (int r = 0; r < count; r++) {
      assertThat(read.row(r)).as("row %d", r).containsExactly(batch.row(rows[r]));
    }
    return read;
  }

  private static ColumnarBatch everyType() {
    DataType dec = new DecimalType(12, 2);
    DataType wideDec = new DecimalType(38, 4);
    return new ColumnarBatch(new ColumnVector[] {
        ColumnVectors.of(DataTypes.BooleanType, Arrays.asList(true, null, false, true, false)),
        ColumnVectors.of(DataTypes.IntegerType, Arrays.asList(1, null, Integer.MIN_VALUE, Integer.MAX_VALUE, 5)),
        ColumnVectors.of(DataTypes.DateType, Arrays.asList(19000, 0, null, -1, 19001)),
        ColumnVectors.of(DataTypes.LongType, Arrays.asList(Long.MIN_VALUE, null, 0L, Long.MAX_VALUE, 3L)),
        ColumnVectors.of(DataTypes.TimestampType, Arrays.asList(1L, 2L, 300L, 70_000L, 5_000_000_000L)),
        ColumnVectors.of(DataTypes.DoubleType, Arrays.asList(1.5, Double.NaN, null, Double.NEGATIVE_INFINITY, -0.0)),
        ColumnVectors.of(DataTypes.StringType, Arrays.asList("a", null, "", "héllo, 世界 \uD83D\uDE00", "ß")),
        ColumnVectors.of(dec, Arrays.asList(new BigDecimal("12.34"), null, new BigDecimal("-0.01"),
            new BigDecimal("9999999999.99"), new BigDecimal("0.00"))),
        ColumnVectors.of(wideDec, Arrays.asList(new BigDecimal("123456789012345678901234.5678"), null,
            new BigDecimal("1.0000"), new BigDecimal("-99999999999999999999999999999999.9999"), null)),
        ColumnVectors.of(DataTypes.NullType, Arrays.asList(null, null, null, null, null)),
        ColumnVectors.of(new ArrayType(DataTypes.IntegerType, true),
            Arrays.asList(List.of(1, 2), null, List.of(), Arrays.asList(3, null), List.of(4))),
    }, 5);
  }

  @Test
  void slicesOfEveryVectorTypeWithNullsEncodeLikeTheirGather() {
    ColumnarBatch batch = everyType();
    assertSliceEqualsGather(batch, new int[] {4, 0, 3}, 3);
    assertSliceEqualsGather(batch, new int[] {1, 2}, 2);
    assertSliceEqualsGather(batch, new int[] {0, 1, 2, 3, 4}, 5);
    // Repeated rows, and a selection array longer than its count.
    assertSliceEqualsGather(batch, new int[] {2, 2, 4, 1, 99}, 4);
  }

  @Test
  void keepsWideDecimalsAtTheirPositionInTheSlice() {
    ColumnarBatch read = assertSliceEqualsGather(everyType(), new int[] {2, 3, 0}, 3);
    DecimalColumnVector wide = (DecimalColumnVector) read.column(8);
    assertThat(wide.isCompact(0)).isTrue();
    assertThat(wide.getDecimal(1)).isEqualTo(new BigDecimal("-99999999999999999999999999999999.9999"));
    assertThat(wide.getDecimal(2)).isEqualTo(new BigDecimal("123456789012345678901234.5678"));
  }

  @Test
  void encodesEmptySlicesAndAllNullSlices() {
    ColumnarBatch batch = everyType();
    ColumnarBatch empty = assertSliceEqualsGather(batch, new int[0], 0);
    assertThat(empty.numCols()).isEqualTo(batch.numCols());
    ColumnarBatch nulls = assertSliceEqualsGather(batch, new int[] {1, 1}, 2);
    assertThat(nulls.column(1).isNull(0)).isTrue();
    assertThat(nulls.column(6).isNull(1)).isTrue();
  }

  @Test
  void coversEveryIntegerWidthAndGrowsPastItsBuffer() {
    int rows = 20_000;
    List<Object> narrow = new ArrayList<>();
    List<Object> shorts = new ArrayList<>();
    List<Object> ints = new ArrayList<>();
    List<Object> longs = new ArrayList<>();
    List<Object> wideInts = new ArrayList<>();
    List<Object> strings = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      narrow.add(i % 13 == 0 ? null : 1000 + i % 200);
      shorts.add(-5L + i);
      ints.add(i % 2 == 0 ? (long) i * 100_000 : null);
      longs.add(i % 3 == 0 ? Long.MIN_VALUE + i : (long) i);
      wideInts.add(i % 2 == 0 ? Integer.MIN_VALUE + i : Integer.MAX_VALUE - i);
      strings.add("ключ-" + i);
    }
    ColumnarBatch batch = new ColumnarBatch(new ColumnVector[] {
        ColumnVectors.of(DataTypes.IntegerType, narrow), ColumnVectors.of(DataTypes.LongType, shorts),
        ColumnVectors.of(DataTypes.LongType, ints), ColumnVectors.of(DataTypes.LongType, longs),
        ColumnVectors.of(DataTypes.IntegerType, wideInts), ColumnVectors.of(DataTypes.StringType, strings)}, rows);
    int[] odd = new int[rows / 2];
    int[] all = new int[rows];
    for (int i = 0; i < rows; i++) {
      all[i] = rows - 1 - i;
      if (i % 2 == 1) {
        odd[i / 2] = i;
      }
    }
    assertSliceEqualsGather(batch, all, rows);
    ColumnarBatch read = assertSliceEqualsGather(batch, odd, odd.length);
    assertThat(read.column(2).isNull(0)).isTrue();
    assertThat(read.row(0)).containsExactly(1001, -4L, null, 1L, Integer.MAX_VALUE - 1, "ключ-1");
  }
}
