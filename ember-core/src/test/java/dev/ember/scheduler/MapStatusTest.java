package dev.ember.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ember.storage.BlockManagerId;
import org.junit.jupiter.api.Test;

class MapStatusTest {

  private static final BlockManagerId HERE = new BlockManagerId("driver", "localhost", 0);

  @Test
  void sizesAreKeptWithinTenPercentAndEmptySlicesStayEmpty() {
    long[] sizes = {0, 1, 2, 10, 1000, 123_456_789L};
    MapStatus status = new MapStatus(HERE, 7, sizes);
    assertThat(status.sizeOf(0)).isZero();
    assertThat(status.sizeOf(1)).isEqualTo(1);
    for (int i = 2; i < sizes.length; i++) {
      assertThat((double) status.sizeOf(i)).isCloseTo(sizes[i], within(sizes[i] * 0.1 + 1));
    }
    assertThat(status.mapId()).isEqualTo(7);
    assertThat(status.numPartitions()).isEqualTo(6);
  }

  @Test
  void manyPartitionsKeepTheAverageAndWhichSlicesAreEmpty() {
    long[] sizes = new long[MapStatus.HIGHLY_COMPRESSED_THRESHOLD + 1];
    for (int i = 0; i < sizes.length; i += 2) {
      sizes[i] = i % 4 == 0 ? 90 : 110;
    }
    MapStatus status = new MapStatus(HERE, 1, sizes);
    assertThat(status.sizeOf(1)).isZero();
    // 501 slices of 90 and 500 of 110 average 99 bytes (100,090 bytes over 1,001 slices).
    assertThat(status.sizeOf(0)).isEqualTo(99);
    assertThat(status.sizeOf(2)).isEqualTo(99);
    assertThat(status.sizeOf(2000)).isEqualTo(99);
  }

  @Test
  void hugeSizesSaturateInsteadOfWrappingAround() {
    // The largest code, 1.1^255, is about 33.5 GiB, as in Spark: bigger slices report that much.
    MapStatus status = new MapStatus(HERE, 1, new long[] {Long.MAX_VALUE, 40L << 30});
    assertThat(status.sizeOf(0)).isGreaterThan(33L << 30);
    assertThat(status.sizeOf(1)).isEqualTo(status.sizeOf(0));
  }
}
