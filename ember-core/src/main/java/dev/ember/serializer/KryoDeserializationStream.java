package dev.ember.serializer;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;

/** Reads records written by a {@link KryoSerializationStream} until the underlying stream ends. */
final class KryoDeserializationStream implements DeserializationStream {

  private final KryoSerializerInstance instance;
  private final EmberKryo kryo;
  private final Input input;
  private boolean closed;

  KryoDeserializationStream(KryoSerializerInstance instance, EmberKryo kryo, Input input) {
    this.instance = instance;
    this.kryo = kryo;
    this.input = input;
  }

  @Override
  public <T> T readObject() {
    boolean atEnd;
    try {
      atEnd = closed || input.end();
    } catch (KryoException e) {
      throw new SerializationFailedException("Could not read a Kryo stream: " + e, e);
    }
    if (atEnd) {
      throw new EndOfStreamException();
    }
    return KryoSerializerInstance.read(kryo, input);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      input.close();
    } catch (KryoException e) {
      throw new SerializationFailedException("Could not close a Kryo stream: " + e, e);
    } finally {
      instance.release(kryo);
    }
  }
}
