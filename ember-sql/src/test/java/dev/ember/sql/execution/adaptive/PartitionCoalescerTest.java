package dev.ember.sql.execution.adaptive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionCoalescerTest {

  private static AdaptiveSettings settings(long advisory, long minSize, int minNum) {
    return new AdaptiveSettings(true, advisory, minSize, minNum);
  }

  @Test
  void tinyPartitionsBecomeOneRange() {
    List<long[]> sizes = List.of(new long[] {10, 0, 20, 5, 0, 7});
    long target = PartitionCoalescer.targetSize(sizes, settings(64L << 20, 1L << 20, 2));
    // 42 bytes over 2 partitions is 21 bytes, raised to the 1 MiB minimum partition size.
    assertThat(target).isEqualTo(1L << 20);
    assertThat(PartitionCoalescer.startIndices(sizes, target)).containsExactly(0);
  }

  @Test
  void rangesGrowUpToTheTargetAndABigPartitionStandsAlone() {
    List<long[]> sizes = List.of(new long[] {40, 40, 30, 500, 60, 50, 10});
    // [40+40] then 30 would pass 100: [30] stops before 500; [500] alone; [60] + 50 > 100; [50, 10].
    assertThat(PartitionCoalescer.startIndices(sizes, 100)).containsExactly(0, 2, 3, 4, 5);
  }

  @Test
  void aTinyLastRangeJoinsThePreviousOne() {
    List<long[]> sizes = List.of(new long[] {90, 15});
    // 15 is under 20% of 100 and 90 + 15 is within 120: one range.
    assertThat(PartitionCoalescer.startIndices(sizes, 100)).containsExactly(0);
  }

  @Test
  void shufflesReadTogetherAreCoalescedFromTheSumOfTheirSizes() {
    List<long[]> sizes = List.of(new long[] {30, 30, 30, 30}, new long[] {30, 30, 30, 30});
    // Each reduce partition reads 60 bytes of the two shuffles together: one partition per range at 100.
    assertThat(PartitionCoalescer.startIndices(sizes, 100)).containsExactly(0, 1, 2, 3);
    assertThat(PartitionCoalescer.targetSize(sizes, settings(1000, 1, 2))).isEqualTo(120);
    assertThat(PartitionCoalescer.targetSize(sizes, settings(50, 1, 2))).isEqualTo(50);
  }
}
