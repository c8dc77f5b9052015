package dev.ember.sql.execution.exchange;

import dev.ember.serializer.DeserializationStream;
import dev.ember.serializer.SerializationStream;
import dev.ember.serializer.Serializer;
import dev.ember.serializer.SerializerInstance;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The data serializer of SQL exchanges (Spark's {@code UnsafeRowSerializer} in spirit): the records of an
 * exchange are {@code (partition id, batch)} pairs, and this writes each id as a tagged int and each batch in
 * {@link dev.ember.sql.execution.vector.ColumnarBatchCodec}'s compact form, without the class names and
 * per-field overhead of a general serializer. Any other record falls back to Java serialization. Records
 * carry no stream state, so serialized records can be relocated.
 *
 * <pre>{@code
 * new ShuffledRDD<>(pieces, partitioner).setSerializer(ColumnarBatchSerializer.INSTANCE);
 * }</pre>
 */
public final class ColumnarBatchSerializer implements Serializer {

  /** The shared serializer; it holds no state. */
  public static final ColumnarBatchSerializer INSTANCE = new ColumnarBatchSerializer();
  private static final long serialVersionUID = 1L;

  private ColumnarBatchSerializer() {}

  @Override
  public SerializerInstance newInstance() {
    return new Instance();
  }

  @Override
  public boolean supportsRelocationOfSerializedObjects() {
    return true;
  }

  private Object readResolve() {
    return INSTANCE;
  }

  /** One thread's serializer; single objects use the same record format as streams. */
  private static final class Instance implements SerializerInstance {

    @Override
    public ByteBuffer serialize(Object value) {
      BatchRecordOutput out = new BatchRecordOutput(OutputStream.nullOutputStream(), 1024);
      out.writeRecord(value);
      return ByteBuffer.wrap(Arrays.copyOf(out.buffered(), out.bufferedLength()));
    }

    @Override
    public <T> T deserialize(ByteBuffer bytes) {
      ByteBuffer copy = bytes.duplicate();
      byte[] array = new byte[copy.remaining()];
      copy.get(array);
      return new BatchRecordInput(new java.io.ByteArrayInputStream(array)).readRecord();
    }

    @Override
    public <T> T deserialize(ByteBuffer bytes, ClassLoader loader) {
      return deserialize(bytes);
    }

    @Override
    public SerializationStream serializeStream(OutputStream out) {
      return new BatchRecordOutput(out, 256 * 1024);
    }

    @Override
    public DeserializationStream deserializeStream(InputStream in) {
      return new BatchRecordInput(in);
    }
  }
}
