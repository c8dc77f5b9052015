package dev.ember.serializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Java serialization: slow but handles any {@link java.io.Serializable} object. Used for closures and tasks,
 * where fidelity matters more than speed.
 */
public final class JavaSerializer implements Serializer {

  private static final long serialVersionUID = 1L;

  /** How many records are written before the stream's back-reference table is reset, to bound memory. */
  private static final int RESET_INTERVAL = 100;

  @Override
  public SerializerInstance newInstance() {
    return new Instance();
  }

  private static final class Instance implements SerializerInstance {

    @Override
    public ByteBuffer serialize(Object value) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      } catch (IOException e) {
        throw new SerializationFailedException("Could not serialize " + describe(value) + ": " + e, e);
      }
      return ByteBuffer.wrap(bytes.toByteArray());
    }

    @Override
    public <T> T deserialize(ByteBuffer bytes) {
      return deserialize(bytes, contextLoader());
    }

    @SuppressWarnings("unchecked")
    @Override
    public <T> T deserialize(ByteBuffer bytes, ClassLoader loader) {
      ByteBuffer copy = bytes.duplicate();
      byte[] array = new byte[copy.remaining()];
      copy.get(array);
      try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(array), loader)) {
        return (T) in.readObject();
      } catch (IOException | ClassNotFoundException e) {
        throw new SerializationFailedException("Could not deserialize an object: " + e, e);
      }
    }

    @Override
    public SerializationStream serializeStream(OutputStream out) {
      try {
        ObjectOutputStream objects = new ObjectOutputStream(out);
        return new SerializationStream() {
          private int written;

          @Override
          public SerializationStream writeObject(Object value) {
            try {
              objects.writeObject(value);
              if (++written % RESET_INTERVAL == 0) {
                objects.reset();
              }
            } catch (IOException e) {
              throw new SerializationFailedException("Could not serialize " + describe(value) + ": " + e, e);
            }
            return this;
          }

          @Override
          public void flush() {
            try {
              objects.flush();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }

          @Override
          public void close() {
            try {
              objects.close();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        };
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public DeserializationStream deserializeStream(InputStream in) {
      try {
        ObjectInputStream objects = new LoaderObjectInputStream(in, contextLoader());
        return new DeserializationStream() {
          @SuppressWarnings("unchecked")
          @Override
          public <T> T readObject() {
            try {
              return (T) objects.readObject();
            } catch (EOFException e) {
              throw new EndOfStreamException();
            } catch (IOException | ClassNotFoundException e) {
              throw new SerializationFailedException("Could not deserialize a record: " + e, e);
            }
          }

          @Override
          public void close() {
            try {
              objects.close();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        };
      } catch (EOFException e) {
        return emptyStream();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static DeserializationStream emptyStream() {
    return new DeserializationStream() {
      @Override
      public <T> T readObject() {
        throw new EndOfStreamException();
      }

      @Override
      public void close() {}
    };
  }

  private static String describe(Object value) {
    return value == null ? "null" : "an object of " + value.getClass().getName();
  }

  private static ClassLoader contextLoader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : JavaSerializer.class.getClassLoader();
  }
}
