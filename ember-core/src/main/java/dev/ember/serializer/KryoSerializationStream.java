package dev.ember.serializer;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Output;

/** Writes records one after another to a Kryo {@link Output} over a stream. */
final class KryoSerializationStream implements SerializationStream {

  private final KryoSerializerInstance instance;
  private final EmberKryo kryo;
  private final Output output;
  private boolean closed;

  KryoSerializationStream(KryoSerializerInstance instance, EmberKryo kryo, Output output) {
    this.instance = instance;
    this.kryo = kryo;
    this.output = output;
  }

  @Override
  public SerializationStream writeObject(Object value) {
    if (closed) {
      throw new IllegalStateException("Cannot write to a closed serialization stream.");
    }
    instance.write(kryo, output, value);
    return this;
  }

  @Override
  public void flush() {
    try {
      output.flush();
    } catch (KryoException e) {
      throw new SerializationFailedException("Could not flush a Kryo stream: " + e, e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      output.close();
    } catch (KryoException e) {
      throw new SerializationFailedException("Could not close a Kryo stream: " + e, e);
    } finally {
      instance.release(kryo);
    }
  }
}
