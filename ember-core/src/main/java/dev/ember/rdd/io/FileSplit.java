package dev.ember.rdd.io;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * A byte range {@code [start, start + length)} of one file, the unit one task reads. A compressed file is one
 * split covering the whole file ({@code splittable} is false), since its bytes cannot be entered mid-way.
 *
 * @param path the file, as an absolute local path
 * @param start the first byte of the range
 * @param length the number of bytes in the range
 * @param splittable whether the file may be entered at {@code start > 0}
 */
public record FileSplit(String path, long start, long length, boolean splittable) implements Serializable {

  /** Validates the range. */
  public FileSplit {
    requireNonNull(path, "path is null");
    if (start < 0 || length < 0) {
      throw new IllegalArgumentException("Invalid split of " + path + ": start " + start + ", length " + length);
    }
  }

  /** The first byte after the range. */
  public long end() {
    return start + length;
  }
}
