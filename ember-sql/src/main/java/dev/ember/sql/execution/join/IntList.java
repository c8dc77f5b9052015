package dev.ember.sql.execution.join;

import java.util.Arrays;

/** A growable list of primitive ints: candidate row pairs of a join, without boxing. */
final class IntList {

  private int[] values;
  private int size;

  /** An empty list with room for 64 values. */
  IntList() {
    this(64);
  }

  /** An empty list with room for {@code capacity} values before it grows. */
  IntList(int capacity) {
    values = new int[Math.max(16, capacity)];
  }

  void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  int get(int i) {
    return values[i];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  /** The values from {@code from} (inclusive) to {@code to} (exclusive), as an array. */
  int[] slice(int from, int to) {
    return Arrays.copyOfRange(values, from, to);
  }
}
