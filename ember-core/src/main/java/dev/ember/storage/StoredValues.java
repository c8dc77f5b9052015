package dev.ember.storage;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/**
 * The records of a block cached as values. A block whose records are all boxed {@code Long}s, {@code Integer}s
 * or {@code Double}s is kept as a primitive array and boxed again as it is read: a third of the memory of the
 * boxed objects, and read sequentially instead of chasing one pointer per record, which makes a pass over a
 * cached numeric RDD faster than recomputing it. Anything else is kept as an object array.
 */
sealed interface StoredValues {

  /** The number of records. */
  int count();

  /** The bytes the records take in memory. */
  long sizeInBytes();

  /** The records, in order. */
  Iterator<Object> iterator();

  /** The elements {@code get(0)} to {@code get(count - 1)}, boxed one at a time as they are read. */
  private static Iterator<Object> indexed(int count, IntFunction<Object> get) {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < count;
      }

      @Override
      public Object next() {
        if (next >= count) {
          throw new NoSuchElementException();
        }
        return get.apply(next++);
      }
    };
  }

  /** Records of any type, with their estimated size. */
  record Objects(Object[] values, long sizeInBytes) implements StoredValues {
    @Override
    public int count() {
      return values.length;
    }

    @Override
    public Iterator<Object> iterator() {
      return Arrays.asList(values).iterator();
    }
  }

  /** Records that are all {@code Long}. */
  record Longs(long[] values) implements StoredValues {
    @Override
    public int count() {
      return values.length;
    }

    @Override
    public long sizeInBytes() {
      return 16L + 8L * values.length;
    }

    @Override
    public Iterator<Object> iterator() {
      return indexed(values.length, i -> values[i]);
    }
  }

  /** Records that are all {@code Double}. */
  record Doubles(double[] values) implements StoredValues {
    @Override
    public int count() {
      return values.length;
    }

    @Override
    public long sizeInBytes() {
      return 16L + 8L * values.length;
    }

    @Override
    public Iterator<Object> iterator() {
      return indexed(values.length, i -> values[i]);
    }
  }

  /** Records that are all {@code Integer}. */
  record Ints(int[] values) implements StoredValues {
    @Override
    public int count() {
      return values.length;
    }

    @Override
    public long sizeInBytes() {
      return 16L + 4L * values.length;
    }

    @Override
    public Iterator<Object> iterator() {
      return indexed(values.length, i -> values[i]);
    }
  }
}
