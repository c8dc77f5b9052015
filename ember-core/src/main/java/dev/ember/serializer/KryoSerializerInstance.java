package dev.ember.serializer;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;

/**
 * One thread's serializer. A Kryo instance is not thread-safe: each call borrows one from the serializer's
 * {@link KryoPool} and returns it when done, and each stream holds one until it is closed. A Kryo remembers
 * the classes it failed to write and writes them with Java serialization from then on.
 */
final class KryoSerializerInstance implements SerializerInstance {

  private final KryoPool pool;
  private final int bufferSize;
  private final int maxBufferSize;
  private Output singleObjectOutput;

  KryoSerializerInstance(KryoPool pool, int bufferSize, int maxBufferSize) {
    this.pool = pool;
    this.bufferSize = bufferSize;
    this.maxBufferSize = maxBufferSize;
  }

  @Override
  public ByteBuffer serialize(Object value) {
    if (singleObjectOutput == null) {
      singleObjectOutput = new Output(bufferSize, maxBufferSize);
    }
    singleObjectOutput.reset();
    EmberKryo kryo = pool.borrow();
    try {
      write(kryo, singleObjectOutput, value);
    } finally {
      pool.release(kryo);
    }
    return ByteBuffer.wrap(singleObjectOutput.toBytes());
  }

  @Override
  public ByteBuffer serializeUnbounded(Object value) {
    Output output = new Output(bufferSize, -1);
    EmberKryo kryo = pool.borrow();
    try {
      write(kryo, output, value);
    } finally {
      pool.release(kryo);
    }
    return ByteBuffer.wrap(output.toBytes());
  }

  @Override
  public <T> T deserialize(ByteBuffer bytes) {
    EmberKryo kryo = pool.borrow();
    try {
      return read(kryo, input(bytes));
    } finally {
      pool.release(kryo);
    }
  }

  @Override
  public <T> T deserialize(ByteBuffer bytes, ClassLoader loader) {
    EmberKryo kryo = pool.borrow();
    ClassLoader previous = kryo.getClassLoader();
    kryo.setClassLoader(loader);
    try {
      return read(kryo, input(bytes));
    } finally {
      kryo.setClassLoader(previous);
      pool.release(kryo);
    }
  }

  private static Input input(ByteBuffer bytes) {
    ByteBuffer copy = bytes.duplicate();
    byte[] array = new byte[copy.remaining()];
    copy.get(array);
    return new Input(array);
  }

  @Override
  public SerializationStream serializeStream(OutputStream out) {
    return new KryoSerializationStream(this, pool.borrow(), new Output(out, bufferSize));
  }

  @Override
  public DeserializationStream deserializeStream(InputStream in) {
    return new KryoDeserializationStream(this, pool.borrow(), new Input(in, bufferSize));
  }

  /** Returns a stream's Kryo to the pool when the stream is closed. */
  void release(EmberKryo kryo) {
    pool.release(kryo);
  }

  /**
   * Writes one record. If Kryo fails on it and nothing of it has left the buffer yet, rewinds and writes it
   * with Java serialization instead (and does so for its class from then on).
   */
  /** Whether the Kryo this thread would borrow next writes {@code type} with Java serialization; for tests. */
  boolean fellBackToJava(Class<?> type) {
    EmberKryo kryo = pool.borrow();
    try {
      return kryo.javaFallbackClasses.contains(type);
    } finally {
      pool.release(kryo);
    }
  }

  void write(EmberKryo kryo, Output output, Object value) {
    if (value != null && (kryo.javaFallbackClasses.contains(value.getClass()) || value.getClass().isHidden())) {
      // Hidden classes (lambdas) cannot be looked up by name on the reading side; Java serialization can
      // rebuild serializable lambdas.
      writeWithKryo(kryo, output, new JavaFallback(value));
      return;
    }
    int startPosition = output.position();
    long flushedBefore = output.total() - startPosition;
    try {
      kryo.writeClassAndObject(output, value);
    } catch (RuntimeException e) {
      kryo.reset();
      boolean rewindable = output.total() - output.position() == flushedBefore;
      if (!(value instanceof Serializable) || !rewindable) {
        throw new SerializationFailedException("Could not serialize " + describe(value) + " with Kryo: " + e
            + (value instanceof Serializable ? "" : "; making the class Serializable lets Ember fall back to "
            + "Java serialization for it"), e);
      }
      output.setPosition(startPosition);
      kryo.javaFallbackClasses.add(value.getClass());
      writeWithKryo(kryo, output, new JavaFallback(value));
    }
  }

  private static void writeWithKryo(EmberKryo kryo, Output output, Object value) {
    try {
      kryo.writeClassAndObject(output, value);
    } catch (RuntimeException e) {
      kryo.reset();
      throw new SerializationFailedException("Could not serialize " + describe(value) + ": " + e, e);
    }
  }

  /** Reads one record, unwrapping records that were written with Java serialization. */
  @SuppressWarnings("unchecked")
  static <T> T read(EmberKryo kryo, Input input) {
    Object value;
    try {
      value = kryo.readClassAndObject(input);
    } catch (RuntimeException e) {
      kryo.reset();
      throw new SerializationFailedException("Could not deserialize a record with Kryo: " + e, e);
    }
    if (value instanceof JavaFallback fallback) {
      return (T) fallback.value;
    }
    return (T) value;
  }

  private static String describe(Object value) {
    if (value instanceof JavaFallback fallback) {
      value = fallback.value;
    }
    return value == null ? "null" : "an object of " + value.getClass().getName();
  }
}
