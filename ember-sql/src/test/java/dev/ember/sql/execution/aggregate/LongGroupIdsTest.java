package dev.ember.sql.execution.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The primitive group-id table of single integral grouping keys. */
class LongGroupIdsTest {

  @Test
  void absentKeysHaveNoIdAndPresentKeysKeepTheirsThroughGrowth() {
    LongGroupIds ids = new LongGroupIds();
    long[] keys = {0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32, -(1L << 32)};
    for (int i = 0; i < keys.length; i++) {
      assertThat(ids.get(keys[i])).isEqualTo(-1);
      ids.put(keys[i], i);
    }
    // 100,000 more keys, far past the initial 1,024 slots, spaced so they share low bits.
    for (int i = 0; i < 100_000; i++) {
      ids.put(1_000_000L + i * 1024L, keys.length + i);
    }
    for (int i = 0; i < keys.length; i++) {
      assertThat(ids.get(keys[i])).isEqualTo(i);
    }
    for (int i = 0; i < 100_000; i++) {
      assertThat(ids.get(1_000_000L + i * 1024L)).isEqualTo(keys.length + i);
    }
    assertThat(ids.get(1_000_001L)).isEqualTo(-1);
  }

  @Test
  void theNullKeyHasItsOwnId() {
    LongGroupIds ids = new LongGroupIds();
    assertThat(ids.nullId()).isEqualTo(-1);
    ids.put(0L, 0);
    ids.putNull(1);
    assertThat(ids.nullId()).isEqualTo(1);
    assertThat(ids.get(0L)).isEqualTo(0);
  }

  @Test
  void batchedLookupsFindPresentKeysMissAbsentOnesAndSkipMarkedRows() {
    LongGroupIds ids = new LongGroupIds();
    // Keys spaced by 65,536 share low bits, so home slots collide and probes run on.
    int count = 40_000;
    for (int i = 0; i < count; i++) {
      ids.put(i * 65_536L, i);
    }
    assertThat(ids.large()).isTrue();
    long[] keys = {0L, 65_536L, 39_999 * 65_536L, 1L, 40_000 * 65_536L, 0L, 5 * 65_536L};
    boolean[] skip = {false, false, false, false, false, true, false};
    int[] out = new int[keys.length];
    ids.getAll(keys, skip, keys.length, out);
    assertThat(out).containsExactly(0, 1, 39_999, -1, -1, -1, 5);
    assertThat(new LongGroupIds().large()).isFalse();
  }
}
