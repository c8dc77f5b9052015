package dev.ember.sql.execution.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.Tuple2;
import dev.ember.serializer.DeserializationStream;
import dev.ember.serializer.SerializationStream;
import dev.ember.serializer.SerializerInstance;
import dev.ember.sql.execution.vector.BatchBytesWriter;
import dev.ember.sql.execution.vector.BatchSliceCodec;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncodedBatchTest {

  private static ColumnarBatch batch(int rows) {
    List<Object> ids = new ArrayList<>();
    List<Object> names = new ArrayList<>();
    List<Object> prices = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      ids.add(i % 7 == 0 ? null : (long) i);
      names.add(i % 5 == 0 ? null : "név-" + i);
      prices.add(i % 11 == 0 ? null : BigDecimal.valueOf(i * 3L, 2));
    }
    return new ColumnarBatch(new ColumnVector[] {ColumnVectors.of(DataTypes.LongType, ids),
        ColumnVectors.of(DataTypes.StringType, names), ColumnVectors.of(new DecimalType(15, 2), prices)}, rows);
  }

  private static EncodedBatch encode(ColumnarBatch batch, int[] rows, int count) {
    BatchBytesWriter out = new BatchBytesWriter(16);
    BatchSliceCodec.write(batch, rows, count, out);
    return new EncodedBatch(Arrays.copyOf(out.array(), out.position()));
  }

  private static List<List<Object>> rows(ColumnarBatch batch) {
    return batch.rows().stream().map(Arrays::asList).toList();
  }

  @Test
  void encodedSlicesTravelAsBatchesBesideUnencodedOnes() {
    ColumnarBatch source = batch(50_000);
    int[] even = new int[25_000];
    for (int i = 0; i < even.length; i++) {
      even[i] = 2 * i;
    }
    SerializerInstance serializer = ColumnarBatchSerializer.INSTANCE.newInstance();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (SerializationStream out = serializer.serializeStream(bytes)) {
      out.writeKeyValue(0, encode(source, even, even.length));
      out.writeKeyValue(1, batch(3));
      out.writeKeyValue(2, encode(source, new int[0], 0));
    }
    DeserializationStream in = serializer.deserializeStream(new ByteArrayInputStream(bytes.toByteArray()));
    Iterator<Tuple2<Integer, ColumnarBatch>> pairs = in.asKeyValueIterator();
    Tuple2<Integer, ColumnarBatch> first = pairs.next();
    assertThat(first._1()).isZero();
    assertThat(rows(first._2())).isEqualTo(rows(source.gather(even, even.length)));
    assertThat(first._2().row(1)).containsExactly(2L, "név-2", new BigDecimal("0.06"));
    assertThat(rows(pairs.next()._2())).isEqualTo(rows(batch(3)));
    Tuple2<Integer, ColumnarBatch> empty = pairs.next();
    assertThat(empty._2().numRows()).isZero();
    assertThat(empty._2().numCols()).isEqualTo(3);
    assertThat(pairs.hasNext()).isFalse();
  }

  @Test
  void aSingleEncodedRecordSerializesLikeItsBatch() {
    ColumnarBatch source = batch(10);
    int[] rows = {9, 0, 5};
    SerializerInstance serializer = ColumnarBatchSerializer.INSTANCE.newInstance();
    ColumnarBatch read = serializer.deserialize(serializer.serialize(encode(source, rows, 3)));
    assertThat(rows(read)).isEqualTo(rows(source.gather(rows, 3)));
    assertThat(serializer.serialize(encode(source, rows, 3)))
        .isEqualTo(serializer.serialize(source.gather(rows, 3)));
  }
}
