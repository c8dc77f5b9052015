package dev.ember.rdd;

import dev.ember.EmberEnv;
import dev.ember.EmberException;
import dev.ember.serializer.SerializationFailedException;
import dev.ember.serializer.Serializer;
import java.io.Serializable;
import java.nio.ByteBuffer;

/**
 * The zero value of aggregateByKey and foldByKey, serialized once on the driver and deserialized afresh for
 * every key, as Spark does: a mutable zero (a list, an array, a counter object) is then never shared between
 * keys, however the functions modify it.
 *
 * @param <U> the type of the zero value
 */
final class ZeroValue<U> implements Serializable {

  private static final long serialVersionUID = 1L;
  private final byte[] bytes;

  ZeroValue(U zero, Serializer serializer) {
    ByteBuffer buffer;
    try {
      buffer = serializer.newInstance().serialize(zero);
    } catch (SerializationFailedException e) {
      throw new EmberException("ZERO_VALUE_NOT_SERIALIZABLE", "The zero value " + zero + " cannot be serialized ("
          + e.getMessage() + "), but it must be copied for every key. Use a Serializable zero value.", e);
    }
    this.bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
  }

  /** A fresh copy of the zero value, made with the executor's data serializer. */
  U create() {
    return EmberEnv.get().serializer().newInstance().deserialize(ByteBuffer.wrap(bytes),
        Thread.currentThread().getContextClassLoader());
  }
}
