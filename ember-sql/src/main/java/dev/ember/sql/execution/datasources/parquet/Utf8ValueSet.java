package dev.ember.sql.execution.datasources.parquet;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The UTF-8 bytes of a set of strings (an IN list's literals), asked whether a value's bytes are one of them:
 * byte equality is string equality for valid UTF-8. A few values are compared one by one, length first; more
 * are found through an open-addressing table of their hashes, so a long IN list costs one hash a value.
 */
final class Utf8ValueSet implements Serializable {

  private static final long serialVersionUID = 1L;
  /** Up to this many values are compared one by one. */
  static final int LINEAR_MAX = 8;
  private final byte[][] values;
  /** Per slot, an index into {@link #values} plus one, 0 when empty; null when values are compared in turn. */
  private final int[] slots;
  private final int mask;

  /** The set of {@code strings} (non-NULL; duplicates count once). */
  Utf8ValueSet(List<String> strings) {
    Set<String> distinct = new LinkedHashSet<>(strings);
    this.values = new byte[distinct.size()][];
    int k = 0;
    for (String s : distinct) {
      values[k++] = s.getBytes(StandardCharsets.UTF_8);
    }
    if (values.length <= LINEAR_MAX) {
      this.slots = null;
      this.mask = 0;
      return;
    }
    int capacity = Integer.highestOneBit(values.length * 2 - 1) << 1;
    this.slots = new int[capacity];
    this.mask = capacity - 1;
    for (int v = 0; v < values.length; v++) {
      int slot = hash(values[v], 0, values[v].length) & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = v + 1;
    }
  }

  /** How many distinct values the set holds. */
  int size() {
    return values.length;
  }

  /** Whether the string whose UTF-8 bytes are {@code bytes[offset, offset + length)} is in the set. */
  boolean contains(byte[] bytes, int offset, int length) {
    if (slots == null) {
      for (byte[] value : values) {
        if (value.length == length && Arrays.equals(value, 0, length, bytes, offset, offset + length)) {
          return true;
        }
      }
      return false;
    }
    int slot = hash(bytes, offset, length) & mask;
    for (int entry = slots[slot]; entry != 0; entry = slots[slot]) {
      byte[] value = values[entry - 1];
      if (value.length == length && Arrays.equals(value, 0, length, bytes, offset, offset + length)) {
        return true;
      }
      slot = (slot + 1) & mask;
    }
    return false;
  }

  /** A hash of {@code bytes[offset, offset + length)} whose low bits spread well (FNV-1a, then mixed). */
  static int hash(byte[] bytes, int offset, int length) {
    int h = 0x811C9DC5;
    for (int i = offset; i < offset + length; i++) {
      h = (h ^ bytes[i]) * 0x01000193;
    }
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    return h ^ (h >>> 13);
  }
}
