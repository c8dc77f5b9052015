package dev.ember.sql.execution.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The dense (key minus smallest key) form of the integral join-key index, checked against a nested loop. */
class LongKeyIndexDenseTest {

  private static List<String> probe(LongKeyIndex index, long[] keys, boolean[] skip, boolean firstOnly) {
    IntList s = new IntList();
    IntList b = new IntList();
    index.probe(keys, skip, keys.length, s, b, firstOnly);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      out.add(s.get(i) + "-" + b.get(i));
    }
    return out;
  }

  /** Every (stream row, build row) pair of equal non-NULL keys, build rows in order; only the first if asked. */
  private static List<String> nestedLoop(long[] build, boolean[] nulls, long[] stream, boolean[] skip,
      boolean firstOnly) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < stream.length; i++) {
      for (int j = 0; j < build.length && !skip[i]; j++) {
        if (!nulls[j] && build[j] == stream[i]) {
          out.add(i + "-" + j);
          if (firstOnly) {
            break;
          }
        }
      }
    }
    return out;
  }

  @Test
  void denseKeysWithDuplicatesAndNullsMatchLikeANestedLoop() {
    SplittableRandom random = new SplittableRandom(7);
    int n = 3_000;
    long[] build = new long[n];
    boolean[] nulls = new boolean[n];
    for (int i = 0; i < n; i++) {
      build[i] = 1_000_000 + random.nextInt(5_000); // about 0.6 rows per key, so many keys repeat
      nulls[i] = random.nextInt(20) == 0;
    }
    long[] stream = new long[2_000];
    boolean[] skip = new boolean[stream.length];
    for (int i = 0; i < stream.length; i++) {
      stream[i] = 999_990 + random.nextInt(5_020); // some below the smallest key, some above the largest
      skip[i] = random.nextInt(10) == 0;
    }
    LongKeyIndex index = new LongKeyIndex(build, nulls, n);
    assertThat(index.isDense()).isTrue();
    assertThat(probe(index, stream, skip, false)).isEqualTo(nestedLoop(build, nulls, stream, skip, false));
    assertThat(probe(index, stream, skip, true)).isEqualTo(nestedLoop(build, nulls, stream, skip, true));

    LongKeyIndex distinct = new LongKeyIndex(build, nulls, n, true);
    assertThat(distinct.isDense()).isTrue();
    assertThat(probe(distinct, stream, skip, true)).isEqualTo(nestedLoop(build, nulls, stream, skip, true));
  }

  @Test
  void keysFarOutsideTheRangeMatchNothing() {
    int n = 2_048;
    long[] build = new long[n];
    for (int i = 0; i < n; i++) {
      build[i] = -1_000 + i;
    }
    LongKeyIndex index = new LongKeyIndex(build, new boolean[n], n);
    assertThat(index.isDense()).isTrue();
    long[] stream = {Long.MIN_VALUE, Long.MAX_VALUE, -1_001, 1_048, -1_000, 1_047, 0};
    assertThat(probe(index, stream, new boolean[stream.length], false))
        .containsExactly("4-0", "5-2047", "6-1000");
  }

  @Test
  void sparseOrSmallBuildSidesKeepTheHashTable() {
    assertThat(LongKeyIndex.isDense(0, 4L * 2_000 - 1, 2_000)).isTrue();
    assertThat(LongKeyIndex.isDense(0, 4L * 2_000, 2_000)).isFalse();
    assertThat(LongKeyIndex.isDense(0, 10, 100)).isFalse();
    assertThat(LongKeyIndex.isDense(Long.MIN_VALUE, Long.MAX_VALUE, 1 << 20)).isFalse();
    assertThat(LongKeyIndex.isDense(Long.MAX_VALUE, Long.MIN_VALUE, 1 << 20)).isFalse(); // no non-NULL key

    int n = 4_096;
    long[] build = new long[n];
    boolean[] nulls = new boolean[n];
    for (int i = 0; i < n; i++) {
      build[i] = i % 2 == 0 ? Long.MIN_VALUE + i : Long.MAX_VALUE - i;
    }
    LongKeyIndex index = new LongKeyIndex(build, nulls, n);
    assertThat(index.isDense()).isFalse();
    long[] stream = {Long.MIN_VALUE, Long.MAX_VALUE - 1, 0};
    boolean[] skip = new boolean[stream.length];
    assertThat(probe(index, stream, skip, false)).isEqualTo(nestedLoop(build, nulls, stream, skip, false));

    boolean[] allNull = new boolean[n];
    Arrays.fill(allNull, true);
    assertThat(probe(new LongKeyIndex(build, allNull, n), stream, skip, false)).isEmpty();
  }
}
