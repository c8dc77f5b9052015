package dev.ember.serializer;

import java.io.Closeable;

/** Writes a sequence of records. Closing it closes the underlying stream. */
public interface SerializationStream extends Closeable {

  /** Writes one record. */
  SerializationStream writeObject(Object value);

  /** Writes a key then a value, as two records. */
  default SerializationStream writeKeyValue(Object key, Object value) {
    writeObject(key);
    return writeObject(value);
  }

  /** Pushes buffered bytes to the underlying stream. */
  void flush();

  @Override
  void close();
}
