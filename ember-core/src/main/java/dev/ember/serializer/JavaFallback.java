package dev.ember.serializer;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/**
 * Wraps a record Kryo failed to write, so it travels with Java serialization inside a Kryo stream. The
 * wrapper's class name is in the stream, so a reader needs no prior knowledge of which classes fell back.
 */
final class JavaFallback {

  final Object value;

  JavaFallback(Object value) {
    this.value = value;
  }

  /** Writes the wrapped value with an ObjectOutputStream, resolving classes with Kryo's class loader on read. */
  static final class KryoSerializerOfFallback extends com.esotericsoftware.kryo.Serializer<JavaFallback> {

    @Override
    public void write(Kryo kryo, Output output, JavaFallback fallback) {
      try {
        ObjectOutputStream objects = new ObjectOutputStream(output);
        objects.writeObject(fallback.value);
        objects.flush();
      } catch (IOException e) {
        throw new KryoException("Java serialization failed for " + fallback.value.getClass().getName(), e);
      }
    }

    @Override
    public JavaFallback read(Kryo kryo, Input input, Class<? extends JavaFallback> type) {
      try {
        ObjectInputStream objects = new LoaderObjectInputStream(input, kryo.getClassLoader());
        return new JavaFallback(objects.readObject());
      } catch (IOException | ClassNotFoundException e) {
        throw new KryoException("Java deserialization failed: " + e, e);
      }
    }
  }
}
