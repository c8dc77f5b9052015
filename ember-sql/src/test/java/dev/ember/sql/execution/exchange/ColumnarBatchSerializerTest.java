package dev.ember.sql.execution.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.Tuple2;
import dev.ember.serializer.DeserializationStream;
import dev.ember.serializer.EndOfStreamException;
import dev.ember.serializer.SerializationFailedException;
import dev.ember.serializer.SerializationStream;
import dev.ember.serializer.SerializerInstance;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.types.DataTypes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnarBatchSerializerTest {

  private static ColumnarBatch batch(int rows, String prefix) {
    List<Object> ids = new ArrayList<>();
    List<Object> names = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      ids.add(i % 7 == 0 ? null : (long) i);
      names.add(prefix + i);
    }
    return new ColumnarBatch(new ColumnVector[] {ColumnVectors.of(DataTypes.LongType, ids),
        ColumnVectors.of(DataTypes.StringType, names)}, rows);
  }

  private static List<List<Object>> rows(ColumnarBatch batch) {
    return batch.rows().stream().map(Arrays::asList).toList();
  }

  @Test
  void streamsPartitionIdsAndBatchesAsKeyValuePairs() {
    SerializerInstance serializer = ColumnarBatchSerializer.INSTANCE.newInstance();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // A large batch passes the flush threshold in the middle of the stream.
    List<ColumnarBatch> batches = List.of(batch(3, "a"), batch(0, "b"), batch(40_000, "c"), batch(5, "d"));
    try (SerializationStream out = serializer.serializeStream(bytes)) {
      for (int i = 0; i < batches.size(); i++) {
        out.writeKeyValue(i * 10, batches.get(i));
      }
    }
    DeserializationStream in = serializer.deserializeStream(new ByteArrayInputStream(bytes.toByteArray()));
    Iterator<Tuple2<Integer, ColumnarBatch>> pairs = in.asKeyValueIterator();
    for (int i = 0; i < batches.size(); i++) {
      Tuple2<Integer, ColumnarBatch> pair = pairs.next();
      assertThat(pair._1()).isEqualTo(i * 10);
      assertThat(rows(pair._2())).isEqualTo(rows(batches.get(i)));
    }
    assertThat(pairs.hasNext()).isFalse();
  }

  @Test
  void signalsTheEndOfAStreamAndATruncatedRecord() {
    SerializerInstance serializer = ColumnarBatchSerializer.INSTANCE.newInstance();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (SerializationStream out = serializer.serializeStream(bytes)) {
      out.writeObject(batch(100, "x"));
    }
    byte[] all = bytes.toByteArray();
    DeserializationStream whole = serializer.deserializeStream(new ByteArrayInputStream(all));
    assertThat(rows(whole.readObject())).hasSize(100);
    assertThatThrownBy(whole::readObject).isInstanceOf(EndOfStreamException.class);

    DeserializationStream cut = serializer.deserializeStream(new ByteArrayInputStream(Arrays.copyOf(all, 50)));
    assertThatThrownBy(cut::readObject).isInstanceOf(SerializationFailedException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void serializesSingleRecordsAndOtherObjects() {
    SerializerInstance serializer = ColumnarBatchSerializer.INSTANCE.newInstance();
    ColumnarBatch b = batch(9, "s");
    ColumnarBatch read = serializer.deserialize(serializer.serialize(b));
    assertThat(rows(read)).isEqualTo(rows(b));
    Integer id = serializer.deserialize(serializer.serialize(-5));
    assertThat(id).isEqualTo(-5);
    List<String> other = serializer.deserialize(serializer.serialize(new ArrayList<>(List.of("p", "q"))));
    assertThat(other).containsExactly("p", "q");
    assertThatThrownBy(() -> serializer.serialize(new Object())).isInstanceOf(SerializationFailedException.class)
        .hasMessageContaining("java.lang.Object");
  }

  @Test
  void staysASingletonAcrossJavaSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(ColumnarBatchSerializer.INSTANCE);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isSameAs(ColumnarBatchSerializer.INSTANCE);
    }
    assertThat(ColumnarBatchSerializer.INSTANCE.supportsRelocationOfSerializedObjects()).isTrue();
  }
}
