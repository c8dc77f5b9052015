package dev.ember.serializer;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;

/**
 * One thread's Kryo: a Kryo instance is not thread-safe, so each instance owns one. Remembers the classes
 * Kryo failed to write and writes them with Java serialization from then on.
 */
final class KryoSerializerInstance implements SerializerInstance {

  private final EmberKryo kryo;
  private final int bufferSize;
  private final int maxBufferSize;
  private final Set<Class<?>> javaFallbackClasses = new HashSet<>();
  private Output singleObjectOutput;

  KryoSerializerInstance(EmberKryo kryo, int bufferSize, int maxBufferSize) {
    this.kryo = kryo;
    this.bufferSize = bufferSize;
    this.maxBufferSize = maxBufferSize;
  }

  @Override
  public ByteBuffer serialize(Object value) {
    if (singleObjectOutput == null) {
      singleObjectOutput = new Output(bufferSize, maxBufferSize);
    }
    singleObjectOutput.reset();
    write(singleObjectOutput, value);
    return ByteBuffer.wrap(singleObjectOutput.toBytes());
  }

  @Override
  public ByteBuffer serializeUnbounded(Object value) {
    Output output = new Output(bufferSize, -1);
    write(output, value);
    return ByteBuffer.wrap(output.toBytes());
  }

  @Override
  public <T> T deserialize(ByteBuffer bytes) {
    ByteBuffer copy = bytes.duplicate();
    byte[] array = new byte[copy.remaining()];
    copy.get(array);
    return read(new Input(array));
  }

  @Override
  public <T> T deserialize(ByteBuffer bytes, ClassLoader loader) {
    ClassLoader previous = kryo.getClassLoader();
    kryo.setClassLoader(loader);
    try {
      return deserialize(bytes);
    } finally {
      kryo.setClassLoader(previous);
    }
  }

  @Override
  public SerializationStream serializeStream(OutputStream out) {
    return new KryoSerializationStream(this, new Output(out, bufferSize));
  }

  @Override
  public DeserializationStream deserializeStream(InputStream in) {
    return new KryoDeserializationStream(this, new Input(in, bufferSize));
  }

  /**
   * Writes one record. If Kryo fails on it and nothing of it has left the buffer yet, rewinds and writes it
   * with Java serialization instead (and does so for its class from then on).
   */
  /** Classes written with Java serialization after Kryo failed on them; for tests. */
  boolean fellBackToJava(Class<?> type) {
    return javaFallbackClasses.contains(type);
  }

  void write(Output output, Object value) {
    if (value != null && (javaFallbackClasses.contains(value.getClass()) || value.getClass().isHidden())) {
      // Hidden classes (lambdas) cannot be looked up by name on the reading side; Java serialization can
      // rebuild serializable lambdas.
      writeWithKryo(output, new JavaFallback(value));
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
      javaFallbackClasses.add(value.getClass());
      writeWithKryo(output, new JavaFallback(value));
    }
  }

  private void writeWithKryo(Output output, Object value) {
    try {
      kryo.writeClassAndObject(output, value);
    } catch (RuntimeException e) {
      kryo.reset();
      throw new SerializationFailedException("Could not serialize " + describe(value) + ": " + e, e);
    }
  }

  /** Reads one record, unwrapping records that were written with Java serialization. */
  @SuppressWarnings("unchecked")
  <T> T read(Input input) {
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
