package dev.ember.sql.execution.datasources.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DictionaryCopyTest {

  private static final int[] IDS = {2, 0, 1, 2, 0};

  @Test
  void aRunWithoutNullsTakesRowKsIdAtK() {
    long[] longs = new long[7];
    DictionaryCopy.longs(new long[] {10, 20, 30}, IDS, longs, new boolean[7], 1, 5, true);
    assertThat(longs).containsExactly(0, 30, 10, 20, 30, 10, 0);
    int[] ints = new int[5];
    DictionaryCopy.ints(new int[] {-1, -2, -3}, IDS, ints, new boolean[5], 0, 5, true);
    assertThat(ints).containsExactly(-3, -1, -2, -3, -1);
    double[] doubles = new double[5];
    DictionaryCopy.doubles(new double[] {0.5, 1.5, 2.5}, IDS, doubles, new boolean[5], 0, 5, true);
    assertThat(doubles).containsExactly(2.5, 0.5, 1.5, 2.5, 0.5);
    String[] strings = new String[5];
    DictionaryCopy.strings(new String[] {"a", "b", "c"}, IDS, strings, new boolean[5], 0, 5, true);
    assertThat(strings).containsExactly("c", "a", "b", "c", "a");
  }

  @Test
  void nullRowsConsumeNoIdAndKeepTheirSlots() {
    // Rows 1..7 of which 2, 4 and 6 are NULL: the first four ids go to rows 1, 3, 5 and 7.
    boolean[] nulls = {false, false, true, false, true, false, true, false};
    long[] longs = new long[8];
    longs[2] = 99;
    DictionaryCopy.longs(new long[] {10, 20, 30}, IDS, longs, nulls, 1, 7, false);
    assertThat(longs).containsExactly(0, 30, 99, 10, 0, 20, 0, 30);
    String[] strings = new String[8];
    DictionaryCopy.strings(new String[] {"a", "b", "c"}, IDS, strings, nulls, 1, 7, false);
    assertThat(strings).containsExactly(null, "c", null, "a", null, "b", null, "c");
    int[] ints = new int[8];
    DictionaryCopy.ints(new int[] {7, 8, 9}, IDS, ints, nulls, 1, 7, false);
    assertThat(ints).containsExactly(0, 9, 0, 7, 0, 8, 0, 9);
    double[] doubles = new double[8];
    DictionaryCopy.doubles(new double[] {1, 2, 3}, IDS, doubles, nulls, 1, 7, false);
    assertThat(doubles).containsExactly(0, 3, 0, 1, 0, 2, 0, 3);
  }
}
