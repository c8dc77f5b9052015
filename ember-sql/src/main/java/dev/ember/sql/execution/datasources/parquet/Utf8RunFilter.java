package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.execution.vector.StringColumnVector;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Tests one run of a page of a UTF-8 column for {@link ParquetColumnDecoder#filterBytes}: by dictionary id
 * against the entries' precomputed outcomes, or on the bytes of PLAIN values in place in the page; other
 * encodings decode the run into Strings and test their bytes.
 */
final class Utf8RunFilter {

  private Utf8RunFilter() {}

  /** Whether the non-NULL value {@code bytes[offset, offset + length)} passes every one of {@code tests}. */
  static boolean passes(Utf8StringTest[] tests, byte[] bytes, int offset, int length) {
    for (Utf8StringTest test : tests) {
      if (!test.test(bytes, offset, length)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Tests rows {@code [start, start + n)} of the decoder's current page, keeping of {@code selected[from, to)}
   * (the selected rows in the run) those that pass into {@code selected[kept, ...)}; returns the new count kept.
   */
  static int filterRun(ParquetColumnDecoder decoder, int start, int n, int[] selected, int from, int to, int kept,
      Utf8StringTest[] tests, StringColumnVector out) {
    int m = to - from;
    if (!decoder.runIsDictionary() && !decoder.runIsPlainArray()) {
      StringColumnVector run = decoder.decodeRunStrings(n);
      for (int j = 0; j < m; j++) {
        int row = selected[from + j];
        int k = row - start;
        if (!run.nulls[k]) {
          byte[] bytes = run.values[k].getBytes(StandardCharsets.UTF_8);
          if (passes(tests, bytes, 0, bytes.length)) {
            selected[kept++] = row;
            if (out != null) {
              out.values[row] = run.values[k];
            }
          }
        }
      }
      return kept;
    }
    int present = decoder.readValueIndexes(start, n, selected, from, to);
    int[] valueIndex = decoder.valueIndex();
    if (decoder.runIsDictionary()) {
      int[] ids = decoder.readIds(present);
      boolean[] passes = decoder.dictionaryPasses(tests);
      String[] strings = out == null ? null : decoder.dictionaryStrings();
      for (int j = 0; j < m; j++) {
        int v = valueIndex[j];
        if (v >= 0 && passes[ids[v]]) {
          int row = selected[from + j];
          selected[kept++] = row;
          if (out != null) {
            out.values[row] = strings[ids[v]];
          }
        }
      }
      return kept;
    }
    return filterPlain(decoder.plainPage(), present, valueIndex, selected, from, m, kept, tests, out);
  }

  private static int filterPlain(ByteBuffer page, int present, int[] valueIndex, int[] selected, int from, int m,
      int kept, Utf8StringTest[] tests, StringColumnVector out) {
    byte[] bytes = page.array();
    int base = page.arrayOffset();
    int position = page.position();
    int j = 0;
    for (int v = 0; v < present; v++) {
      int length = page.getInt(position);
      while (j < m && valueIndex[j] < 0) {
        j++;
      }
      if (j < m && valueIndex[j] == v) {
        int at = base + position + 4;
        if (passes(tests, bytes, at, length)) {
          int row = selected[from + j];
          selected[kept++] = row;
          if (out != null) {
            out.values[row] = new String(bytes, at, length, StandardCharsets.UTF_8);
          }
        }
        j++;
      }
      position += 4 + length;
    }
    page.position(position);
    return kept;
  }
}
