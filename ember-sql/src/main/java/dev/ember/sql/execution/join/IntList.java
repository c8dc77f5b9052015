package dev.ember.sql.execution.join;

import java.util.Arrays;

/** A growable list of primitive ints: candidate row pairs of a join, without boxing. */
final class IntList {

  private int[] values = new int[64];
  private int size;

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
