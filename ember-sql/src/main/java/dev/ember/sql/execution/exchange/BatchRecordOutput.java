package dev.ember.sql.execution.exchange;

import dev.ember.serializer.SerializationFailedException;
import dev.ember.serializer.SerializationStream;
import dev.ember.sql.execution.vector.BatchBytesWriter;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.ColumnarBatchCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes exchange records for {@link ColumnarBatchSerializer}: a tag byte, then an int id, or a length and
 * a batch in compact form (encoded here, or already encoded in an {@link EncodedBatch}), or a length and a
 * Java-serialized object. Buffers up to a threshold, then writes
 * the buffer to the underlying stream in one call.
 */
final class BatchRecordOutput implements SerializationStream {

  static final int TAG_INT = 1;
  static final int TAG_BATCH = 2;
  static final int TAG_JAVA = 3;

  private final OutputStream out;
  private final int flushThreshold;
  private final BatchBytesWriter buffer;

  BatchRecordOutput(OutputStream out, int flushThreshold) {
    this.out = out;
    this.flushThreshold = flushThreshold;
    this.buffer = new BatchBytesWriter(Math.min(flushThreshold, 64 * 1024));
  }

  byte[] buffered() {
    return buffer.array();
  }

  int bufferedLength() {
    return buffer.position();
  }

  void writeRecord(Object value) {
    if (value instanceof Integer id) {
      buffer.writeByte(TAG_INT);
      buffer.writeInt(id);
    } else if (value instanceof ColumnarBatch batch) {
      buffer.writeByte(TAG_BATCH);
      int lengthAt = buffer.position();
      buffer.writeInt(0);
      ColumnarBatchCodec.write(batch, buffer);
      patchLength(lengthAt);
    } else if (value instanceof EncodedBatch encoded) {
      buffer.writeByte(TAG_BATCH);
      buffer.writeInt(encoded.bytes().length);
      buffer.writeBytes(encoded.bytes(), 0, encoded.bytes().length);
    } else {
      buffer.writeByte(TAG_JAVA);
      int lengthAt = buffer.position();
      buffer.writeInt(0);
      byte[] bytes = javaSerialize(value);
      buffer.writeBytes(bytes, 0, bytes.length);
      patchLength(lengthAt);
    }
  }

  private void patchLength(int lengthAt) {
    int length = buffer.position() - lengthAt - 4;
    byte[] array = buffer.array();
    array[lengthAt] = (byte) length;
    array[lengthAt + 1] = (byte) (length >>> 8);
    array[lengthAt + 2] = (byte) (length >>> 16);
    array[lengthAt + 3] = (byte) (length >>> 24);
  }

  @Override
  public SerializationStream writeObject(Object value) {
    writeRecord(value);
    if (buffer.position() >= flushThreshold) {
      drain();
    }
    return this;
  }

  private void drain() {
    try {
      out.write(buffer.array(), 0, buffer.position());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    buffer.reset();
  }

  @Override
  public void flush() {
    drain();
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      flush();
    } finally {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static byte[] javaSerialize(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream stream = new ObjectOutputStream(bytes)) {
      stream.writeObject(value);
    } catch (IOException | RuntimeException e) {
      throw new SerializationFailedException("Could not serialize an exchange record of "
          + (value == null ? "null" : value.getClass().getName()) + ": " + e, e);
    }
    return bytes.toByteArray();
  }
}
