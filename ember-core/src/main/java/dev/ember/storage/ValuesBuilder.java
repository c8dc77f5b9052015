package dev.ember.storage;

import dev.ember.util.SizeEstimator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Collects a block's records as they are unrolled into the memory store. While every record is a
 * {@code Long}, {@code Double} or {@code Integer} of one type they go straight into a growing primitive array,
 * so a numeric block never exists as millions of boxed objects; the first record of another type turns the
 * collection into an object list.
 */
final class ValuesBuilder {

  private enum Kind { EMPTY, LONGS, DOUBLES, INTS, OBJECTS }

  private Kind kind = Kind.EMPTY;
  private long[] longs;
  private double[] doubles;
  private int[] ints;
  private List<Object> objects;
  private int count;
  private long objectBytes;

  /** Adds one record. */
  void add(Object value) {
    if (kind == Kind.EMPTY) {
      kind = kindOf(value);
    } else if (kind != Kind.OBJECTS && kind != kindOf(value)) {
      objects = boxedSoFar();
      kind = Kind.OBJECTS;
      longs = null;
      doubles = null;
      ints = null;
    }
    switch (kind) {
      case LONGS -> {
        longs = ensure(longs);
        longs[count] = (Long) value;
      }
      case DOUBLES -> {
        doubles = ensure(doubles);
        doubles[count] = (Double) value;
      }
      case INTS -> {
        ints = ensure(ints);
        ints[count] = (Integer) value;
      }
      default -> {
        if (objects == null) {
          objects = new ArrayList<>();
        }
        objects.add(value);
        objectBytes += SizeEstimator.estimate(value);
      }
    }
    count++;
  }

  /** The number of records added. */
  int count() {
    return count;
  }

  /** The bytes the records would take once stored. */
  long estimatedBytes() {
    return switch (kind) {
      case EMPTY -> 16;
      case LONGS, DOUBLES -> 16 + 8L * count;
      case INTS -> 16 + 4L * count;
      case OBJECTS -> objectBytes + 16 + 4L * count;
    };
  }

  /** The records in their stored form. */
  StoredValues build() {
    return switch (kind) {
      case EMPTY -> new StoredValues.Objects(new Object[0], 16);
      case LONGS -> new StoredValues.Longs(Arrays.copyOf(longs, count));
      case DOUBLES -> new StoredValues.Doubles(Arrays.copyOf(doubles, count));
      case INTS -> new StoredValues.Ints(Arrays.copyOf(ints, count));
      case OBJECTS -> new StoredValues.Objects(objects.toArray(), estimatedBytes());
    };
  }

  /** The records added so far, for a block that turned out not to fit. */
  Iterator<Object> iterator() {
    return kind == Kind.OBJECTS || kind == Kind.EMPTY
        ? (objects == null ? List.<Object>of().iterator() : objects.iterator())
        : build().iterator();
  }

  private static Kind kindOf(Object value) {
    if (value == null) {
      return Kind.OBJECTS;
    }
    Class<?> type = value.getClass();
    if (type == Long.class) {
      return Kind.LONGS;
    }
    if (type == Double.class) {
      return Kind.DOUBLES;
    }
    return type == Integer.class ? Kind.INTS : Kind.OBJECTS;
  }

  private List<Object> boxedSoFar() {
    List<Object> boxed = new ArrayList<>(Math.max(16, count * 2));
    build().iterator().forEachRemaining(value -> {
      boxed.add(value);
      objectBytes += SizeEstimator.estimate(value);
    });
    return boxed;
  }

  private long[] ensure(long[] array) {
    return array == null ? new long[16] : count < array.length ? array : Arrays.copyOf(array, grownSize(array.length));
  }

  private double[] ensure(double[] array) {
    return array == null ? new double[16]
        : count < array.length ? array : Arrays.copyOf(array, grownSize(array.length));
  }

  private int[] ensure(int[] array) {
    return array == null ? new int[16] : count < array.length ? array : Arrays.copyOf(array, grownSize(array.length));
  }

  private static int grownSize(int length) {
    return length + (length >> 1) + 1;
  }
}
