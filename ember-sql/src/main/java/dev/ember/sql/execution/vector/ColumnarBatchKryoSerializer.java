package dev.ember.sql.execution.vector;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * Writes {@link ColumnarBatch}es in {@link ColumnarBatchCodec}'s compact form wherever the data serializer is
 * Kryo: broadcast build sides, cached blocks, shuffles that do not set their own serializer. Kryo finds it
 * through the {@link com.esotericsoftware.kryo.DefaultSerializer} annotation on the batch class, so the core
 * needs no knowledge of SQL types. One instance serves one Kryo, which is confined to one thread.
 */
public final class ColumnarBatchKryoSerializer extends Serializer<ColumnarBatch> {

  /** The encoding buffer, made on the first write: a Kryo that only reads (a task's) never needs one. */
  private BatchBytesWriter buffer;

  /** A serializer of immutable batches. */
  public ColumnarBatchKryoSerializer() {
    setImmutable(true);
  }

  @Override
  public void write(Kryo kryo, Output output, ColumnarBatch batch) {
    if (buffer == null) {
      buffer = new BatchBytesWriter(64 * 1024);
    }
    buffer.reset();
    ColumnarBatchCodec.write(batch, buffer);
    output.writeVarInt(buffer.position(), true);
    output.writeBytes(buffer.array(), 0, buffer.position());
  }

  @Override
  public ColumnarBatch read(Kryo kryo, Input input, Class<? extends ColumnarBatch> type) {
    int length = input.readVarInt(true);
    byte[] bytes = input.readBytes(length);
    return ColumnarBatchCodec.read(new BatchBytesReader(bytes, 0, length));
  }
}
