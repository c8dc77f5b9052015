package dev.ember.sql.execution.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberConf;
import dev.ember.serializer.KryoSerializer;
import dev.ember.serializer.SerializerInstance;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnarBatchCodecTest {

  private static ColumnarBatch roundTrip(ColumnarBatch batch) {
    BatchBytesWriter out = new BatchBytesWriter(16);
    ColumnarBatchCodec.write(batch, out);
    BatchBytesReader in = new BatchBytesReader(out.array(), 0, out.position());
    ColumnarBatch read = ColumnarBatchCodec.read(in);
    assertThat(in.position()).as("every byte consumed").isEqualTo(out.position());
    return read;
  }

  private static void assertSameRows(ColumnarBatch actual, ColumnarBatch expected) {
    assertThat(actual.numRows()).isEqualTo(expected.numRows());
    assertThat(actual.numCols()).isEqualTo(expected.numCols());
    for (int c = 0; c < expected.numCols(); c++) {
      assertThat(actual.column(c).dataType()).isEqualTo(expected.column(c).dataType());
      assertThat(actual.column(c).getClass()).isEqualTo(expected.column(c).getClass());
      for (int r = 0; r < expected.numRows(); r++) {
        assertThat(actual.column(c).isNull(r)).as("null at %d,%d", r, c).isEqualTo(expected.column(c).isNull(r));
      }
    }
    for (int r = 0; r < expected.numRows(); r++) {
      assertThat(actual.row(r)).as("row %d", r).containsExactly(expected.row(r));
    }
  }

  private static ColumnarBatch everyType() {
    DataType dec = new DecimalType(12, 2);
    DataType wideDec = new DecimalType(38, 4);
    return new ColumnarBatch(new ColumnVector[] {
        ColumnVectors.of(DataTypes.BooleanType, Arrays.asList(true, null, false, true)),
        ColumnVectors.of(DataTypes.IntegerType, Arrays.asList(1, null, Integer.MIN_VALUE, Integer.MAX_VALUE)),
        ColumnVectors.of(DataTypes.DateType, Arrays.asList(19000, 0, null, -1)),
        ColumnVectors.of(DataTypes.ShortType, Arrays.asList(null, null, 7, -7)),
        ColumnVectors.of(DataTypes.LongType, Arrays.asList(Long.MIN_VALUE, null, 0L, Long.MAX_VALUE)),
        ColumnVectors.of(DataTypes.TimestampType, Arrays.asList(1L, 2L, 3L, 4L)),
        ColumnVectors.of(DataTypes.DoubleType, Arrays.asList(1.5, Double.NaN, null, Double.NEGATIVE_INFINITY)),
        ColumnVectors.of(DataTypes.FloatType, Arrays.asList(0.25, -0.0, 3.0, null)),
        ColumnVectors.of(DataTypes.StringType, Arrays.asList("a", null, "", "héllo, 世界 \uD83D\uDE00")),
        ColumnVectors.of(dec, Arrays.asList(new BigDecimal("12.34"), null, new BigDecimal("-0.01"),
            new BigDecimal("9999999999.99"))),
        ColumnVectors.of(wideDec, Arrays.asList(new BigDecimal("123456789012345678901234.5678"), null,
            new BigDecimal("1.0000"), new BigDecimal("-99999999999999999999999999999999.9999"))),
        ColumnVectors.of(DataTypes.NullType, Arrays.asList(null, null, null, null)),
        ColumnVectors.of(DataTypes.YearMonthIntervalType, Arrays.asList(13, null, null, null)),
        ColumnVectors.of(DataTypes.DayTimeIntervalType, Arrays.asList(null, null, null, null)),
    }, 4);
  }

  @Test
  void roundTripsEveryVectorTypeWithNulls() {
    ColumnarBatch batch = everyType();
    ColumnarBatch read = roundTrip(batch);
    assertSameRows(read, batch);
    assertThat(((DecimalColumnVector) read.column(10)).hasWideValues()).isTrue();
    assertThat(((DecimalColumnVector) read.column(10)).isCompact(2)).isTrue();
    assertThat(Double.isNaN(((DoubleColumnVector) read.column(6)).values[1])).isTrue();
    assertThat(Double.doubleToRawLongBits(((DoubleColumnVector) read.column(7)).values[1]))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void roundTripsEmptyBatches() {
    ColumnarBatch noRows = new ColumnarBatch(new ColumnVector[] {
        ColumnVectors.allocate(DataTypes.StringType, 0), ColumnVectors.allocate(new DecimalType(10, 2), 8)}, 0);
    ColumnarBatch read = roundTrip(noRows);
    assertThat(read.numRows()).isZero();
    assertThat(read.numCols()).isEqualTo(2);
    assertThat(read.column(1).dataType()).isEqualTo(new DecimalType(10, 2));
    assertThat(roundTrip(new ColumnarBatch(new ColumnVector[0], 0)).numCols()).isZero();
    assertThat(roundTrip(new ColumnarBatch(new ColumnVector[0], 5)).numRows()).isEqualTo(5);
  }

  @Test
  void writesOnlyTheRowsOfABatchOverLargerVectors() {
    ColumnVector ints = ColumnVectors.allocate(DataTypes.IntegerType, 4096);
    ColumnVector strings = ColumnVectors.allocate(DataTypes.StringType, 4096);
    for (int i = 0; i < 4096; i++) {
      ints.setBoxed(i, i % 3 == 0 ? null : i);
      strings.setBoxed(i, i % 5 == 0 ? null : "s" + i);
    }
    ColumnarBatch view = new ColumnarBatch(new ColumnVector[] {ints, strings}, 10);
    BatchBytesWriter out = new BatchBytesWriter(16);
    ColumnarBatchCodec.write(view, out);
    assertThat(out.position()).isLessThan(200);
    ColumnarBatch read = roundTrip(view);
    assertThat(read.column(0).capacity()).isEqualTo(10);
    assertSameRows(read, view);
    assertThat(read.row(9)).containsExactly(null, "s9");
    assertThat(read.row(7)).containsExactly(7, "s7");

    ColumnarBatch gathered = view.gather(new int[] {9, 1, 0}, 3);
    assertSameRows(roundTrip(gathered), gathered);
    assertThat(roundTrip(gathered).row(0)).containsExactly(null, "s9");
  }

  @Test
  void packsNullMasksAndPrimitivesCompactly() {
    int rows = 1000;
    List<Object> longs = new java.util.ArrayList<>();
    for (int i = 0; i < rows; i++) {
      longs.add(i % 2 == 0 ? null : (long) i);
    }
    ColumnarBatch batch = new ColumnarBatch(new ColumnVector[] {ColumnVectors.of(DataTypes.LongType, longs)}, rows);
    BatchBytesWriter out = new BatchBytesWriter(16);
    ColumnarBatchCodec.write(batch, out);
    // 8 header bytes, kind, type, null mode, 125 bytes of null bits, a width and a base, then the values 1 to
    // 999 as two-byte offsets from 1.
    assertThat(out.position()).isEqualTo(8 + 3 + 125 + 9 + 2000);
    assertSameRows(roundTrip(batch), batch);
  }

  @Test
  void packsIntegersIntoTheWidthTheirRangeNeeds() {
    List<List<Long>> cases = List.of(List.of(7L, 7L, 7L), List.of(-3L, 250L, 0L), List.of(-40_000L, 25_000L, 1L),
        List.of(-5L, 4_000_000_000L, 17L), List.of(Long.MIN_VALUE, 0L, Long.MAX_VALUE),
        List.of(Long.MAX_VALUE - 1, Long.MAX_VALUE, Long.MAX_VALUE - 200));
    int[] offsetBytes = {0, 3, 3 * 2, 3 * 4, 3 * 8, 3};
    for (int c = 0; c < cases.size(); c++) {
      ColumnarBatch batch = new ColumnarBatch(new ColumnVector[] {ColumnVectors.of(DataTypes.LongType,
          cases.get(c))}, 3);
      BatchBytesWriter out = new BatchBytesWriter(16);
      ColumnarBatchCodec.write(batch, out);
      assertThat(out.position()).as("case %d", c).isEqualTo(8 + 3 + 9 + offsetBytes[c]);
      assertSameRows(roundTrip(batch), batch);
    }
    ColumnarBatch ints = new ColumnarBatch(new ColumnVector[] {ColumnVectors.of(DataTypes.IntegerType,
        Arrays.asList(Integer.MIN_VALUE, null, Integer.MAX_VALUE, -1)), ColumnVectors.of(DataTypes.IntegerType,
        Arrays.asList(null, null, null, null))}, 4);
    assertSameRows(roundTrip(ints), ints);
  }

  @Test
  void writesUnknownVectorClassesWithJavaSerialization() {
    ColumnVector custom = new TestVector(3);
    custom.setBoxed(0, "x");
    custom.setBoxed(2, "z");
    ColumnarBatch batch = new ColumnarBatch(new ColumnVector[] {custom,
        ColumnVectors.of(DataTypes.IntegerType, Arrays.asList(1, 2, 3))}, 3);
    ColumnarBatch read = roundTrip(batch);
    assertThat(read.column(0)).isInstanceOf(TestVector.class);
    assertThat(read.rows()).extracting(row -> Arrays.asList(row))
        .containsExactly(Arrays.asList("x", 1), Arrays.asList(null, 2), Arrays.asList("z", 3));
  }

  @Test
  void rejectsTruncatedBytes() {
    BatchBytesWriter out = new BatchBytesWriter(16);
    ColumnarBatchCodec.write(everyType(), out);
    assertThatThrownBy(() -> ColumnarBatchCodec.read(new BatchBytesReader(out.array(), 0, out.position() - 3)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("truncated or corrupt");
  }

  @Test
  void kryoDataSerializerWritesBatchesInCompactForm() {
    SerializerInstance kryo = new KryoSerializer(new EmberConf()).newInstance();
    ColumnarBatch batch = everyType();
    ByteBuffer bytes = kryo.serialize(List.of(batch, batch));
    List<ColumnarBatch> read = kryo.deserialize(bytes);
    assertThat(read).hasSize(2);
    assertSameRows(read.get(0), batch);
    assertSameRows(read.get(1), batch);

    int rows = 4096;
    ColumnVector ints = ColumnVectors.allocate(DataTypes.IntegerType, rows);
    for (int i = 0; i < rows; i++) {
      ints.setBoxed(i, i);
    }
    ByteBuffer big = kryo.serialize(new ColumnarBatch(new ColumnVector[] {ints}, rows));
    // Values 0 to 4095 take two bytes each plus a small header.
    assertThat(big.remaining()).isBetween(2 * rows, 2 * rows + 200);
  }

  /** A vector class the codec does not know, standing in for types added later. */
  static final class TestVector extends ColumnVector {
    private static final long serialVersionUID = 1L;
    private final Object[] values;

    TestVector(int capacity) {
      super(DataTypes.StringType, capacity);
      this.values = new Object[capacity];
      Arrays.fill(nulls, true);
    }

    @Override
    public Object getBoxed(int i) {
      return nulls[i] ? null : values[i];
    }

    @Override
    public void setBoxed(int i, Object value) {
      nulls[i] = value == null;
      values[i] = value;
    }

    @Override
    public void copyFrom(int i, ColumnVector src, int srcRow) {
      setBoxed(i, src.getBoxed(srcRow));
    }
  }
}
