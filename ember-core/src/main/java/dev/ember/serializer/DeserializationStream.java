package dev.ember.serializer;

import dev.ember.Tuple2;
import java.io.Closeable;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Reads a sequence of records written by a {@link SerializationStream}. */
public interface DeserializationStream extends Closeable {

  /**
   * Reads the next record.
   *
   * @throws java.io.EOFException wrapped in {@link EndOfStreamException} when no record is left
   */
  <T> T readObject();

  @Override
  void close();

  /** The remaining records as an iterator; the stream is closed when they are exhausted. */
  default <T> Iterator<T> asIterator() {
    return new Iterator<>() {
      private T next;
      private boolean fetched;
      private boolean finished;

      @Override
      public boolean hasNext() {
        if (!fetched && !finished) {
          try {
            next = readObject();
            fetched = true;
          } catch (EndOfStreamException e) {
            finished = true;
            close();
          }
        }
        return fetched;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        fetched = false;
        T value = next;
        next = null;
        return value;
      }
    };
  }

  /** The remaining records, read as alternating keys and values, as pairs. */
  default <K, V> Iterator<Tuple2<K, V>> asKeyValueIterator() {
    Iterator<Object> records = asIterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @SuppressWarnings("unchecked")
      @Override
      public Tuple2<K, V> next() {
        K key = (K) records.next();
        if (!records.hasNext()) {
          throw new IllegalStateException("A serialized key has no value after it: the stream is truncated.");
        }
        return new Tuple2<>(key, (V) records.next());
      }
    };
  }
}
