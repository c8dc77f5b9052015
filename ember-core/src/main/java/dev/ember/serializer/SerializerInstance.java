package dev.ember.serializer;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/** One thread's handle on a {@link Serializer}: serializes single objects and opens record streams. */
public interface SerializerInstance {

  /** Serializes {@code value} into a buffer positioned at 0. */
  ByteBuffer serialize(Object value);

  /**
   * Serializes {@code value} like {@link #serialize}, but without the configured cap on one object's size
   * ({@code spark.kryoserializer.buffer.max}): for values such as broadcasts, which are cut into pieces
   * afterwards and may be larger than any one record. Read back with {@link #deserialize}.
   */
  default ByteBuffer serializeUnbounded(Object value) {
    return serialize(value);
  }

  /** Reads back one object written by {@link #serialize}. */
  <T> T deserialize(ByteBuffer bytes);

  /** Reads back one object, resolving classes with {@code loader}. */
  <T> T deserialize(ByteBuffer bytes, ClassLoader loader);

  /** A stream writing records to {@code out}. */
  SerializationStream serializeStream(OutputStream out);

  /** A stream reading records from {@code in}. */
  DeserializationStream deserializeStream(InputStream in);
}
